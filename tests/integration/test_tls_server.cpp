// HTTPS on the connection guard, with real TLS on loopback: the handshake, the certificate and
// its fingerprint (what the server prints is what a client sees), the guard's limits during and
// after the handshake, plain HTTP refused on the HTTPS port, and --insecure-http.
#include "server/features/common/server_context.h"
#include "server/platform/tls_identity.h"
#include "shared/tls_fingerprint.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/raw_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_server.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTest>

#include <csignal>

using namespace corkboard;
using namespace corkboard::test;

namespace {

void tlsOn(Config &c)
{
    c.tlsAlways = true;
}

//! The fingerprint the server printed on its console (waits for the line to arrive).
QString printedFingerprint(ServerProcess &server)
{
    static const QRegularExpression line(
        QStringLiteral(R"(TLS certificate SHA-256 fingerprint: ([0-9A-F:]{95})\n)"));
    server.waitForStdout("TLS certificate SHA-256 fingerprint: ", 10000);
    QString found;
    (void)QTest::qWaitFor(
        [&] {
            found = line.match(QString::fromUtf8(server.stdoutText())).captured(1);
            return !found.isEmpty();
        },
        10000);
    return found;
}

QByteArray get(const QByteArray &path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

} // namespace

class TestTlsServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void handshakeServesTheFingerprintTheServerPrinted()
    {
        ServerProcess server({QStringLiteral("--tls"), QStringLiteral("on")});
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(server.scheme(), QStringLiteral("https"));
        const QString printed = printedFingerprint(server);
        QCOMPARE(printed.size(), 95);
        QVERIFY(server.waitForStderr(printed.toLatin1(), 5000)); // and in the log

