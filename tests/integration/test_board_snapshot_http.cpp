// GET /api/v1/boards/{id} over HTTP: the body is exactly what the shared codec writes for the same
// board, its ETag names those bytes (If-None-Match → 304, no body), and the per-thread snapshot
// cache never hides a change: any write between two GETs is seen, even one that records no event.
#include "shared/dto/snapshot.h"
#include "shared/json_writer.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

class TestBoardSnapshotHttp : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    RegisteredUser m_owner;
    RegisteredUser m_bob;
    QString m_board;
    QString m_column;

    QString url(const QString &path) const { return m_server->url(path); }
    QString boardUrl() const { return url(QStringLiteral("/api/v1/boards/") + m_board); }

    HttpResult get(const QString &token, const QByteArray &ifNoneMatch = QByteArray())
    {
        QList<QPair<QByteArray, QByteArray>> headers {
            {"Authorization", "Bearer " + token.toLatin1()}};
        if (!ifNoneMatch.isEmpty())
            headers.append({"If-None-Match", ifNoneMatch});
        return http("GET", boardUrl(), QByteArray(), headers);
    }

    QJsonObject post(const QString &path, const QJsonObject &body)
    {
        const auto r = httpJson("POST", url(path), body, m_owner.accessToken);
        if (r.status != 201)
            qWarning() << path << r.status << r.body;
        return r.data();
    }

    static QStringList cardTitles(const HttpResult &r)
    {
        QStringList titles;
        const auto cards = r.data().value(QStringLiteral("cards")).toArray();
        for (const auto &c : cards)
            titles.append(c.toObject().value(QStringLiteral("title")).toString());
        return titles;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>(); // the snapshot cache is on by default
        m_owner = registerUser(*m_server, QStringLiteral("owner@example.test"),
            QStringLiteral("correct horse battery"), QStringLiteral("Olga"));
        m_bob = registerUser(*m_server, QStringLiteral("bob@example.test"),
            QStringLiteral("correct horse battery"), QStringLiteral("Bob"));
        const auto b = post(QStringLiteral("/api/v1/boards"),
            {{QStringLiteral("name"), QStringLiteral("Snapshot \"quoted\" ✓")}});
        m_board
            = b.value(QStringLiteral("board")).toObject().value(QStringLiteral("id")).toString();
        m_column = b.value(QStringLiteral("columns"))
                       .toArray()
                       .at(0)
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toString();
        QVERIFY(!m_board.isEmpty());
    }

    void cleanup() { m_server.reset(); }

    void bodyIsExactlyWhatTheSharedCodecWrites()
    {
        const QString label = post(QStringLiteral("/api/v1/boards/%1/labels").arg(m_board),
            {{QStringLiteral("name"), QStringLiteral("Ürgent")},
                {QStringLiteral("color"), QStringLiteral("#aa3300")}})
                                  .value(QStringLiteral("id"))
                                  .toString();
        QCOMPARE(httpJson("PUT",
                     url(QStringLiteral("/api/v1/boards/%1/members/%2").arg(m_board, m_bob.userId)),
                     {{QStringLiteral("role"), QStringLiteral("editor")}}, m_owner.accessToken)
                     .status,
            201);
        for (int i = 0; i < 6; ++i) {
            QJsonObject in {{QStringLiteral("column_id"), m_column},
                {QStringLiteral("title"), QStringLiteral("Card %1 \"x\"\\ \t 🎉").arg(i)},
                {QStringLiteral("description"), QStringLiteral("line 1\nline 2 é")}};
            if (i % 2 == 0)
                in.insert(QStringLiteral("label_ids"), QJsonArray {label});
            if (i % 3 == 0)
                in.insert(
                    QStringLiteral("assignee_ids"), QJsonArray {m_owner.userId, m_bob.userId});
            if (i == 1)
                in.insert(QStringLiteral("due_at"), QStringLiteral("2027-03-01T10:00:00.000Z"));
            const QString card = post(QStringLiteral("/api/v1/boards/%1/cards").arg(m_board), in)
                                     .value(QStringLiteral("id"))
                                     .toString();
            if (i % 2 == 1)
                post(QStringLiteral("/api/v1/cards/%1/checklist").arg(card),
                    {{QStringLiteral("text"), QStringLiteral("step")}});
            if (i == 4)
                post(QStringLiteral("/api/v1/cards/%1/comments").arg(card),
                    {{QStringLiteral("body"), QStringLiteral("looks good")}});
        }
        for (const bool archived : {false, true}) {
            const auto r = http("GET",
                boardUrl() + (archived ? QStringLiteral("?include_archived=true") : QString()),
                QByteArray(), {{"Authorization", "Bearer " + m_owner.accessToken.toLatin1()}});
            QCOMPARE(r.status, 200);
            const BoardSnapshot decoded = boardSnapshotFromJson(r.data());
            QCOMPARE(decoded.cards.size(), 6);
            JsonWriter w;
            w.beginObject().key("data");
            writeJson(w, decoded);
            w.endObject();
            QCOMPARE(r.body, w.data());
        }
    }

    void notModifiedWhenTheClientHoldsTheseBytes()
    {
        const auto first = get(m_owner.accessToken);
        QCOMPARE(first.status, 200);
        const QByteArray tag = first.header("ETag");
        QVERIFY(tag.startsWith('"') && tag.endsWith('"'));
        const auto again = get(m_owner.accessToken, tag);
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), tag);
        QCOMPARE(get(m_owner.accessToken, "W/" + tag + ", \"other\"").status, 304);
        const auto stale = get(m_owner.accessToken, "\"1\"");
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.body, first.body);
    }

    void aWriteBetweenTwoGetsIsSeen()
    {
        const auto first = get(m_owner.accessToken);
        const auto cached = get(m_owner.accessToken); // served by the cache, same bytes
        QCOMPARE(cached.body, first.body);
        post(QStringLiteral("/api/v1/boards/%1/cards").arg(m_board),
            {{QStringLiteral("column_id"), m_column},
                {QStringLiteral("title"), QStringLiteral("new")}});
        const auto afterCard = get(m_owner.accessToken, first.header("ETag"));
        QCOMPARE(afterCard.status, 200);
        QCOMPARE(cardTitles(afterCard), QStringList {QStringLiteral("new")});
        QVERIFY(afterCard.header("ETag") != first.header("ETag"));

        // A change that records no board event (a member renames themselves) is seen too.
        QCOMPARE(httpJson("PATCH", url(QStringLiteral("/api/v1/users/me")),
                     {{QStringLiteral("display_name"), QStringLiteral("Olga Renamed")}},
                     m_owner.accessToken)
                     .status,
            200);
        const auto afterRename = get(m_owner.accessToken, afterCard.header("ETag"));
        QCOMPARE(afterRename.status, 200);
        const auto members = afterRename.data().value(QStringLiteral("members")).toArray();
        QCOMPARE(members.at(0).toObject().value(QStringLiteral("display_name")).toString(),
            QStringLiteral("Olga Renamed"));
    }

    void eachCallerGetsTheirOwnRoleAndNoStrangerAHit()
    {
        QCOMPARE(get(m_owner.accessToken).status, 200); // fills the cache as owner
        QCOMPARE(get(m_bob.accessToken).status, 404);
        QCOMPARE(httpJson("PUT",
                     url(QStringLiteral("/api/v1/boards/%1/members/%2").arg(m_board, m_bob.userId)),
                     {{QStringLiteral("role"), QStringLiteral("viewer")}}, m_owner.accessToken)
                     .status,
            201);
        const auto asBob = get(m_bob.accessToken);
        QCOMPARE(asBob.status, 200);
        QCOMPARE(asBob.data()
                     .value(QStringLiteral("board"))
                     .toObject()
                     .value(QStringLiteral("role"))
                     .toString(),
            QStringLiteral("viewer"));
        QCOMPARE(get(m_owner.accessToken)
                     .data()
                     .value(QStringLiteral("board"))
                     .toObject()
                     .value(QStringLiteral("role"))
                     .toString(),
            QStringLiteral("owner"));
    }
};

QTEST_GUILESS_MAIN(TestBoardSnapshotHttp)
#include "test_board_snapshot_http.moc"
