// Card input over HTTP: strict validation (nothing written on refusal), out-of-range numbers,
// the label cap, exact round trips of hostile text.
#include "tests/support/cards_http_world.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace corkboard;
using namespace corkboard::test;

class TestCardsValidationHttp : public CardsHttpWorld
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(setUpWorld()); }

    void badInputIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");

        const QByteArray longTitle = QByteArray(201, 'x');
        const QByteArray longText = QByteArray(20001, 'y');
        const QByteArray longName = QByteArray(101, 'n');
        const QString cards = QStringLiteral("/api/v1/boards/{board}/cards");
        auto card = [&](const QByteArray &extra) -> QByteArray {
            return "{\"column_id\":\"{column}\"," + extra + "}";
        };
        QTest::newRow("title too long")
            << QByteArray("POST") << cards << card("\"title\":\"" + longTitle + "\"") << 422
            << QStringLiteral("title");
        QTest::newRow("title empty") << QByteArray("POST") << cards << card("\"title\":\"\"") << 422
                                     << QStringLiteral("title");
        QTest::newRow("title blank") << QByteArray("POST") << cards << card("\"title\":\"   \"")
                                     << 422 << QStringLiteral("title");
        QTest::newRow("title missing")
            << QByteArray("POST") << cards << QByteArray("{\"column_id\":\"{column}\"}") << 422
            << QStringLiteral("title");
        QTest::newRow("title number") << QByteArray("POST") << cards << card("\"title\":42") << 422
                                      << QStringLiteral("title");
        QTest::newRow("title with NUL")
            << QByteArray("POST") << cards << card("\"title\":\"a\\u0000b\"") << 422
            << QStringLiteral("title");
        QTest::newRow("title lone surrogate")
            << QByteArray("POST") << cards << card("\"title\":\"a\\ud800b\"") << 422
            << QStringLiteral("title");
        QTest::newRow("unknown field")
            << QByteArray("POST") << cards << card("\"title\":\"t\",\"owner\":\"me\"") << 422
            << QStringLiteral("owner");
        QTest::newRow("description too long")
            << QByteArray("POST") << cards
            << card("\"title\":\"t\",\"description\":\"" + longText + "\"") << 422
            << QStringLiteral("description");
        QTest::newRow("column of another board")
            << QByteArray("POST") << cards
            << QByteArray("{\"column_id\":\"{other_column}\",\"title\":\"t\"}") << 422
            << QStringLiteral("column_id");
        QTest::newRow("unknown column")
            << QByteArray("POST") << cards << QByteArray("{\"column_id\":\"nope\",\"title\":\"t\"}")
            << 422 << QStringLiteral("column_id");
        QTest::newRow("label of another board")
            << QByteArray("POST") << cards
            << card("\"title\":\"t\",\"label_ids\":[\"{other_label}\"]") << 422
            << QStringLiteral("label_ids");
        QTest::newRow("label_ids not an array")
            << QByteArray("POST") << cards << card("\"title\":\"t\",\"label_ids\":\"x\"") << 422
            << QStringLiteral("label_ids");
        QTest::newRow("duplicate label ids")
            << QByteArray("POST") << cards
            << card("\"title\":\"t\",\"label_ids\":[\"{other_label}\",\"{other_label}\"]") << 422
            << QStringLiteral("label_ids");
        QTest::newRow("assignee not a member")
            << QByteArray("POST") << cards
            << card("\"title\":\"t\",\"assignee_ids\":[\"{other_user}\"]") << 422
            << QStringLiteral("assignee_ids");
        QTest::newRow("bad due_at")
            << QByteArray("POST") << cards << card("\"title\":\"t\",\"due_at\":\"tomorrow\"") << 422
            << QStringLiteral("due_at");
        QTest::newRow("after unknown card")
            << QByteArray("POST") << cards << card("\"title\":\"t\",\"after_card_id\":\"nope\"")
            << 422 << QStringLiteral("after_card_id");
        QTest::newRow("not JSON") << QByteArray("POST") << cards << QByteArray("{\"title\":") << 400
                                  << QStringLiteral("");
        QTest::newRow("JSON array")
            << QByteArray("POST") << cards << QByteArray("[1,2]") << 400 << QStringLiteral("");
        QTest::newRow("board name too long")
            << QByteArray("PATCH") << QStringLiteral("/api/v1/boards/{board}")
            << QByteArray("{\"name\":\"" + longName + "\"}") << 422 << QStringLiteral("name");
        QTest::newRow("board archived not bool")
            << QByteArray("PATCH") << QStringLiteral("/api/v1/boards/{board}")
            << QByteArray("{\"archived\":\"yes\"}") << 422 << QStringLiteral("archived");
        QTest::newRow("wip limit too big")
            << QByteArray("POST") << QStringLiteral("/api/v1/boards/{board}/columns")
            << QByteArray("{\"name\":\"c\",\"wip_limit\":1000}") << 422
            << QStringLiteral("wip_limit");
        QTest::newRow("wip limit negative")
            << QByteArray("POST") << QStringLiteral("/api/v1/boards/{board}/columns")
            << QByteArray("{\"name\":\"c\",\"wip_limit\":-1}") << 422
            << QStringLiteral("wip_limit");
        QTest::newRow("wip limit string")
            << QByteArray("POST") << QStringLiteral("/api/v1/boards/{board}/columns")
            << QByteArray("{\"name\":\"c\",\"wip_limit\":\"5\"}") << 422
            << QStringLiteral("wip_limit");
        QTest::newRow("column name too long")
            << QByteArray("POST") << QStringLiteral("/api/v1/boards/{board}/columns")
            << QByteArray("{\"name\":\"" + longName + "\"}") << 422 << QStringLiteral("name");
        QTest::newRow("label bad color")
            << QByteArray("POST") << QStringLiteral("/api/v1/boards/{board}/labels")
            << QByteArray("{\"name\":\"l\",\"color\":\"red\"}") << 422 << QStringLiteral("color");
        QTest::newRow("label name too long")
            << QByteArray("POST") << QStringLiteral("/api/v1/boards/{board}/labels")
            << QByteArray("{\"name\":\"" + longName + "\",\"color\":\"#ffffff\"}") << 422
            << QStringLiteral("name");
        QTest::newRow("move to other board")
            << QByteArray("POST") << QStringLiteral("/api/v1/cards/{card}/move")
            << QByteArray("{\"column_id\":\"{other_column}\"}") << 422
            << QStringLiteral("column_id");
        QTest::newRow("move after and before")
            << QByteArray("POST") << QStringLiteral("/api/v1/cards/{card}/move")
            << QByteArray(
                   "{\"column_id\":\"{column}\",\"after_card_id\":null,\"before_card_id\":\"x\"}")
            << 422 << QStringLiteral("before_card_id");
        QTest::newRow("comment too long")
            << QByteArray("POST") << QStringLiteral("/api/v1/cards/{card}/comments")
            << QByteArray("{\"body\":\"" + longText + "\"}") << 422 << QStringLiteral("body");
        QTest::newRow("mention not a member")
            << QByteArray("POST") << QStringLiteral("/api/v1/cards/{card}/comments")
            << QByteArray("{\"body\":\"hi\",\"mention_ids\":[\"{other_user}\"]}") << 422
            << QStringLiteral("mention_ids");
        QTest::newRow("member bad role")
            << QByteArray("PUT") << QStringLiteral("/api/v1/boards/{board}/members/{other_user}")
            << QByteArray("{\"role\":\"god\"}") << 422 << QStringLiteral("role");
        QTest::newRow("limit zero")
            << QByteArray("GET") << QStringLiteral("/api/v1/boards/{board}/activity?limit=0")
            << QByteArray() << 422 << QStringLiteral("limit");
        QTest::newRow("search nothing")
            << QByteArray("GET") << QStringLiteral("/api/v1/search?q=%20") << QByteArray() << 422
            << QStringLiteral("q");
        QTest::newRow("search only symbols")
            << QByteArray("GET") << QStringLiteral("/api/v1/search?q=%22*%28") << QByteArray()
            << 422 << QStringLiteral("q");
        QTest::newRow("unknown card")
            << QByteArray("PATCH") << QStringLiteral("/api/v1/cards/nope")
            << QByteArray("{\"title\":\"t\"}") << 404 << QStringLiteral("");
    }

    void badInputIsRefusedAndChangesNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const QString card = newCard(QStringLiteral("target"));
        const QHash<QString, QString> ids {{QStringLiteral("board"), m_board},
            {QStringLiteral("column"), m_column}, {QStringLiteral("other_column"), m_otherColumn},
            {QStringLiteral("other_label"), m_otherLabel},
            {QStringLiteral("other_user"), m_other.userId}, {QStringLiteral("card"), card}};
        for (auto it = ids.begin(); it != ids.end(); ++it) {
            path.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
            body.replace(QByteArray("{" + it.key().toUtf8() + "}"), it.value().toUtf8());
        }
        const qint64 seq = boardSeq();
        const qint64 count = cardCount();
        QList<QPair<QByteArray, QByteArray>> headers {
            {"Authorization", "Bearer " + m_owner.accessToken.toLatin1()}};
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        const auto r = http(method, url(path), body, headers);
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        if (!field.isEmpty()) {
            const auto errors = r.json().value(QStringLiteral("errors")).toArray();
            QVERIFY2(!errors.isEmpty(), r.body.constData());
            QCOMPARE(errors.first().toObject().value(QStringLiteral("field")).toString(), field);
        }
        QVERIFY(!r.body.contains("SELECT") && !r.body.contains("sqlite"));
        QCOMPARE(boardSeq(), seq);
        QCOMPARE(cardCount(), count);
    }

    void hugeNumbersAreOutOfRangeAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("number");
        const QString columns = QStringLiteral("/api/v1/boards/{board}/columns");
        const QString column = QStringLiteral("/api/v1/columns/{column}");
        for (const char *n : {"1e300", "-1e300", "1e19", "9.3e18", "-9.3e18", "4294967296"}) {
            QTest::addRow("create %s", n) << QByteArray("POST") << columns << QByteArray(n);
            QTest::addRow("patch %s", n) << QByteArray("PATCH") << column << QByteArray(n);
        }
    }

    // A number far outside an integer's range is a clear 422 out_of_range, never a conversion
    // with undefined behaviour (1e300 cast to qint64).

    void hugeNumbersAreOutOfRangeAndChangeNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, number);
        path.replace(QStringLiteral("{board}"), m_board)
            .replace(QStringLiteral("{column}"), m_column);
        const qint64 seq = boardSeq();
        const auto r = http(method, url(path), "{\"name\":\"c\",\"wip_limit\":" + number + "}",
            {{"Authorization", "Bearer " + m_owner.accessToken.toLatin1()},
                {"Content-Type", "application/json"}});
        QCOMPARE(r.status, 422);
        const auto error = r.json().value(QStringLiteral("errors")).toArray().first().toObject();
        QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("wip_limit"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("out_of_range"));
        QCOMPARE(boardSeq(), seq);
    }

    void theFiftyFirstLabelIsRefused()
    {
        const auto b = post(QStringLiteral("/api/v1/boards"),
            {{QStringLiteral("name"), QStringLiteral("Labels")}}, m_owner.accessToken);
        const QString board = b.data()
                                  .value(QStringLiteral("board"))
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
        for (int i = 0; i < 50; ++i) {
            QCOMPARE(post(QStringLiteral("/api/v1/boards/%1/labels").arg(board),
                         {{QStringLiteral("name"), QStringLiteral("l%1").arg(i)},
                             {QStringLiteral("color"), QStringLiteral("#aabbcc")}},
                         m_owner.accessToken)
                         .status,
                201);
        }
        const auto r = post(QStringLiteral("/api/v1/boards/%1/labels").arg(board),
            {{QStringLiteral("name"), QStringLiteral("one too many")},
                {QStringLiteral("color"), QStringLiteral("#aabbcc")}},
            m_owner.accessToken);
        QCOMPARE(r.status, 422);
        QCOMPARE(httpAuth("GET", url(QStringLiteral("/api/v1/boards/%1/labels").arg(board)),
                     m_owner.accessToken)
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            50);
    }

    // The create answers with the card as it was stored: the same JSON a GET of it returns (ids
    // sorted, the due time in stored UTC form, empty description).

    void hostileTextIsStoredAndReturnedExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE cards; -- \" OR 1=1");
        QTest::newRow("html") << QStringLiteral("<script>alert('x')</script><b>bold</b> &amp;");
        QTest::newRow("emoji") << QString::fromUtf8("ship it 👍🏽🚀 — ünïcødé");
        QTest::newRow("rtl marks") << QString::fromUtf8("\u202Eabc\u200F שלום \u200E");
        QTest::newRow("control chars") << QStringLiteral("tab\there\nnew line\r\n\u0001");
        QTest::newRow("200 emoji") << QString::fromUtf8("🎉").repeated(200);
    }

    void hostileTextIsStoredAndReturnedExactly()
    {
        QFETCH(QString, text);
        const auto created = post(QStringLiteral("/api/v1/boards/%1/cards").arg(m_board),
            {{QStringLiteral("column_id"), m_column}, {QStringLiteral("title"), text},
                {QStringLiteral("description"), text}},
            m_owner.accessToken);
        QCOMPARE(created.status, 201);
        const QString id = created.data().value(QStringLiteral("id")).toString();
        const auto got
            = httpAuth("GET", url(QStringLiteral("/api/v1/cards/") + id), m_owner.accessToken);
        QCOMPARE(got.data().value(QStringLiteral("title")).toString(), text);
        QCOMPARE(got.data().value(QStringLiteral("description")).toString(), text);
        const auto comment = post(QStringLiteral("/api/v1/cards/%1/comments").arg(id),
            {{QStringLiteral("body"), text}}, m_owner.accessToken);
        QCOMPARE(comment.status, 201);
        const auto list = httpAuth(
            "GET", url(QStringLiteral("/api/v1/cards/%1/comments").arg(id)), m_owner.accessToken);
        QCOMPARE(list.json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("body"))
                     .toString(),
            text);
    }
};

QTEST_GUILESS_MAIN(TestCardsValidationHttp)
#include "test_cards_validation_http.moc"
