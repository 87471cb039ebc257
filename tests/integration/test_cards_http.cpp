// Cards over HTTP: optimistic concurrency, idempotency, what a GET returns, the snapshot's
// sequence number, search snippets, deleting a column.
#include "server/platform/database.h"
#include "tests/support/cards_http_world.h"
#include "tests/support/raw_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace corkboard;
using namespace corkboard::test;

class TestCardsHttp : public CardsHttpWorld
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(setUpWorld()); }

    void writesThatQueueUpShareOneTransactionAndAnswerInOrder()
    {
        // Card writes run on the write lane. While the process's writer is busy (held here, as
        // a long write elsewhere would hold it), the requests queue up; once it is free they go
        // into one transaction, a request that fails (an empty title) costs the others nothing,
        // and a GET sent behind a POST on the same connection is answered after it and sees it.
        auto laneCounter = [this](const QByteArray &name) {
            const QByteArray metrics = http("GET", url(QStringLiteral("/metrics"))).body;
            for (const QByteArray &line : metrics.split('\n')) {
                if (line.startsWith(QByteArray(name + ' ')))
                    return line.mid(name.size() + 1).toLongLong();
            }
            return qint64(-1);
        };
        // PostgreSQL has no lane (its writers do not queue for one writer): the same answers.
        const bool lane = !m_server->config().usesPostgres();
        const qint64 batchesBefore = laneCounter("corkboard_write_lane_batches_total");
        const qint64 requestsBefore = laneCounter("corkboard_write_lane_requests_total");
        QCOMPARE(batchesBefore >= 0, lane);
        const QByteArray auth = "Authorization: Bearer " + m_owner.accessToken.toLatin1() + "\r\n";
        auto post = [&](const QByteArray &title) -> QByteArray {
            const QByteArray body
                = "{\"column_id\":\"" + m_column.toLatin1() + "\",\"title\":\"" + title + "\"}";
            return "POST /api/v1/boards/" + m_board.toLatin1()
                + "/cards HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth
                + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        };
        const QByteArray snapshot = "GET /api/v1/boards/" + m_board.toLatin1()
            + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
        constexpr int kClients = 6;
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<RawClient>());
            QVERIFY(clients.back()->connectTo(m_server->port()));
        }
        {
            Database holder(m_server->config(), QStringLiteral("lane-test-holder"));
            Transaction busy(holder);
            for (int i = 0; i < kClients; ++i)
                QVERIFY(clients[i]->send(
                    post(i == 3 ? QByteArray() : "queued " + QByteArray::number(i))));
            QTest::qWait(200);
            QVERIFY(clients[0]->send(snapshot));
            QTest::qWait(200);
            // Nothing is answered while the writer is held.
            QCOMPARE(clients[0]->socket().bytesAvailable(), 0);
        }
        for (int i = 0; i < kClients; ++i) {
            const RawResponse r = clients[i]->readResponse(10000);
            QCOMPARE(r.status, i == 3 ? 422 : 201);
        }
        const RawResponse board = clients[0]->readResponse(10000);
        QCOMPARE(board.status, 200);
        QVERIFY(board.body.contains("\"queued 0\"")); // its own connection's write, committed
        if (!lane)
            return;
        QCOMPARE(laneCounter("corkboard_write_lane_requests_total") - requestsBefore, kClients);
        // One batch for what reached the lane first, one for everything that queued behind it.
        QVERIFY(laneCounter("corkboard_write_lane_batches_total") - batchesBefore <= 2);
    }

    void twoPatchesWithTheSameIfMatchExactlyOneWins()
    {
        QNetworkAccessManager a;
        QNetworkAccessManager b;
        for (int round = 0; round < 10; ++round) {
            const QString card = newCard(QStringLiteral("race %1").arg(round));
            auto send = [&](QNetworkAccessManager &nam, const char *title) {
                QNetworkRequest req {QUrl(url(QStringLiteral("/api/v1/cards/") + card))};
                req.setRawHeader("Authorization", "Bearer " + m_owner.accessToken.toLatin1());
                req.setRawHeader("Content-Type", "application/json");
                req.setRawHeader("If-Match", "\"1\"");
                return nam.sendCustomRequest(
                    req, "PATCH", QByteArray("{\"title\":\"") + title + "\"}");
            };
            QNetworkReply *r1 = send(a, "first");
            QNetworkReply *r2 = send(b, "second");
            QSignalSpy s1(r1, &QNetworkReply::finished);
            QSignalSpy s2(r2, &QNetworkReply::finished);
            QVERIFY(r1->isFinished() || s1.wait(10000));
            QVERIFY(r2->isFinished() || s2.wait(10000));
            const int st1 = r1->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const int st2 = r2->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            QList<int> statuses {st1, st2};
            std::sort(statuses.begin(), statuses.end());
            QCOMPARE(statuses, (QList<int> {200, 412}));
            QNetworkReply *loser = st1 == 412 ? r1 : r2;
            const auto problem = QJsonDocument::fromJson(loser->readAll()).object();
            QCOMPARE(problem.value(QStringLiteral("code")).toString(),
                QStringLiteral("PRECONDITION_FAILED"));
            const auto current = problem.value(QStringLiteral("current")).toObject();
            QCOMPARE(current.value(QStringLiteral("version")).toInt(), 2);
            QCOMPARE(current.value(QStringLiteral("title")).toString(),
                QLatin1String(st1 == 412 ? "second" : "first"));
            r1->deleteLater();
            r2->deleteLater();
        }
    }

    void etagAndIfMatchOnDelete()
    {
        const QString card = newCard(QStringLiteral("etag"));
        const auto got
            = httpAuth("GET", url(QStringLiteral("/api/v1/cards/") + card), m_owner.accessToken);
        QCOMPARE(got.header("ETag"), QByteArray("\"1\""));
        const QList<QPair<QByteArray, QByteArray>> stale {
            {"Authorization", "Bearer " + m_owner.accessToken.toLatin1()}, {"If-Match", "\"7\""}};
        QCOMPARE(http("DELETE", url(QStringLiteral("/api/v1/cards/") + card), QByteArray(), stale)
                     .status,
            412);
        const QList<QPair<QByteArray, QByteArray>> fresh {
            {"Authorization", "Bearer " + m_owner.accessToken.toLatin1()}, {"If-Match", "\"1\""}};
        QCOMPARE(http("DELETE", url(QStringLiteral("/api/v1/cards/") + card), QByteArray(), fresh)
                     .status,
            204);
        QCOMPARE(httpAuth("GET", url(QStringLiteral("/api/v1/cards/") + card), m_owner.accessToken)
                     .status,
            404);
    }

    void idempotencyKeyReturnsTheFirstResponse()
    {
        const QByteArray body
            = QJsonDocument(QJsonObject {{QStringLiteral("column_id"), m_column},
                                {QStringLiteral("title"), QStringLiteral("once")}})
                  .toJson(QJsonDocument::Compact);
        const QList<QPair<QByteArray, QByteArray>> headers {
            {"Authorization", "Bearer " + m_owner.accessToken.toLatin1()},
            {"Content-Type", "application/json"}, {"Idempotency-Key", "create-once-1"}};
        const qint64 before = cardCount();
        const QString path = url(QStringLiteral("/api/v1/boards/%1/cards").arg(m_board));
        const auto first = http("POST", path, body, headers);
        const auto second = http("POST", path, body, headers);
        QCOMPARE(first.status, 201);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.body, first.body);
        QCOMPARE(cardCount(), before + 1);
        // Same key, different request: refused, nothing created.
        const auto changed = http("POST", path, QByteArray(body).replace("once", "twice"), headers);
        QCOMPARE(changed.status, 422);
        QCOMPARE(cardCount(), before + 1);
        // Keys are per user: another user's identical key is independent (and 404s here).
        QList<QPair<QByteArray, QByteArray>> otherHeaders = headers;
        otherHeaders[0].second = "Bearer " + m_other.accessToken.toLatin1();
        QCOMPARE(http("POST", path, body, otherHeaders).status, 404);
    }

    void theCreatedCardIsWhatAGetReturns()
    {
        QStringList labels;
        for (const char *name : {"zeta", "alpha"}) {
            const auto l = post(QStringLiteral("/api/v1/boards/%1/labels").arg(m_board),
                {{QStringLiteral("name"), QString::fromLatin1(name)},
                    {QStringLiteral("color"), QStringLiteral("#654321")}},
                m_owner.accessToken);
            QCOMPARE(l.status, 201);
            labels.append(l.data().value(QStringLiteral("id")).toString());
        }
        std::sort(labels.begin(), labels.end(), std::greater<>());
        const auto created = post(QStringLiteral("/api/v1/boards/%1/cards").arg(m_board),
            {{QStringLiteral("column_id"), m_column},
                {QStringLiteral("title"), QStringLiteral("t")},
                {QStringLiteral("label_ids"), QJsonArray::fromStringList(labels)},
                {QStringLiteral("assignee_ids"), QJsonArray {m_owner.userId}},
                {QStringLiteral("due_at"), QStringLiteral("2027-01-05T10:30:00.123+02:00")}},
            m_owner.accessToken);
        QCOMPARE(created.status, 201);
        const QString id = created.data().value(QStringLiteral("id")).toString();
        const auto got
            = httpAuth("GET", url(QStringLiteral("/api/v1/cards/") + id), m_owner.accessToken);
        QCOMPARE(got.status, 200);
        QCOMPARE(created.data(), got.data());
        QCOMPARE(created.header("ETag"), got.header("ETag"));
        QCOMPARE(got.data().value(QStringLiteral("due_at")).toString(),
            QStringLiteral("2027-01-05T08:30:00.123Z"));
        QCOMPARE(got.data().value(QStringLiteral("label_ids")).toArray().size(), 2);
    }

    void searchRanksAndHighlightsSafely()
    {
        const QString card = post(QStringLiteral("/api/v1/boards/%1/cards").arg(m_board),
            {{QStringLiteral("column_id"), m_column},
                {QStringLiteral("title"), QStringLiteral("Platypus <b>launch</b>")},
                {QStringLiteral("description"), QStringLiteral("nothing here")}},
            m_owner.accessToken)
                                 .data()
                                 .value(QStringLiteral("id"))
                                 .toString();
        const QString weak = newCard(QStringLiteral("misc"));
        post(QStringLiteral("/api/v1/cards/%1/comments").arg(weak),
            {{QStringLiteral("body"),
                QStringLiteral(
                    "a long comment that mentions the platypus only once among many other words")}},
            m_owner.accessToken);
        const auto r = httpAuth("GET",
            url(QStringLiteral("/api/v1/search?q=platy&board_id=") + m_board), m_owner.accessToken);
        QCOMPARE(r.status, 200);
        const auto hits = r.json().value(QStringLiteral("data")).toArray();
        QCOMPARE(hits.size(), 2);
        const auto best = hits.at(0).toObject();
        QCOMPARE(best.value(QStringLiteral("kind")).toString(), QStringLiteral("card"));
        QCOMPARE(best.value(QStringLiteral("id")).toString(), card);
        QCOMPARE(best.value(QStringLiteral("snippet")).toString(),
            QStringLiteral("<mark>Platypus</mark> &lt;b&gt;launch&lt;/b&gt;"));
        QCOMPARE(hits.at(1).toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("comment"));
        QCOMPARE(hits.at(1).toObject().value(QStringLiteral("card_id")).toString(), weak);
        // Edits and deletions reach the index in the same transaction.
        httpJson("PATCH", url(QStringLiteral("/api/v1/cards/") + card),
            {{QStringLiteral("title"), QStringLiteral("renamed")}}, m_owner.accessToken);
        QCOMPARE(
            httpAuth("GET", url(QStringLiteral("/api/v1/search?q=platypus&board_id=") + m_board),
                m_owner.accessToken)
                .json()
                .value(QStringLiteral("data"))
                .toArray()
                .size(),
            1);
        QCOMPARE(
            httpAuth("DELETE", url(QStringLiteral("/api/v1/cards/") + weak), m_owner.accessToken)
                .status,
            204);
        QCOMPARE(
            httpAuth("GET", url(QStringLiteral("/api/v1/search?q=platypus&board_id=") + m_board),
                m_owner.accessToken)
                .json()
                .value(QStringLiteral("data"))
                .toArray()
                .size(),
            0);
    }

    void snapshotSeqMatchesTheNewestActivity()
    {
        const QString card = newCard(QStringLiteral("seq"));
        QCOMPARE(httpJson("PATCH", url(QStringLiteral("/api/v1/cards/") + card),
                     {{QStringLiteral("archived"), true}}, m_owner.accessToken)
                     .status,
            200);
        const auto board = httpAuth(
            "GET", url(QStringLiteral("/api/v1/boards/") + m_board), m_owner.accessToken);
        QCOMPARE(board.status, 200);
        QVERIFY(!board.header("ETag").isEmpty());
        const auto activity = httpAuth("GET",
            url(QStringLiteral("/api/v1/boards/%1/activity?limit=2").arg(m_board)),
            m_owner.accessToken);
        const auto entries = activity.json().value(QStringLiteral("data")).toArray();
        QCOMPARE(entries.size(), 2);
        const auto newest = entries.at(0).toObject();
        QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("card.updated"));
        QCOMPARE(newest.value(QStringLiteral("entity_id")).toString(), card);
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("action")).toString(),
            QStringLiteral("card.created"));
        QCOMPARE(qint64(board.data()
                            .value(QStringLiteral("board"))
                            .toObject()
                            .value(QStringLiteral("seq"))
                            .toDouble()),
            qint64(newest.value(QStringLiteral("seq")).toDouble()));
        QVERIFY(activity.json().value(QStringLiteral("next_cursor")).isString());
        // The archived card is left out of the snapshot unless asked for.
        const auto cards = board.data().value(QStringLiteral("cards")).toArray();
        for (const auto &c : cards)
            QVERIFY(c.toObject().value(QStringLiteral("id")).toString() != card);
    }

    void deletingAColumnMovesItsCards()
    {
        const auto col = post(QStringLiteral("/api/v1/boards/%1/columns").arg(m_board),
            {{QStringLiteral("name"), QStringLiteral("Temp")}}, m_owner.accessToken);
        const QString temp = col.data().value(QStringLiteral("id")).toString();
        const QString card = post(QStringLiteral("/api/v1/boards/%1/cards").arg(m_board),
            {{QStringLiteral("column_id"), temp},
                {QStringLiteral("title"), QStringLiteral("mover")}},
            m_owner.accessToken)
                                 .data()
                                 .value(QStringLiteral("id"))
                                 .toString();
        QCOMPARE(
            httpAuth("DELETE", url(QStringLiteral("/api/v1/columns/") + temp), m_owner.accessToken)
                .status,
            409);
        QCOMPARE(httpAuth("DELETE",
                     url(QStringLiteral("/api/v1/columns/%1?move_cards_to=%2").arg(temp, m_column)),
                     m_owner.accessToken)
                     .status,
            204);
        const auto got
            = httpAuth("GET", url(QStringLiteral("/api/v1/cards/") + card), m_owner.accessToken);
        QCOMPARE(got.data().value(QStringLiteral("column_id")).toString(), m_column);
        // The card's history names the column it left, though that column is gone.
        const auto moved = cardHistory(card).first();
        QCOMPARE(moved.value(QStringLiteral("action")).toString(), QStringLiteral("card.moved"));
        QCOMPARE(moved.value(QStringLiteral("details")).toObject(),
            (QJsonObject {{QStringLiteral("from_column_id"), temp},
                {QStringLiteral("from_column"), QStringLiteral("Temp")},
                {QStringLiteral("to_column_id"), m_column},
                {QStringLiteral("to_column"), QStringLiteral("To do")}}));
    }

    void aCardsHistoryIsAllOfItAndOnlyIt()
    {
        const QString card = newCard(QStringLiteral("storied"));
        const QString other = newCard(QStringLiteral("bystander"));
        const auto doing = post(QStringLiteral("/api/v1/boards/%1/columns").arg(m_board),
            {{QStringLiteral("name"), QStringLiteral("Doing")}}, m_owner.accessToken);
        const QString doingId = doing.data().value(QStringLiteral("id")).toString();
        QCOMPARE(post(QStringLiteral("/api/v1/cards/%1/move").arg(card),
                     {{QStringLiteral("column_id"), doingId}}, m_owner.accessToken)
                     .status,
            200);
        // The column is renamed afterwards: the history keeps the name it had.
        QCOMPARE(httpJson("PATCH", url(QStringLiteral("/api/v1/columns/") + doingId),
                     {{QStringLiteral("name"), QStringLiteral("In progress")}}, m_owner.accessToken)
                     .status,
            200);
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(post(QStringLiteral("/api/v1/cards/%1/comments").arg(card),
                         {{QStringLiteral("body"), QStringLiteral("note %1").arg(i)}},
                         m_owner.accessToken)
                         .status,
                201);
            QCOMPARE(post(QStringLiteral("/api/v1/cards/%1/comments").arg(other),
                         {{QStringLiteral("body"), QStringLiteral("elsewhere %1").arg(i)}},
                         m_owner.accessToken)
                         .status,
                201);
        }
        // Pages of 3 reach back to the card's creation; nothing of the other card is in them.
        const QList<QJsonObject> story = cardHistory(card, 3);
        QCOMPARE(story.size(), 9); // created, moved, 7 comments
        for (const QJsonObject &e : story)
            QCOMPARE(e.value(QStringLiteral("card_id")).toString(), card);
        QCOMPARE(story.last().value(QStringLiteral("action")).toString(),
            QStringLiteral("card.created"));
        const QJsonObject move = story.at(7);
        QCOMPARE(move.value(QStringLiteral("action")).toString(), QStringLiteral("card.moved"));
        QCOMPARE(
            move.value(QStringLiteral("details")).toObject().value(QStringLiteral("to_column")),
            QJsonValue(QStringLiteral("Doing")));
        QCOMPARE(
            story.first().value(QStringLiteral("summary")).toString(), QStringLiteral("note 6"));
        // Board entries (the column) carry no card and empty details.
        const auto board = httpAuth("GET",
            url(QStringLiteral("/api/v1/boards/%1/activity?limit=200").arg(m_board)),
            m_owner.accessToken);
        bool sawColumn = false;
        for (const auto &v : board.json().value(QStringLiteral("data")).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("action")).toString() == QLatin1String("column.updated")) {
                sawColumn = true;
                QVERIFY(e.value(QStringLiteral("card_id")).isNull());
                QCOMPARE(e.value(QStringLiteral("details")).toObject(), QJsonObject());
            }
        }
        QVERIFY(sawColumn);
        // Another board's member sees none of it; nonsense is a clear 422.
        QCOMPARE(
            httpAuth("GET",
                url(QStringLiteral("/api/v1/boards/%1/activity?card_id=%2").arg(m_board, card)),
                m_other.accessToken)
                .status,
            404);
        QCOMPARE(httpAuth("GET",
                     url(QStringLiteral("/api/v1/boards/%1/activity?card_id=%2")
                             .arg(m_board, QString(65, QLatin1Char('x')))),
                     m_owner.accessToken)
                     .status,
            422);
    }

private:
    //! The whole history of `card`, newest first, read `pageSize` entries at a time.
    QList<QJsonObject> cardHistory(const QString &card, int pageSize = 50)
    {
        QList<QJsonObject> out;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            QString path = QStringLiteral("/api/v1/boards/%1/activity?card_id=%2&limit=%3")
                               .arg(m_board, card)
                               .arg(pageSize);
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            const auto r = httpAuth("GET", url(path), m_owner.accessToken);
            if (r.status != 200) {
                qWarning() << "activity page" << r.status << r.body;
                return {};
            }
            for (const auto &v : r.json().value(QStringLiteral("data")).toArray())
                out.append(v.toObject());
            cursor = r.json().value(QStringLiteral("next_cursor")).toString();
            if (cursor.isEmpty())
                break;
        }
        return out;
    }
};

QTEST_GUILESS_MAIN(TestCardsHttp)
#include "test_cards_http.moc"
