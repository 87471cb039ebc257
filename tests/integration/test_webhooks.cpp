// Outgoing webhooks end to end: routes through the real server, deliveries by a real worker
// process on a fake clock to receivers on loopback (allowed through the administrator's
// allowlist, CORKBOARD_WEBHOOK_ALLOW, as a LAN service would be). Containment: internal targets
// refused at creation and at delivery, paused hooks, generic delivery errors, deliveries that
// cannot stall the worker, timestamped signatures.
#include "server/features/webhooks/webhook_repository.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "shared/time_format.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/board_api.h"
#include "tests/support/test_server.h"
#include "tests/support/worker_harness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace corkboard;

namespace {

//! A tiny HTTP receiver on 127.0.0.1 that records each request and answers `status`.
class Receiver : public QObject
{
public:
    struct Received
    {
        QHash<QByteArray, QByteArray> headers;
        QByteArray body;
    };
    explicit Receiver(int status)
        : m_status(status)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    QString url(const QString &path = QStringLiteral("/hook")) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    QList<Received> received;

private:
    void onData(QTcpSocket *s)
    {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Received r;
        const auto lines = buf.left(end).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
        }
        const int length = r.headers.value("content-length").toInt();
        if (buf.size() < end + 4 + length)
            return;
        r.body = buf.mid(end + 4, length);
        m_buffers.remove(s);
        received.append(r);
        s->write("HTTP/1.1 " + QByteArray::number(m_status)
            + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        s->disconnectFromHost();
    }

    QTcpServer m_server;
    int m_status;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

//! Accepts connections and reads requests, and never answers: a black-hole receiver.
class Staller : public QObject
{
public:
    Staller()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++accepted;
                connect(s, &QTcpSocket::readyRead, s, [s] { s->readAll(); });
            }
        });
    }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/hook").arg(m_server.serverPort());
    }
    int accepted = 0;

private:
    QTcpServer m_server;
};

//! Checks a `t=<unix seconds>,v1=<hex>` signature the way API.md tells receivers to: HMAC-SHA256
//! of "<t>.<body>", and t within the tolerance of the receiver's clock.
bool signatureValid(const QByteArray &header, const QByteArray &body, const QByteArray &secret,
    qint64 nowSeconds, qint64 toleranceSeconds)
{
    QByteArray t, v1;
    for (const QByteArray &part : header.split(',')) {
        if (part.startsWith("t="))
            t = part.mid(2);
        else if (part.startsWith("v1="))
            v1 = part.mid(3);
    }
    bool ok = false;
    const qint64 timestamp = t.toLongLong(&ok);
    if (!ok || qAbs(nowSeconds - timestamp) > toleranceSeconds)
        return false;
    const QByteArray expected
        = QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256)
              .toHex();
    return expected == v1;
}

const QString kLoopbackAllowed = QStringLiteral("127.0.0.1/32");

} // namespace

class TestWebhooks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::WorkerHarness> m_h;
    std::unique_ptr<test::TestServer> m_server;

    test::HttpResult createHook(
        const test::RegisteredUser &who, const QString &boardId, const QJsonObject &body)
    {
        return test::httpJson("POST",
            m_server->url(QStringLiteral("/api/v1/boards/%1/webhooks").arg(boardId)), body,
            who.accessToken);
    }
    QJsonArray deliveries(const test::RegisteredUser &who, const QString &hookId)
    {
        return test::httpAuth("GET",
            m_server->url(QStringLiteral("/api/v1/webhooks/%1/deliveries").arg(hookId)),
            who.accessToken)
            .json()
            .value(QStringLiteral("data"))
            .toArray();
    }
    QJsonObject firstDelivery(const test::RegisteredUser &who, const QString &hookId)
    {
        return deliveries(who, hookId).at(0).toObject();
    }
    //! A worker that may reach the loopback receivers (the allowlist, as for a LAN service).
    void startWorker(QProcessEnvironment extra = {})
    {
        if (!extra.contains(QStringLiteral("CORKBOARD_WEBHOOK_ALLOW")))
            extra.insert(QStringLiteral("CORKBOARD_WEBHOOK_ALLOW"), kLoopbackAllowed);
        m_h->startWorker(extra);
    }
    QJsonArray hooksOf(const test::RegisteredUser &who, const QString &boardId)
    {
        return test::httpAuth("GET",
            m_server->url(QStringLiteral("/api/v1/boards/%1/webhooks").arg(boardId)),
            who.accessToken)
            .json()
            .value(QStringLiteral("data"))
            .toArray();
    }
    test::HttpResult setRole(const test::RegisteredUser &by, const QString &boardId,
        const QString &userId, const QString &role)
    {
        return test::httpJson("PUT",
            m_server->url(QStringLiteral("/api/v1/boards/%1/members/%2").arg(boardId, userId)),
            {{QStringLiteral("role"), role}}, by.accessToken);
    }

