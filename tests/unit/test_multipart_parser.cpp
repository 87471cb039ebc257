// The hand-written streaming multipart/form-data reader the connection guard feeds uploads
// through: what it accepts, split anywhere, and what it refuses.
#include "server/http/multipart_parser.h"

#include <QTest>

using namespace corkboard;

namespace {
struct Parsed
{
    bool ok = false;
    QList<QByteArray> names;
    QList<QByteArray> contents;
    QStringList filenames;
    QString error;
};

// Feeds `body` cut at the given offsets (sorted, within the body).
Parsed parse(const QByteArray &boundary, const QByteArray &body, const QList<qsizetype> &cuts = {})
{
    Parsed out;
    MultipartParser::Handler h;
    h.begin = [&out](const MultipartParser::Part &part, QString *) {
        out.names.append(part.name);
        out.filenames.append(part.filename);
        out.contents.append(QByteArray());
        return true;
    };
    h.data = [&out](QByteArrayView bytes, QString *) {
        out.contents.last().append(bytes.data(), bytes.size());
        return true;
    };
    MultipartParser parser(boundary, h);
    qsizetype from = 0;
    bool ok = true;
    for (const qsizetype cut : cuts) {
        ok = ok && parser.feed(QByteArrayView(body).sliced(from, cut - from));
        from = cut;
    }
    ok = ok && parser.feed(QByteArrayView(body).sliced(from));
    out.ok = ok && parser.finish();
    out.error = parser.error();
    return out;
}

const QByteArray kValid
    = "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"filename\"\r\n\r\n"
      "report.pdf\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".bin\"\r\n"
      "Content-Type: Application/Octet-Stream\r\n\r\n"
      "\r\n--XyX is not a delimiter here\r\n--Xy\r\n"
      "\r\n--XyZ--\r\n";
} // namespace

class TestMultipartParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acceptsAWellFormedBodySplitAnywhere()
    {
        const Parsed whole = parse("XyZ", kValid);
        QVERIFY2(whole.ok, qPrintable(whole.error));
        QCOMPARE(whole.names, (QList<QByteArray> {"filename", "file"}));
        QCOMPARE(whole.contents.at(0), QByteArray("report.pdf"));
        QCOMPARE(whole.filenames.at(1), QStringLiteral("a \"b\".bin"));
        // Content that looks almost like the delimiter stays content.
        QCOMPARE(whole.contents.at(1), QByteArray("\r\n--XyX is not a delimiter here\r\n--Xy\r\n"));
        for (qsizetype a = 0; a <= kValid.size(); ++a) {
            const Parsed one = parse("XyZ", kValid, {a});
            QVERIFY2(one.ok, qPrintable(QStringLiteral("cut at %1: %2").arg(a).arg(one.error)));
            QCOMPARE(one.contents, whole.contents);
        }
        // Byte by byte.
        QList<qsizetype> every;
        for (qsizetype i = 1; i < kValid.size(); ++i)
            every.append(i);
        QCOMPARE(parse("XyZ", kValid, every).contents, whole.contents);
        // RFC 5987 filename* wins over filename.
        const QByteArray extended = "--b\r\nContent-Disposition: form-data; name=\"file\"; "
                                    "filename=\"x.txt\"; filename*=UTF-8''%C3%BCber.txt\r\n\r\n"
                                    "1\r\n--b--";
        const Parsed e = parse("b", extended);
        QVERIFY2(e.ok, qPrintable(e.error));
        QCOMPARE(e.filenames.at(0), QStringLiteral("über.txt"));
    }

    void refusesMalformedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray part = "Content-Disposition: form-data; name=\"file\"\r\n\r\nx";
        QTest::newRow("preamble") << QByteArray("junk\r\n--b\r\n" + part + "\r\n--b--");
        QTest::newRow("no CRLF after boundary") << QByteArray("--b " + part + "\r\n--b--");
        QTest::newRow("bare LF in headers")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"f\"\n\nx\r\n--b--");
        QTest::newRow("no closing delimiter") << QByteArray("--b\r\n" + part);
        QTest::newRow("data after the end") << QByteArray("--b\r\n" + part + "\r\n--b--\r\nmore");
        QTest::newRow("no disposition")
            << QByteArray("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--");
        QTest::newRow("not form-data")
            << QByteArray("--b\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--b--");
        QTest::newRow("two names") << QByteArray(
            "--b\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\nx\r\n--b--");
        QTest::newRow("unterminated quote")
            << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--b--");
        QTest::newRow("control character in a header") << QByteArray(
            "--b\r\nContent-Disposition: form-data; name=\"a\x01\"\r\n\r\nx\r\n--b--");
        QTest::newRow("huge part headers") << QByteArray("--b\r\nContent-Disposition: form-data; "
                                                         "name=\"a\"\r\nX: "
            + QByteArray(9000, 'a') + "\r\n\r\nx\r\n--b--");
        QByteArray many;
        for (int i = 0; i < 17; ++i)
            many += "--b\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\nx\r\n";
        QTest::newRow("17 parts") << QByteArray(many + "--b--");
        QTest::newRow("empty") << QByteArray();
    }

    void refusesMalformedBodies()
    {
        QFETCH(QByteArray, body);
        const Parsed p = parse("b", body);
        QVERIFY(!p.ok);
        QVERIFY(!p.error.isEmpty());
        // The same verdict whatever the pieces.
        for (qsizetype a = 0; a <= body.size(); a += 7)
            QVERIFY(!parse("b", body, {a}).ok);
    }

    void aHandlerCanStopTheParse()
    {
        MultipartParser::Handler h;
        h.begin = [](const MultipartParser::Part &, QString *why) {
            *why = QStringLiteral("no thanks");
            return false;
        };
        MultipartParser parser("XyZ", h);
        QVERIFY(!parser.feed(kValid));
        QCOMPARE(parser.error(), QStringLiteral("no thanks"));
    }

    void boundaryComesFromTheContentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("boundary");
        QTest::newRow("plain") << QByteArray("multipart/form-data; boundary=abc")
                               << QByteArray("abc");
        QTest::newRow("quoted") << QByteArray("Multipart/Form-Data; boundary=\"a b:c\"")
                                << QByteArray("a b:c");
        QTest::newRow("curl") << QByteArray(
            "multipart/form-data; boundary=------------------------d74496d66958873e")
                              << QByteArray("------------------------d74496d66958873e");
        QTest::newRow("other type") << QByteArray("multipart/mixed; boundary=abc") << QByteArray();
        QTest::newRow("missing") << QByteArray("multipart/form-data") << QByteArray();
        QTest::newRow("twice") << QByteArray("multipart/form-data; boundary=a; boundary=b")
                               << QByteArray();
        QTest::newRow("too long") << QByteArray("multipart/form-data; boundary="
            + QByteArray(71, 'a')) << QByteArray();
        QTest::newRow("bad character")
            << QByteArray("multipart/form-data; boundary=a\x01") << QByteArray();
    }

    void boundaryComesFromTheContentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, boundary);
        QCOMPARE(MultipartParser::boundaryOf(contentType), boundary);
    }
};

QTEST_GUILESS_MAIN(TestMultipartParser)
#include "test_multipart_parser.moc"
