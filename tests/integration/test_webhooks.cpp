// Outgoing webhooks end to end: routes through the real server, deliveries by a real worker
// process on a fake clock to receivers on loopback.
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

private Q_SLOTS:
    void init()
    {
        m_h = std::make_unique<test::WorkerHarness>();
        qputenv("CORKBOARD_TEST_CLOCK_FILE", m_h->clockFile().toUtf8());
        const Config workerDb = m_h->config();
        m_server = std::make_unique<test::TestServer>([&workerDb](Config &c) {
            c.dataDir = workerDb.dataDir;
            c.databaseUrl = workerDb.databaseUrl;
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
        m_h->startWorker();
        QTRY_COMPARE_WITH_TIMEOUT(receiver.received.size(), 2, 20000);

        const auto &r = receiver.received.at(0);
        const QByteArray expected = "sha256="
            + QMessageAuthenticationCode::hash(r.body, secret.toUtf8(), QCryptographicHash::Sha256)
                  .toHex();
        QCOMPARE(r.headers.value("x-corkboard-signature"), expected);
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
        m_h->startWorker();

        QList<qint64> attemptTimes;
        for (int attempt = 1; attempt <= 3; ++attempt) {
            QTRY_COMPARE_WITH_TIMEOUT(
                firstDelivery(owner, hookId).value(QStringLiteral("attempts")).toInt(), attempt,
                20000);
            QCOMPARE(receiver.received.size(), attempt);
            const QJsonObject d = firstDelivery(owner, hookId);
            QCOMPARE(d.value(QStringLiteral("last_status")).toInt(), 500);
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

    void loopbackTargetsAreRefusedUnlessAllowed()
    {
        auto owner = test::registerUser(*m_server, QStringLiteral("owner@example.com"));
        test::BoardApi api {*m_server};
        const auto [boardId, columnId] = api.createBoard(owner, {});
        Receiver receiver(200);
        const auto created = createHook(owner, boardId, {{QStringLiteral("url"), receiver.url()}});
        const QString hookId = created.data().value(QStringLiteral("id")).toString();
        api.createCard(owner, boardId, columnId, QStringLiteral("Sneaky"), {}, QString());
        QProcessEnvironment strict;
        strict.insert(QStringLiteral("CORKBOARD_WEBHOOK_ALLOW_LOOPBACK"), QStringLiteral("false"));
        m_h->startWorker(strict);
        QTRY_COMPARE_WITH_TIMEOUT(
            firstDelivery(owner, hookId).value(QStringLiteral("state")).toString(),
            QStringLiteral("failed"), 20000);
        QVERIFY(firstDelivery(owner, hookId)
                    .value(QStringLiteral("last_error"))
                    .toString()
                    .contains(QStringLiteral("not allowed")));
        QCOMPARE(firstDelivery(owner, hookId).value(QStringLiteral("attempts")).toInt(), 1);
        QCOMPARE(receiver.received.size(), 0);
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