private Q_SLOTS:
    void init()
    {
        m_h = std::make_unique<test::WorkerHarness>();
        qputenv("CORKBOARD_TEST_CLOCK_FILE", m_h->clockFile().toUtf8());
        const Config workerDb = m_h->config();
        m_server = std::make_unique<test::TestServer>([&workerDb](Config &c) {
            c.dataDir = workerDb.dataDir;
            c.databaseUrl = workerDb.databaseUrl;
            c.webhookAllow = QStringList {kLoopbackAllowed};
        });
    }

    void cleanup()
    {
        m_server.reset();
        m_h.reset();
        qunsetenv("CORKBOARD_TEST_CLOCK_FILE");
    }

    void receiverGetsACorrectlySignedBody()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {});
        Receiver receiver(200);
        const QString secret = QStringLiteral("a-shared-secret-of-some-length");
        const auto created = createHook(owner, boardId,
            {{QStringLiteral("url"), receiver.url()},
                {QStringLiteral("events"), QJsonArray {QStringLiteral("card.created")}},
                {QStringLiteral("secret"), secret}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.data().value(QStringLiteral("secret")).toString(), secret);
        const QString hookId = created.data().value(QStringLiteral("id")).toString();
        // The secret is shown once: never in the list.
        const auto list = test::httpAuth("GET",
            m_server->url(QStringLiteral("/api/v1/boards/%1/webhooks").arg(boardId)),
            owner.accessToken);
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(secret.toUtf8()));
        QCOMPARE(list.json().value(QStringLiteral("data")).toArray().size(), 1);

        const QString cardId = api.createCard(
            owner, boardId, columnId, QStringLiteral("Hello hooks"), {}, QString());
        QCOMPARE(api.patchCard(owner, cardId,
                        {{QStringLiteral("title"), QStringLiteral("Not subscribed")}})
                     .status,
            200);
        api.createCard(owner, boardId, columnId, QStringLiteral("Second"), {}, QString());
        startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(receiver.received.size(), 2, 20000);

        // Signed as t=<unix seconds>,v1=HMAC("<t>.<body>"): verified with a 5-minute tolerance
        // against the (fake) clock, and a replay an hour later fails the same check.
        const auto &r = receiver.received.at(0);
        const QByteArray signature = r.headers.value("x-corkboard-signature");
        const qint64 now = m_h->nowMs() / 1000;
        QVERIFY2(
            signatureValid(signature, r.body, secret.toUtf8(), now, 300), signature.constData());
        QVERIFY(!signatureValid(signature, r.body + ' ', secret.toUtf8(), now, 300));
        QVERIFY(!signatureValid(signature, r.body, secret.toUtf8(), now + 3600, 300));
        QVERIFY(signature.startsWith(QByteArray("t=" + QByteArray::number(now) + ",v1=")));
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("card.created"));
        QCOMPARE(body.value(QStringLiteral("board_id")).toString(), boardId);
        QCOMPARE(
            body.value(QStringLiteral("data")).toObject().value(QStringLiteral("title")).toString(),
            QStringLiteral("Hello hooks"));
        QCOMPARE(r.headers.value("x-corkboard-delivery"),
            body.value(QStringLiteral("delivery_id")).toString().toUtf8());
        QVERIFY(receiver.received.at(1).headers.value("x-corkboard-delivery")
            != r.headers.value("x-corkboard-delivery"));

        // The delivery log shows both, delivered on the first attempt.
        QTRY_COMPARE_WITH_TIMEOUT(
            firstDelivery(owner, hookId).value(QStringLiteral("state")).toString(),
            QStringLiteral("delivered"), 20000);
        const auto log = deliveries(owner, hookId);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(1)
                     .toObject()
                     .value(QStringLiteral("attempt_log"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toInt(),
            200);
    }

    void failingReceiverGetsRetriesWithGrowingDelays()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {});
        Receiver receiver(500);
        const auto created = createHook(owner, boardId, {{QStringLiteral("url"), receiver.url()}});
        QCOMPARE(created.status, 201);
        QVERIFY(
            created.data().value(QStringLiteral("secret")).toString().size() >= 32); // generated
        const QString hookId = created.data().value(QStringLiteral("id")).toString();
        api.createCard(owner, boardId, columnId, QStringLiteral("Doomed"), {}, QString());
        startWorker();

        QList<qint64> attemptTimes;
        for (int attempt = 1; attempt <= 3; ++attempt) {
            QTRY_COMPARE_WITH_TIMEOUT(
                firstDelivery(owner, hookId).value(QStringLiteral("attempts")).toInt(), attempt,
                20000);
            QCOMPARE(receiver.received.size(), attempt);
            const QJsonObject d = firstDelivery(owner, hookId);
            QCOMPARE(d.value(QStringLiteral("last_status")).toInt(), 500);
            QCOMPARE(d.value(QStringLiteral("last_error")).toString(), QStringLiteral("HTTP 500"));
            attemptTimes.append(fromRfc3339(d.value(QStringLiteral("attempt_log"))
                                                .toArray()
                                                .last()
                                                .toObject()
                                                .value(QStringLiteral("at"))
                                                .toString())
                                    .toMSecsSinceEpoch());
            if (attempt < 3) {
                QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
                m_h->setNow(fromRfc3339(d.value(QStringLiteral("next_attempt_at")).toString()));
            } else {
                QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
                QVERIFY(d.value(QStringLiteral("next_attempt_at")).isNull());
            }
        }
        // 1 s, then 2 s (CORKBOARD_JOB_RETRY_BASE_MS=1000 doubling): the delays grow.
        QCOMPARE(attemptTimes.at(1) - attemptTimes.at(0), 1000);
        QCOMPARE(attemptTimes.at(2) - attemptTimes.at(1), 2000);
        // Same delivery id every time, so the receiver can tell retries apart from new events.
        QCOMPARE(receiver.received.at(0).headers.value("x-corkboard-delivery"),
            receiver.received.at(2).headers.value("x-corkboard-delivery"));
    }

    void internalTargetsAreRefusedAtCreation_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("private 10/8") << QStringLiteral("http://10.0.0.1/hook");
        QTest::newRow("private 172.16/12") << QStringLiteral("http://172.16.5.4/hook");
        QTest::newRow("private 192.168/16") << QStringLiteral("https://192.168.1.20/hook");
        QTest::newRow("CGNAT") << QStringLiteral("http://100.64.0.1/hook");
        QTest::newRow("cloud metadata")
            << QStringLiteral("http://169.254.169.254/latest/meta-data");
        QTest::newRow("loopback, other than allowed") << QStringLiteral("http://127.0.0.2:8080/");
        QTest::newRow("loopback as a decimal") << QStringLiteral("http://2130706434/");
        QTest::newRow("IPv6 loopback") << QStringLiteral("http://[::1]:8080/hook");
        QTest::newRow("IPv6 ULA") << QStringLiteral("http://[fd00::1]/hook");
        QTest::newRow("IPv6 link-local") << QStringLiteral("http://[fe80::1]/hook");
        QTest::newRow("IPv4-mapped private") << QStringLiteral("http://[::ffff:10.0.0.1]/hook");
        QTest::newRow("NAT64 of metadata") << QStringLiteral("http://[64:ff9b::a9fe:a9fe]/");
        QTest::newRow("unspecified") << QStringLiteral("http://0.0.0.0:8080/");
        QTest::newRow("multicast") << QStringLiteral("http://224.0.0.1/");
        QTest::newRow("localhost name") << QStringLiteral("http://api.localhost:8080/");
    }

    void internalTargetsAreRefusedAtCreation()
    {
        QFETCH(QString, url);
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {});
        const auto created = createHook(owner, boardId, {{QStringLiteral("url"), url}});
        QCOMPARE(created.status, 422);
        const auto error
            = created.json().value(QStringLiteral("errors")).toArray().at(0).toObject();
        QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("url"));
        QCOMPARE(
            error.value(QStringLiteral("code")).toString(), QStringLiteral("forbidden_target"));
        QCOMPARE(hooksOf(owner, boardId).size(), 0);
    }

    // DNS rebinding: a name that passed creation (a public name then) resolves to loopback
    // when the delivery runs. Every resolved address is checked, the delivery refused whole.
    void aNameResolvingToLoopbackIsRefusedAtDelivery()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {});
        Receiver receiver(200);
        WebhookRecord hook;
        hook.id = crypto::newId();
        hook.boardId = boardId;
        hook.url = receiver.url().replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost"));
        hook.secret = QStringLiteral("a-shared-secret-of-some-length");
        hook.createdBy = owner.userId;
        hook.createdAt = toRfc3339(m_h->now());
        WebhookRepository(m_h->db()).insert(hook);
        api.createCard(owner, boardId, columnId, QStringLiteral("Sneaky"), {}, QString());
        QProcessEnvironment strict; // no allowlist: the default containment
        strict.insert(QStringLiteral("CORKBOARD_WEBHOOK_ALLOW"), QString());
        startWorker(strict);
        QTRY_COMPARE_WITH_TIMEOUT(
            firstDelivery(owner, hook.id).value(QStringLiteral("state")).toString(),
            QStringLiteral("failed"), 20000);
        const QJsonObject d = firstDelivery(owner, hook.id);
        QCOMPARE(d.value(QStringLiteral("last_error")).toString(),
            QStringLiteral("target address not allowed"));
        QCOMPARE(d.value(QStringLiteral("attempts")).toInt(), 1); // never retried
        QCOMPARE(receiver.received.size(), 0);
    }

    // What users see of a failure is generic: no socket error text, no timing.
    void theDeliveryLogShowsGenericErrorsWithoutTimings()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {});
        // A port with nothing listening: connection refused.
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            closedPort = probe.serverPort();
        }
        const auto created = createHook(owner, boardId,
            {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1/").arg(closedPort)}});
        QCOMPARE(created.status, 201);
        const QString hookId = created.data().value(QStringLiteral("id")).toString();
        api.createCard(owner, boardId, columnId, QStringLiteral("Knock"), {}, QString());
        startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(
            firstDelivery(owner, hookId).value(QStringLiteral("attempts")).toInt(), 1, 20000);
        const QJsonObject d = firstDelivery(owner, hookId);
        QCOMPARE(
            d.value(QStringLiteral("last_error")).toString(), QStringLiteral("could not connect"));
        const QJsonObject attempt
            = d.value(QStringLiteral("attempt_log")).toArray().at(0).toObject();
        QCOMPARE(
            attempt.value(QStringLiteral("error")).toString(), QStringLiteral("could not connect"));
        QVERIFY(attempt.value(QStringLiteral("status")).isNull());
        QVERIFY(attempt.value(QStringLiteral("duration_ms")).isNull());
    }

    // A hook whose creator is demoted from owner, or disabled, is paused (listed, not deleted)
    // and delivers nothing; a hook of an owner in good standing on the same board still does.
    void hooksArePausedWhenTheirCreatorLosesStanding()
    {
        auto admin = test::registerUser(*m_server, QStringLiteral("admin@example.com"));
        auto carol = test::registerUser(*m_server, QStringLiteral("carol@example.com"));
        auto dave = test::registerUser(*m_server, QStringLiteral("dave@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(admin, {carol, dave});
        QCOMPARE(setRole(admin, boardId, carol.userId, QStringLiteral("owner")).status / 100, 2);
        QCOMPARE(setRole(admin, boardId, dave.userId, QStringLiteral("owner")).status / 100, 2);
        Receiver carolsReceiver(200), davesReceiver(200), adminsReceiver(200);
        const QJsonArray cardsOnly {QStringLiteral("card.created")};
        const auto carolsHook = createHook(carol, boardId,
            {{QStringLiteral("url"), carolsReceiver.url()}, {QStringLiteral("events"), cardsOnly}});
        const auto davesHook = createHook(dave, boardId,
            {{QStringLiteral("url"), davesReceiver.url()}, {QStringLiteral("events"), cardsOnly}});
        QCOMPARE(createHook(admin, boardId,
                     {{QStringLiteral("url"), adminsReceiver.url()},
                         {QStringLiteral("events"), cardsOnly}})
                     .status,
            201);
        QCOMPARE(carolsHook.status, 201);
        QCOMPARE(davesHook.status, 201);

        // Carol is demoted to editor; Dave is disabled by the admin.
        QCOMPARE(setRole(admin, boardId, carol.userId, QStringLiteral("editor")).status / 100, 2);
        const auto disabled = test::httpJson("PATCH",
            m_server->url(QStringLiteral("/api/v1/users/%1").arg(dave.userId)),
            {{QStringLiteral("disabled"), true}}, admin.accessToken);
        QVERIFY2(disabled.status / 100 == 2, disabled.body.constData());

        const auto hooks = hooksOf(admin, boardId);
        QCOMPARE(hooks.size(), 3);
        int paused = 0;
        for (const auto &h : hooks)
            paused += h.toObject().value(QStringLiteral("paused")).toBool() ? 1 : 0;
        QCOMPARE(paused, 2);

        api.createCard(admin, boardId, columnId, QStringLiteral("After the change"), {}, QString());
        startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(adminsReceiver.received.size(), 1, 20000);
        QCOMPARE(carolsReceiver.received.size(), 0);
        QCOMPARE(davesReceiver.received.size(), 0);
        QCOMPARE(
            deliveries(admin, carolsHook.data().value(QStringLiteral("id")).toString()).size(), 0);

        // Carol made owner again: her hook resumes with the next event.
        QCOMPARE(setRole(admin, boardId, carol.userId, QStringLiteral("owner")).status / 100, 2);
        api.createCard(admin, boardId, columnId, QStringLiteral("Welcome back"), {}, QString());
        QTRY_COMPARE_WITH_TIMEOUT(carolsReceiver.received.size(), 1, 20000);
        QCOMPARE(davesReceiver.received.size(), 0);
    }

    // Receivers that accept and never answer hold only their own board's delivery slots, for
    // their deadline: the worker goes on with everything else, a mention is notified at once.
    void stalledReceiversDoNotDelayNotifications()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        auto bob = test::registerUser(*m_server, QStringLiteral("bob@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {bob});
        Staller staller;
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(
                createHook(owner, boardId, {{QStringLiteral("url"), staller.url()}}).status, 201);
        }
        const QString cardId
            = api.createCard(owner, boardId, columnId, QStringLiteral("Stall"), {}, QString());
        QProcessEnvironment slow; // each stalled delivery would hold a blocking worker 60 s
        slow.insert(QStringLiteral("CORKBOARD_WEBHOOK_TIMEOUT_MS"), QStringLiteral("60000"));
        slow.insert(QStringLiteral("CORKBOARD_JOB_LEASE_MS"), QStringLiteral("600000"));
        startWorker(slow);
        QTRY_VERIFY_WITH_TIMEOUT(staller.accepted >= 1, 20000);

        const auto comment = test::httpJson("POST",
            m_server->url(QStringLiteral("/api/v1/cards/%1/comments").arg(cardId)),
            {{QStringLiteral("body"), QStringLiteral("@bob have a look")},
                {QStringLiteral("mention_ids"), QJsonArray {bob.userId}}},
            owner.accessToken);
        QCOMPARE(comment.status, 201);
        auto mentions = [this, &bob] {
            SqlQuery q(m_h->db(),
                QStringLiteral("SELECT count(*) FROM notifications WHERE user_id = :u AND kind = "
                               "'mentioned'"));
            q.bind(QStringLiteral(":u"), bob.userId).exec();
            return q.next() ? q.value(0).toLongLong() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(mentions(), 1, 5000);
        // The per-board budget: never more than 4 of this board's deliveries in flight.
        QVERIFY2(staller.accepted <= 4, QByteArray::number(staller.accepted).constData());
    }

    void routesCheckOwnershipAndInput()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        auto editor = test::registerUser(*m_server, QStringLiteral("editor@example.com"));
        auto stranger = test::registerUser(*m_server, QStringLiteral("stranger@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {editor});
        const QJsonObject good {
            {QStringLiteral("url"), QStringLiteral("https://hooks.example.com/x")}};
        QCOMPARE(createHook(editor, boardId, good).status, 403);
        QCOMPARE(createHook(stranger, boardId, good).status, 404);
        QCOMPARE(createHook(owner, boardId,
                     {{QStringLiteral("url"), QStringLiteral("ftp://example.com/")}})
                     .code(),
            QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(createHook(owner, boardId,
                     {{QStringLiteral("url"), QStringLiteral("https://x.example/")},
                         {QStringLiteral("colour"), QStringLiteral("red")}})
                     .code(),
            QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(createHook(owner, boardId,
                     {{QStringLiteral("url"), QStringLiteral("https://x.example/")},
                         {QStringLiteral("events"), QJsonArray {QStringLiteral("card.exploded")}}})
                     .code(),
            QStringLiteral("VALIDATION_FAILED"));
        QCOMPARE(createHook(owner, boardId,
                     {{QStringLiteral("url"), QStringLiteral("https://x.example/")},
                         {QStringLiteral("secret"), QStringLiteral("short")}})
                     .code(),
            QStringLiteral("VALIDATION_FAILED"));
        const auto listUrl
            = m_server->url(QStringLiteral("/api/v1/boards/%1/webhooks").arg(boardId));
        QCOMPARE(test::httpAuth("GET", listUrl, owner.accessToken)
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            0);

        const auto created = createHook(owner, boardId, good);
        QCOMPARE(created.status, 201);
        const QString hookUrl
            = m_server->url(QStringLiteral("/api/v1/webhooks/%1")
                                .arg(created.data().value(QStringLiteral("id")).toString()));
        QCOMPARE(test::httpAuth("DELETE", hookUrl, editor.accessToken).status, 403);
        QCOMPARE(test::httpAuth("DELETE", hookUrl, stranger.accessToken).status, 404);
        QCOMPARE(
            test::httpAuth("GET", hookUrl + QStringLiteral("/deliveries"), stranger.accessToken)
                .status,
            404);
        QCOMPARE(test::httpAuth("DELETE", hookUrl, owner.accessToken).status, 204);
        QCOMPARE(test::httpAuth("DELETE", hookUrl, owner.accessToken).status, 404);
        QCOMPARE(test::httpAuth("GET", listUrl, owner.accessToken)
                     .json()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .size(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "test_webhooks.moc"