        RawClient client;
        QString seen;
        QVERIFY(client.connectEncrypted(server.port(), &seen));
        QCOMPARE(seen, printed);
        auto *ssl = qobject_cast<QSslSocket *>(&client.socket());
        QVERIFY(ssl->sessionProtocol() == QSsl::TlsV1_2 || ssl->sessionProtocol() == QSsl::TlsV1_3);
        const QSslCertificate cert = ssl->peerCertificate();
        QVERIFY(cert.isSelfSigned());
        // Its names: the host name and its addresses (127.0.0.1 among them).
        const auto names = cert.subjectAlternativeNames();
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));

        QVERIFY(client.send(get("/health")));
        const RawResponse r = client.readResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Strict-Transport-Security"), QByteArray("max-age=31536000"));

        // The key is private, and the pair is kept: a restart serves the same certificate.
        const QFileInfo key(server.dataDir() + QStringLiteral("/tls/key.pem"));
        QVERIFY(key.exists());
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QVERIFY(key.permissions() & QFileDevice::ReadOwner);
        QCOMPARE(int(key.permissions() & others), 0);
        server.terminate();
        QVERIFY(server.waitForExit(10000));
        QVERIFY2(server.start(), qPrintable(server.error()));
        QCOMPARE(printedFingerprint(server), printed);
        RawClient again;
        QString seenAgain;
        QVERIFY(again.connectEncrypted(server.port(), &seenAgain));
        QCOMPARE(seenAgain, printed);
    }

    void readyDescribesTheTransport()
    {
        TestServer server(tlsOn);
        const QString fingerprint = server.host().tlsFingerprint();
        trustFingerprint(fingerprint);
        const HttpResult r = http("GET", server.url(QStringLiteral("/ready")));
        QCOMPARE(r.status, 200);
        const QJsonObject transport = r.json()
                                          .value(QStringLiteral("checks"))
                                          .toObject()
                                          .value(QStringLiteral("transport"))
                                          .toObject();
        QCOMPARE(transport.value(QStringLiteral("tls")).toBool(), true);
        QCOMPARE(transport.value(QStringLiteral("fingerprint_sha256")).toString(), fingerprint);
        QCOMPARE(r.header("Strict-Transport-Security"), QByteArray("max-age=31536000"));
    }

    void plainLoopbackHasNoHsts()
    {
        TestServer server;
        QVERIFY(server.host().tlsFingerprint().isEmpty());
        const HttpResult r = http("GET", server.url(QStringLiteral("/ready")));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Strict-Transport-Security").isEmpty());
        QCOMPARE(r.json()
                     .value(QStringLiteral("checks"))
                     .toObject()
                     .value(QStringLiteral("transport"))
                     .toObject()
                     .value(QStringLiteral("tls"))
                     .toBool(true),
            false);
    }

    void plainHttpToTheTlsPortIsRefusedCleanly()
    {
        TestServer server(tlsOn);
        const QByteArray answer = rawExchange(server.port(), get("/health"));
        QCOMPARE(rawStatus(answer), 400);
        QVERIFY(answer.contains("MALFORMED_REQUEST"));
        QVERIFY(answer.contains("https://"));
        // The server is fine afterwards.
        RawClient client;
        QVERIFY(client.connectEncrypted(server.port()));
        QVERIFY(client.send(get("/health")));
        QCOMPARE(client.readResponse().status, 200);
    }

    void slowHandshakesAreClosed()
    {
        TestServer server([](Config &c) {
            c.tlsAlways = true;
            c.headerTimeoutMs = 300;
        });
        // Silent after connecting: closed at the header deadline, never given a handshake.
        RawClient silent;
        QVERIFY(silent.connectTo(server.port()));
        QVERIFY(silent.waitForClose(5000));
        // The first bytes of a ClientHello, then nothing: closed as well.
        RawClient stalled;
        QVERIFY(stalled.connectTo(server.port()));
        stalled.socket().write(QByteArray::fromHex("160301"));
        QVERIFY(stalled.waitForClose(5000));
        QTRY_COMPARE(server.host().context().connectionLimiter.openConnections(), 0);
        // Garbage that starts like a handshake record: closed without an answer.
        const QByteArray garbage = rawExchange(
            server.port(), QByteArray::fromHex("16030100050102030405") + QByteArray(64, 'x'));
        QCOMPARE(rawStatus(garbage), 0);
    }

    void guardLimitsHoldOverTls()
    {
        TestServer server([](Config &c) {
            c.tlsAlways = true;
            c.maxConnectionsPerAddress = 2;
        });
        // A body over the limit is refused from its header, before it is buffered.
        RawClient big;
        QVERIFY(big.connectEncrypted(server.port()));
        QVERIFY(big.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                         "application/json\r\nContent-Length: 400000000\r\n\r\n{\"email\":"));
        const RawResponse tooLarge = big.readResponse();
        QCOMPARE(tooLarge.status, 413);
        QVERIFY(tooLarge.body.contains("PAYLOAD_TOO_LARGE"));
        QVERIFY(big.waitForClose(5000));
        QTRY_COMPARE(server.host().context().connectionLimiter.openConnections(), 0);

        // Headers over 16 KiB: 431 over TLS too.
        RawClient headers;
        QVERIFY(headers.connectEncrypted(server.port()));
        headers.send(
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n");
        QCOMPARE(headers.readResponse().status, 431);
        QVERIFY(headers.waitForClose(5000));
        QTRY_COMPARE(server.host().context().connectionLimiter.openConnections(), 0);

        // The per-address cap counts TLS connections (handshake or not).
        RawClient a;
        RawClient b;
        QVERIFY(a.connectEncrypted(server.port()));
        QVERIFY(b.connectEncrypted(server.port()));
        QTRY_COMPARE(server.host().context().connectionLimiter.openConnections(), 2);
        RawClient third;
        QVERIFY(!third.connectEncrypted(server.port(), nullptr, 3000));
        // Keep-alive still works on an admitted one.
        QVERIFY(a.send(get("/health")));
        QCOMPARE(a.readResponse().status, 200);
        QVERIFY(a.send(get("/health")));
        QCOMPARE(a.readResponse().status, 200);
    }

    void serverSentEventsStreamOverTls()
    {
        TestServer server(tlsOn);
        trustFingerprint(server.host().tlsFingerprint());
        const RegisteredUser ada = registerUser(server, QStringLiteral("ada@example.com"));
        const HttpResult board = httpJson("POST", server.url(QStringLiteral("/api/v1/boards")),
            {{QStringLiteral("name"), QStringLiteral("Launch")}}, ada.accessToken);
        QCOMPARE(board.status, 201);
        const QString boardId = board.data()
                                    .value(QStringLiteral("board"))
                                    .toObject()
                                    .value(QStringLiteral("id"))
                                    .toString();
        const QString columnId = board.data()
                                     .value(QStringLiteral("columns"))
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value(QStringLiteral("id"))
                                     .toString();

        RawClient stream;
        QVERIFY(stream.connectEncrypted(server.port()));
        QVERIFY(stream.send("GET /api/v1/events?board_id=" + boardId.toLatin1()
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: "
              "Bearer "
            + ada.accessToken.toLatin1() + "\r\n\r\n"));
        QByteArray seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen += stream.socket().readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY(seen.startsWith("HTTP/1.1 200"));
        QVERIFY(seen.contains("text/event-stream"));
        QVERIFY(seen.contains("Strict-Transport-Security"));
        const HttpResult card
            = httpJson("POST", server.url(QStringLiteral("/api/v1/boards/%1/cards").arg(boardId)),
                {{QStringLiteral("column_id"), columnId},
                    {QStringLiteral("title"), QStringLiteral("Hi")}},
                ada.accessToken);
        QCOMPARE(card.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen += stream.socket().readAll()).contains("event: card.created"), 10000);
    }

    void plainBeyondLoopbackNeedsInsecureHttp()
    {
        // Listening on every address: HTTPS unless --insecure-http says otherwise.
        ServerProcess secure({QStringLiteral("--host"), QStringLiteral("0.0.0.0")});
        QVERIFY2(secure.start(), qPrintable(secure.error()));
        QCOMPARE(secure.scheme(), QStringLiteral("https"));
        QCOMPARE(rawStatus(rawExchange(secure.port(), get("/health"))), 400);

        ServerProcess insecure({QStringLiteral("--host"), QStringLiteral("0.0.0.0"),
            QStringLiteral("--insecure-http")});
        QVERIFY2(insecure.start(), qPrintable(insecure.error()));
        QCOMPARE(insecure.scheme(), QStringLiteral("http"));
        QVERIFY(insecure.stderrText().contains("--insecure-http"));
        // (503 until its worker child reports in; the transport check is there either way.)
        const HttpResult ready
            = http("GET", QStringLiteral("http://127.0.0.1:%1/ready").arg(insecure.port()));
        QVERIFY(ready.status == 200 || ready.status == 503);
        const QJsonObject transport = ready.json()
                                          .value(QStringLiteral("checks"))
                                          .toObject()
                                          .value(QStringLiteral("transport"))
                                          .toObject();
        QCOMPARE(transport.value(QStringLiteral("status")).toString(), QStringLiteral("warning"));
        QVERIFY(transport.value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("--insecure-http")));

        // Loopback stays plain without any flag (the desktop's own server, the other tests).
        ServerProcess loopback;
        QVERIFY2(loopback.start(), qPrintable(loopback.error()));
        QCOMPARE(loopback.scheme(), QStringLiteral("http"));
    }

    void configuredCertificateIsReloadedOnSighup()
    {
        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        const TlsIdentity first = tls_identity::generateSelfSigned(
            QStringLiteral("first"), {QStringLiteral("localhost")}, {QHostAddress::LocalHost}, 30);
        const TlsIdentity second = tls_identity::generateSelfSigned(
            QStringLiteral("second"), {QStringLiteral("localhost")}, {QHostAddress::LocalHost}, 30);
        write(QStringLiteral("cert.pem"), first.certificatePem);
        write(QStringLiteral("key.pem"), first.privateKeyPem);
        QProcessEnvironment env;
        env.insert(QStringLiteral("CORKBOARD_TLS_CERT"), dir.filePath(QStringLiteral("cert.pem")));
        env.insert(QStringLiteral("CORKBOARD_TLS_KEY"), dir.filePath(QStringLiteral("key.pem")));
        ServerProcess server({QStringLiteral("--tls"), QStringLiteral("on")}, env);
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QString firstPrint
            = certificateFingerprint(QSslCertificate(first.certificatePem).toDer());
        QCOMPARE(printedFingerprint(server), firstPrint);

        write(QStringLiteral("cert.pem"), second.certificatePem);
        write(QStringLiteral("key.pem"), second.privateKeyPem);
        ::kill(pid_t(server.pid()), SIGHUP);
        const QString secondPrint
            = certificateFingerprint(QSslCertificate(second.certificatePem).toDer());
        QVERIFY(server.waitForStdout("new SHA-256 fingerprint: " + secondPrint.toLatin1(), 10000));
        RawClient client;
        QString seen;
        QVERIFY(client.connectEncrypted(server.port(), &seen));
        QCOMPARE(seen, secondPrint);

        // A key that does not match is refused at reload; the server keeps serving the last one.
        write(QStringLiteral("key.pem"), first.privateKeyPem);
        ::kill(pid_t(server.pid()), SIGHUP);
        QVERIFY(server.waitForStderr("TLS reload failed", 10000));
        RawClient after;
        QVERIFY(after.connectEncrypted(server.port(), &seen));
        QCOMPARE(seen, secondPrint);
    }
};

QTEST_MAIN(TestTlsServer)
#include "test_tls_server.moc"
