// Several instances on one database (issue 16): two real `corkboard --serve` processes, each with
// its own worker, on one fresh PostgreSQL database, behind a real nginx that proxies WebSockets.
// What a team would notice: a live window on one instance sees every change made through the
// other, in order and without a gap; a job runs once although both workers claim; a sign-out on
// one instance stops the access token on the other within a second; sign-in throttles, the first
// admin and a rotated signing key hold for both; an instance killed mid-write loses no
// acknowledged write and the balancer keeps serving through the other.
#include "tests/support/live_test_support.h"
#include "tests/support/nginx_balancer.h"
#include "tests/support/server_process.h"
#include "tests/support/stub_http_server.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

#include <csignal>

using namespace corkboard::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QProcessEnvironment instanceEnvironment(const QString &databaseUrl)
{
    QProcessEnvironment env;
    env.insert(u"CORKBOARD_DATABASE_URL"_s, databaseUrl);
    env.insert(u"CORKBOARD_RATE_LIMIT_RPS"_s, u"100000"_s);
    env.insert(u"CORKBOARD_RATE_LIMIT_BURST"_s, u"100000"_s);
    env.insert(u"CORKBOARD_WEBHOOK_ALLOW"_s, u"127.0.0.1/32"_s);
    env.insert(u"CORKBOARD_LOG_LEVEL"_s, u"warning"_s);
    return env;
}

QStringList instanceArguments()
{
    return {u"--threads"_s, u"2"_s, u"--open-registration"_s, u"true"_s, u"--password-ops-limit"_s,
        u"1"_s, u"--password-mem-limit"_s, u"8192"_s};
}

QString accessToken(const HttpResult &r)
{
    return r.data().value(u"tokens"_s).toObject().value(u"access_token"_s).toString();
}

struct Board
{
    QString id;
    QString columnId;
};

