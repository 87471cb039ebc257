#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace corkboard;

class TestJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hostileTextSurvivesARoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\" \\ there");
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE cards; --");
        QTest::newRow("html") << QStringLiteral("<script>alert(1)</script>");
        QTest::newRow("emoji") << QStringLiteral("ship it 🚀👩‍💻");
        QTest::newRow("rtl") << QStringLiteral("\u202Eabc\u200F שלום");
        QTest::newRow("controls") << QString::fromUtf8("a\x01\x1f\tb\nc\r", 9);
        QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("after-nul");
    }
    void hostileTextSurvivesARoundTrip()
    {
        QFETCH(QString, text);
        JsonWriter w;
        w.beginObject()
            .field("t", text)
            .key("list")
            .beginArray()
            .value(qint64(1))
            .value(true)
            .null()
            .endArray()
            .endObject();
        QJsonParseError err {};
        const auto doc = QJsonDocument::fromJson(w.data(), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("t")).toString(), text);
        QCOMPARE(doc.object().value(QStringLiteral("list")).toArray().size(), 3);
    }

    void rfc3339HasMilliseconds()
    {
        const QDateTime t = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        QCOMPARE(toRfc3339(t), QStringLiteral("2026-01-02T03:04:05.006Z"));
        QCOMPARE(fromRfc3339(QStringLiteral("2026-01-02T05:04:05.006+02:00")), t);
        QVERIFY(!fromRfc3339(QStringLiteral("yesterday")).isValid());
        QVERIFY(!fromRfc3339(QStringLiteral("2026-13-02T03:04:05Z")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "test_json_writer.moc"