//! Card creations kept `inFlight` at a time, spread round robin over the given base URLs;
//! remembers every card answered 201 (an acknowledged write).
class CardWriters : public QObject
{
public:
    CardWriters(QStringList bases, QString token, Board board)
        : m_bases(std::move(bases))
        , m_token(std::move(token))
        , m_board(std::move(board))
    {
    }
    void start(int total, int inFlight)
    {
        m_total = total;
        for (int i = 0; i < inFlight; ++i)
            post();
    }
    void stop() { m_stopped = true; }
    bool finished() const { return m_answered >= m_sent && (m_sent >= m_total || m_stopped); }
    QSet<QString> acknowledged;
    std::function<void()> onAcknowledged;
    int failures = 0;
    QString firstFailure; //!< status and body of the first refusal

private:
    void post()
    {
        if (m_stopped || m_sent >= m_total)
            return;
        const QString base = m_bases.at(m_sent % m_bases.size());
        QNetworkRequest request(QUrl(base + u"/api/v1/boards/%1/cards"_s.arg(m_board.id)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        const QByteArray body = QJsonDocument(QJsonObject {{u"column_id"_s, m_board.columnId},
                                                  {u"title"_s, u"card %1"_s.arg(++m_sent)}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_nam.post(request, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            ++m_answered;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201) {
                const auto doc = QJsonDocument::fromJson(reply->readAll()).object();
                acknowledged.insert(doc.value(u"data"_s).toObject().value(u"id"_s).toString());
                if (onAcknowledged)
                    onAcknowledged();
            } else {
                if (failures++ == 0)
                    firstFailure
                        = u"%1 %2"_s
                              .arg(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                                       .toInt())
                              .arg(QString::fromUtf8(reply->readAll()));
            }
            post();
        });
    }

    QNetworkAccessManager m_nam;
    QStringList m_bases;
    QString m_token;
    Board m_board;
    int m_total = 0;
    int m_sent = 0;
    int m_answered = 0;
    bool m_stopped = false;
};

//! The card ids of a client's card.created events, in arrival order.
QStringList createdCardIds(const WsClient &client, const QString &boardId)
{
    QStringList out;
    const QList<QJsonObject> events = client.events(u"card.created"_s);
    for (const QJsonObject &e : events) {
        if (e.value(u"board_id"_s).toString() == boardId)
            out.append(e.value(u"data"_s).toObject().value(u"id"_s).toString());
    }
    return out;
}

//! The `kid` in an access token's header.
QString kidOf(const QString &token)
{
    const QByteArray header = QByteArray::fromBase64(
        token.section(u'.', 0, 0).toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(header).object().value(u"kid"_s).toString();
}

bool strictlyIncreasing(const QList<qint64> &seqs)
{
    for (qsizetype i = 1; i < seqs.size(); ++i) {
        if (seqs.at(i) <= seqs.at(i - 1))
            return false;
    }
    return true;
}

} // namespace

class TestMultiInstance : public QObject
{
    Q_OBJECT

    QString m_databaseUrl;
    std::unique_ptr<ServerProcess> m_a;
    std::unique_ptr<ServerProcess> m_b;
    std::unique_ptr<NginxBalancer> m_lb;
    QString m_token; // the admin's, through the balancer

    Board createBoard(const QString &base, const QString &name)
    {
        const auto board
            = httpJson("POST", base + u"/api/v1/boards"_s, {{u"name"_s, name}}, m_token);
        if (board.status != 201)
            return {};
        return {board.data().value(u"board"_s).toObject().value(u"id"_s).toString(),
            board.data().value(u"columns"_s).toArray().at(0).toObject().value(u"id"_s).toString()};
    }

    //! A live client on the given port (an instance's or the balancer's), signed in and
    //! subscribed to the board after `since` (0: the whole history first, then live).
    std::unique_ptr<WsClient> watch(quint16 port, const QString &boardId, qint64 since = 0)
    {
        auto client = std::make_unique<WsClient>(port);
        if (!client->connectAndWait() || !client->authenticate(m_token))
            return nullptr;
        const QJsonObject reply = client->subscribe(boardId, since);
        if (reply.value(u"type"_s).toString() != u"subscribed"_s)
            return nullptr;
        return client;
    }

    //! What the outbox holds for the board, replayed from the start by a fresh client on `port`.
    QList<qint64> replayedSeqs(quint16 port, const QString &boardId)
    {
        const auto client = watch(port, boardId, 0);
        return client ? client->eventSeqs(boardId) : QList<qint64> {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_databaseUrl = freshPostgresDatabase();
        m_a = std::make_unique<ServerProcess>(
            instanceArguments(), instanceEnvironment(m_databaseUrl));
        QVERIFY2(m_a->start(), qPrintable(m_a->error()));
        m_b = std::make_unique<ServerProcess>(
            instanceArguments(), instanceEnvironment(m_databaseUrl));
        QVERIFY2(m_b->start(), qPrintable(m_b->error()));
        m_lb = std::make_unique<NginxBalancer>(QList<quint16> {m_a->port(), m_b->port()});
        QVERIFY2(m_lb->start(), qPrintable(m_lb->error()));

        const auto reg = httpJson("POST", m_lb->url(u"/api/v1/auth/register"_s),
            {{u"email"_s, u"ann@example.com"_s}, {u"password"_s, u"correct horse battery"_s},
                {u"display_name"_s, u"Ann"_s}});
        QCOMPARE(reg.status, 201);
        QCOMPARE(reg.data().value(u"user"_s).toObject().value(u"role"_s).toString(), u"admin"_s);
        m_token = accessToken(reg);
        // Both instances (and the balancer) accept the token: the signing keys are in the
        // database, one set for both.
        QCOMPARE(httpAuth("GET", m_a->url(u"/api/v1/boards"_s), m_token).status, 200);
        QCOMPARE(httpAuth("GET", m_b->url(u"/api/v1/boards"_s), m_token).status, 200);
    }

    void firstAccountOnlyOnceAcrossInstances()
    {
        // The first account exists (made through the balancer): neither instance asks a new
        // client to create it any more, and a registration on either makes a member, never a
        // second admin.
        for (ServerProcess *instance : {m_a.get(), m_b.get()}) {
            const auto info = http("GET", instance->url(u"/api/v1/server-info"_s));
            QCOMPARE(info.status, 200);
            QCOMPARE(info.data().value(u"setup_required"_s).toBool(true), false);
        }
        for (ServerProcess *instance : {m_a.get(), m_b.get()}) {
            const QString email = u"second-%1@example.com"_s.arg(instance->port());
            const auto reg = httpJson("POST", instance->url(u"/api/v1/auth/register"_s),
                {{u"email"_s, email}, {u"password"_s, u"correct horse battery"_s},
                    {u"display_name"_s, u"Bo"_s}});
            QCOMPARE(reg.status, 201);
            QCOMPARE(
                reg.data().value(u"user"_s).toObject().value(u"role"_s).toString(), u"member"_s);
        }
    }

    void liveClientOnASeesWritesThroughB()
    {
        const Board board = createBoard(m_b->url(QString()), u"Across"_s);
        QVERIFY(!board.id.isEmpty());
        const auto onA = watch(m_a->port(), board.id);
        const auto viaBalancer = watch(m_lb->port(), board.id);
        QVERIFY(onA && viaBalancer);

        CardWriters writers({m_b->url(QString())}, m_token, board);
        writers.start(40, 1); // one at a time: the order of the writes is the order of the seqs
        QTRY_VERIFY_WITH_TIMEOUT(writers.finished(), 60000);
        QCOMPARE(int(writers.acknowledged.size()), 40);

        for (WsClient *client : {onA.get(), viaBalancer.get()}) {
            QTRY_COMPARE_WITH_TIMEOUT(int(createdCardIds(*client, board.id).size()), 40, 10000);
            const QStringList ids = createdCardIds(*client, board.id);
            QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), writers.acknowledged);
            // Gapless: exactly what the outbox holds for the board, in seq order.
            QCOMPARE(client->eventSeqs(board.id), replayedSeqs(m_b->port(), board.id));
        }

        // A client that was on A reconnects to B with the last seq it had and gets exactly
        // what it missed.
        const QList<qint64> before = onA->eventSeqs(board.id);
        onA->socket().close();
        CardWriters more({m_a->url(QString())}, m_token, board);
        more.start(5, 1);
        QTRY_VERIFY_WITH_TIMEOUT(more.finished(), 30000);
        const auto resumed = watch(m_b->port(), board.id, before.last());
        QVERIFY(resumed);
        const QStringList missed = createdCardIds(*resumed, board.id);
        QCOMPARE(QSet<QString>(missed.cbegin(), missed.cend()), more.acknowledged);
        QCOMPARE(before + resumed->eventSeqs(board.id), replayedSeqs(m_a->port(), board.id));
    }

    void concurrentWritersOnBothInstancesReaderNeverMissesASeq()
    {
        const Board board = createBoard(m_a->url(QString()), u"Concurrent"_s);
        QVERIFY(!board.id.isEmpty());
        const auto onA = watch(m_a->port(), board.id);
        const auto onB = watch(m_b->port(), board.id);
        QVERIFY(onA && onB);

        // Eight creations in flight, alternating between the instances.
        CardWriters writers({m_a->url(QString()), m_b->url(QString())}, m_token, board);
        writers.start(160, 8);
        QTRY_VERIFY_WITH_TIMEOUT(writers.finished(), 120000);
        QVERIFY2(writers.failures == 0, qPrintable(writers.firstFailure));
        QCOMPARE(int(writers.acknowledged.size()), 160);

        const QList<qint64> stored = replayedSeqs(m_lb->port(), board.id);
        QVERIFY(strictlyIncreasing(stored));
        for (WsClient *client : {onA.get(), onB.get()}) {
            QTRY_COMPARE_WITH_TIMEOUT(int(createdCardIds(*client, board.id).size()), 160, 15000);
            QVERIFY(strictlyIncreasing(client->eventSeqs(board.id)));
            QCOMPARE(client->eventSeqs(board.id), stored);
            const QStringList ids = createdCardIds(*client, board.id);
            QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), writers.acknowledged);
        }
    }

    void jobEnqueuedOnceRunsOnceWithTwoWorkers()
    {
        StubHttpServer receiver([](const StubRequest &) { return StubResponse::json(200, "{}"); });
        const Board board = createBoard(m_lb->url(QString()), u"Hooks"_s);
        QVERIFY(!board.id.isEmpty());
        const auto hook = httpJson("POST", m_a->url(u"/api/v1/boards/%1/webhooks"_s.arg(board.id)),
            QJsonObject {{u"url"_s, QString(receiver.url() + u"/hook"_s)},
                {u"events"_s, QJsonArray {u"card.created"_s}}},
            m_token);
        QCOMPARE(hook.status, 201);

        // Twelve cards through both instances: both workers claim deliveries from one queue.
        CardWriters writers({m_a->url(QString()), m_b->url(QString())}, m_token, board);
        writers.start(12, 4);
        QTRY_VERIFY_WITH_TIMEOUT(writers.finished(), 30000);
        QCOMPARE(int(writers.acknowledged.size()), 12);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.count("/hook"), 12, 30000);
        // Both workers keep polling for a while; no delivery may come a second time.
        QTest::qWait(3000);
        QCOMPARE(receiver.count("/hook"), 12);
        QSet<QByteArray> deliveries;
        QSet<QString> cards;
        for (const StubRequest &r : receiver.requests()) {
            deliveries.insert(r.header("x-corkboard-delivery"));
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            cards.insert(body.value(u"data"_s).toObject().value(u"id"_s).toString());
        }
        QCOMPARE(int(deliveries.size()), 12);
        QCOMPARE(cards, writers.acknowledged);
    }

    void signOutOnAStopsTheAccessTokenOnBWithinOneSecond()
    {
        const auto login = httpJson("POST", m_b->url(u"/api/v1/auth/login"_s),
            {{u"email"_s, u"ann@example.com"_s}, {u"password"_s, u"correct horse battery"_s}});
        QCOMPARE(login.status, 200);
        const QString access = accessToken(login);
        const QString refresh
            = login.data().value(u"tokens"_s).toObject().value(u"refresh_token"_s).toString();
        QCOMPARE(httpAuth("GET", m_b->url(u"/api/v1/boards"_s), access).status, 200);
        WsClient live(m_b->port());
        QVERIFY(live.connectAndWait() && live.authenticate(access));

        QElapsedTimer sinceLogout;
        const auto logout = httpJson(
            "POST", m_a->url(u"/api/v1/auth/logout"_s), {{u"refresh_token"_s, refresh}}, access);
        sinceLogout.start();
        QCOMPARE(logout.status, 204);
        int status = 200;
        while (status == 200 && sinceLogout.elapsed() < 3000) {
            status = httpAuth("GET", m_b->url(u"/api/v1/boards"_s), access).status;
            if (status == 200)
                QTest::qWait(20);
        }
        const qint64 elapsed = sinceLogout.elapsed();
        QCOMPARE(status, 401);
        QVERIFY2(
            elapsed <= 1000, qPrintable(u"B still accepted the token after %1 ms"_s.arg(elapsed)));
        // The live connection on B with that session ends too.
        QVERIFY(live.waitForClosed(2000));
        QCOMPARE(live.closeCode(), 4401);
    }

    void signInThrottleCountsAcrossInstances()
    {
        // Five wrong passwords (the per-account limit a minute), spread over both instances: each
        // instance saw fewer than five from this address, the account saw five.
        const QJsonObject wrong {
            {u"email"_s, u"target@example.com"_s}, {u"password"_s, u"not the password"_s}};
        for (int i = 0; i < 5; ++i) {
            ServerProcess &instance = i % 2 == 0 ? *m_a : *m_b;
            QCOMPARE(httpJson("POST", instance.url(u"/api/v1/auth/login"_s), wrong).status, 401);
        }
        const auto sixth = httpJson("POST", m_b->url(u"/api/v1/auth/login"_s), wrong);
        QCOMPARE(sixth.status, 429);
        QVERIFY(!sixth.header("Retry-After").isEmpty());
    }

    void rotatedSigningKeyReachesEveryInstance()
    {
        QProcess rotate;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CORKBOARD_DATABASE_URL"_s, m_databaseUrl);
        rotate.setProcessEnvironment(env);
        QTemporaryDir dataDir;
        rotate.start(qEnvironmentVariable("CORKBOARD_BINARY"),
            {u"--rotate-jwt-key"_s, u"--data-dir"_s, dataDir.path()});
        QVERIFY(rotate.waitForFinished(30000));
        QCOMPARE(rotate.exitCode(), 0);
        const QString output = QString::fromUtf8(rotate.readAllStandardOutput());
        const QString kid = output.section(QLatin1Char(' '), 4, 4);
        QVERIFY2(
            output.startsWith(u"new JWT signing key "_s) && !kid.isEmpty(), qPrintable(output));

        // Instance A signs with the new key once every instance has had time to read it …
        QString token;
        QElapsedTimer waited;
        waited.start();
        while (kidOf(token) != kid && waited.elapsed() < 30000) {
            if (!token.isEmpty())
                QTest::qWait(500);
            token = accessToken(httpJson("POST", m_a->url(u"/api/v1/auth/login"_s),
                {{u"email"_s, u"ann@example.com"_s}, {u"password"_s, u"correct horse battery"_s}}));
        }
        QCOMPARE(kidOf(token), kid);
        // … so B accepts it; a token of the previous key stays valid on both.
        QCOMPARE(httpAuth("GET", m_b->url(u"/api/v1/boards"_s), token).status, 200);
        QCOMPARE(httpAuth("GET", m_b->url(u"/api/v1/boards"_s), m_token).status, 200);
        QCOMPARE(httpAuth("GET", m_a->url(u"/api/v1/boards"_s), m_token).status, 200);
    }

    // Last: it kills instance A.
    void instanceKilledMidWriteLosesNoAcknowledgedWrite()
    {
        const Board board = createBoard(m_lb->url(QString()), u"Durable"_s);
        QVERIFY(!board.id.isEmpty());
        const auto onB = watch(m_b->port(), board.id);
        QVERIFY(onB);

        // Writes through the balancer; A is SIGKILLed after the 60th acknowledgement, with others
        // in flight on both instances.
        CardWriters writers({m_lb->url(QString())}, m_token, board);
        bool killed = false;
        writers.onAcknowledged = [&] {
            if (!killed && writers.acknowledged.size() >= 60) {
                killed = true;
                ::kill(pid_t(m_a->pid()), SIGKILL);
            }
        };
        writers.start(140, 8);
        QTRY_VERIFY_WITH_TIMEOUT(writers.finished(), 120000);
        QVERIFY(killed);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->process().state(), QProcess::NotRunning, 10000);
        // The balancer kept serving through B: most writes after the kill were acknowledged.
        QVERIFY2(writers.acknowledged.size() >= 140 - 16,
            qPrintable(u"only %1 of 140 acknowledged"_s.arg(writers.acknowledged.size())));
        const auto after
            = httpAuth("GET", m_lb->url(u"/api/v1/boards/%1"_s.arg(board.id)), m_token);
        QCOMPARE(after.status, 200);

        QSet<QString> stored;
        const QJsonArray cards = after.data().value(u"cards"_s).toArray();
        for (const auto &card : cards)
            stored.insert(card.toObject().value(u"id"_s).toString());
        const QSet<QString> lost = writers.acknowledged - stored;
        QVERIFY2(lost.isEmpty(), qPrintable(u"%1 acknowledged cards lost"_s.arg(lost.size())));
        // B's live client saw every stored card, gaplessly, although A died mid-write.
        QTRY_COMPARE_WITH_TIMEOUT(
            int(createdCardIds(*onB, board.id).size()), int(stored.size()), 15000);
        QCOMPARE(onB->eventSeqs(board.id), replayedSeqs(m_b->port(), board.id));
    }

    void cleanupTestCase()
    {
        m_lb.reset();
        if (m_b) {
            // The survivor shuts down cleanly (under ASan: no report, no leak).
            m_b->terminate();
            QVERIFY(m_b->waitForExit(15000));
            QCOMPARE(m_b->process().exitStatus(), QProcess::NormalExit);
            QVERIFY2(m_b->process().exitCode() == 0, m_b->stderrText().right(4000).constData());
        }
        m_a.reset();
        m_b.reset();
    }
};

QTEST_MAIN(TestMultiInstance)
#include "test_multi_instance.moc"
