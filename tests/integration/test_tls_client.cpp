// The typed client and LiveClient over HTTPS/WSS against the real server on loopback: the
// first connection to a self-signed server is an "untrusted certificate" outcome carrying the
// fingerprint the server prints; once accepted the pin is stored in the client's settings and
// calls go through; a changed certificate is refused naming both fingerprints until accepted
// deliberately; system-trusted certificates need no pin; expired, wrong host and a stalled
// handshake get their own outcomes and messages.
#include "server/platform/tls_identity.h"
#include "shared/client/auth_api.h"
#include "shared/client/boards_api.h"
#include "shared/client/cards_api.h"
#include "shared/client/error_presenter.h"
#include "shared/client/live_client.h"
#include "shared/client/server_api.h"
#include "shared/client/server_trust.h"
#include "shared/tls_fingerprint.h"
#include "tests/support/client_test_util.h"
#include "tests/support/test_server.h"

#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;

namespace {

constexpr int kWait = 20000;

void tlsOn(Config &c)
{
    c.tlsAlways = true;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
    return f.fileName();
}

//! A server with this certificate (and only this name in it, or none).
std::function<void(Config &)> withIdentity(const QTemporaryDir &dir, const TlsIdentity &identity)
{
    const QString cert = writeFile(dir, QStringLiteral("cert.pem"), identity.certificatePem);
    const QString key = writeFile(dir, QStringLiteral("key.pem"), identity.privateKeyPem);
    return [cert, key](Config &c) {
        c.tlsAlways = true;
        c.tlsCertFile = cert;
        c.tlsKeyFile = key;
    };
}

} // namespace

class TestTlsClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstUseAsksThenThePinIsStoredAndUsed()
    {
        TestServer server(tlsOn);
        const QString printed = server.host().tlsFingerprint();
        QTemporaryDir settingsDir;
        const QString settingsFile = settingsDir.filePath(QStringLiteral("corkboard.conf"));
        auto trust
            = std::make_shared<ServerTrust>(std::make_shared<SettingsPinStore>(settingsFile));
        const QUrl url(server.url(QString()));
        QCOMPARE(url.scheme(), QStringLiteral("https"));
        ApiClient client(url, std::make_shared<MemoryTokenStore>(), fastOptions());
        client.setServerTrust(trust);
        ServerApi api(client);

        const auto first = waitFor(api.serverInfo());
        QVERIFY(!first.isOk());
        QCOMPARE(first.error().kind, ApiError::Kind::Tls);
        QCOMPARE(first.error().tlsProblem, ApiError::TlsProblem::Untrusted);
        QCOMPARE(first.error().fingerprint, printed); // the same text the server prints
        QVERIFY(ErrorPresenter::message(first.error()).contains(printed));
        QVERIFY(trust->pinned(url).isEmpty());

        // The person compared and accepted: pinned in the settings file, not a secret store.
        trust->pin(url, first.error().fingerprint);
        QSettings stored(settingsFile, QSettings::IniFormat);
        QCOMPARE(stored.value(QStringLiteral("pinned_certificates/127.0.0.1:%1").arg(url.port()))
                     .toString(),
            printed);
        const auto second = waitFor(api.serverInfo());
        QVERIFY2(second.isOk(), qPrintable(why(second)));

        // A new client (the next start of the window) reads the pin and goes straight through.
        ApiClient later(url, std::make_shared<MemoryTokenStore>(), fastOptions());
        later.setServerTrust(
            std::make_shared<ServerTrust>(std::make_shared<SettingsPinStore>(settingsFile)));
        ServerApi laterApi(later);
        const auto third = waitFor(laterApi.serverInfo());
        QVERIFY2(third.isOk(), qPrintable(why(third)));
    }

    void changedCertificateIsRefusedUntilAcceptedDeliberately()
    {
        auto pins = std::make_shared<MemoryPinStore>();
        auto trust = std::make_shared<ServerTrust>(pins);
        quint16 port = 0;
        QString before;
        {
            TestServer original(tlsOn);
            port = original.port();
            before = original.host().tlsFingerprint();
            trust->pin(QUrl(original.url(QString())), before);
        }
        // Same address, another data dir: another self-signed certificate.
        TestServer replaced([port](Config &c) {
            c.tlsAlways = true;
            c.port = port;
        });
        const QString after = replaced.host().tlsFingerprint();
        QVERIFY(after != before);
        const QUrl url(replaced.url(QString()));
        ApiClient client(url, std::make_shared<MemoryTokenStore>(), fastOptions());
        client.setServerTrust(trust);
        ServerApi api(client);
        const auto refused = waitFor(api.serverInfo());
        QVERIFY(!refused.isOk());
        QCOMPARE(refused.error().tlsProblem, ApiError::TlsProblem::Changed);
        QCOMPARE(refused.error().fingerprint, after);
        QCOMPARE(refused.error().pinnedFingerprint, before);
        const QString message = ErrorPresenter::message(refused.error());
        QVERIFY(message.contains(after) && message.contains(before));
        // Refused again on retry: nothing changes by itself.
        QCOMPARE(waitFor(api.serverInfo()).error().tlsProblem, ApiError::TlsProblem::Changed);
        QCOMPARE(trust->pinned(url), before);
        // Reviewed and accepted: the new pin replaces the old one.
        trust->pin(url, refused.error().fingerprint);
        const auto accepted = waitFor(api.serverInfo());
        QVERIFY2(accepted.isOk(), qPrintable(why(accepted)));
    }

    void advertisedFingerprintMismatchIsRefused()
    {
        TestServer server(tlsOn);
        auto trust = std::make_shared<ServerTrust>();
        const QUrl url(server.url(QString()));
        trust->setAdvertised(url, formatFingerprint(QByteArray(32, '\xAA')));
        ApiClient client(url, std::make_shared<MemoryTokenStore>(), fastOptions());
        client.setServerTrust(trust);
        ServerApi api(client);
        const auto r = waitFor(api.serverInfo());
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().tlsProblem, ApiError::TlsProblem::AdvertisedMismatch);
        // Even a pin does not override a certificate other than the announced one.
        trust->pin(url, server.host().tlsFingerprint());
        QCOMPARE(
            waitFor(api.serverInfo()).error().tlsProblem, ApiError::TlsProblem::AdvertisedMismatch);
        // When the announcement matches, the pin decides as usual.
        trust->setAdvertised(url, server.host().tlsFingerprint());
        QVERIFY(waitFor(api.serverInfo()).isOk());
    }

    void systemTrustedCertificatesNeedNoPinButMustNameTheHost()
    {
        QTemporaryDir dir;
        QTemporaryDir otherDir;
        const TlsIdentity identity = tls_identity::generateSelfSigned(QStringLiteral("corkboard"),
            {QStringLiteral("localhost")}, {QHostAddress::LocalHost}, 30);
        const TlsIdentity elsewhere = tls_identity::generateSelfSigned(
            QStringLiteral("board.example"), {QStringLiteral("board.example")}, {}, 30);
        // "The system" trusts both: they are in the default CA list of this process.
        QSslConfiguration defaults = QSslConfiguration::defaultConfiguration();
        const QSslConfiguration saved = defaults;
        defaults.addCaCertificate(QSslCertificate(identity.certificatePem));
        defaults.addCaCertificate(QSslCertificate(elsewhere.certificatePem));
        QSslConfiguration::setDefaultConfiguration(defaults);
        const auto restore
            = qScopeGuard([saved] { QSslConfiguration::setDefaultConfiguration(saved); });

        TestServer server(withIdentity(dir, identity));
        {
            ApiClient client(
                QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
            ServerApi api(client);
            const auto r = waitFor(api.serverInfo());
            QVERIFY2(r.isOk(), qPrintable(why(r)));
            QVERIFY(client.serverTrust()->pinned(client.serverUrl()).isEmpty());
        }
        // A trusted certificate for another name: a wrong-host outcome, no prompt.
        TestServer misnamed(withIdentity(otherDir, elsewhere));
        ApiClient client(
            QUrl(misnamed.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        ServerApi api(client);
        const auto wrong = waitFor(api.serverInfo());
        QVERIFY(!wrong.isOk());
        QCOMPARE(wrong.error().tlsProblem, ApiError::TlsProblem::WrongHost);
        QVERIFY(ErrorPresenter::message(wrong.error()).contains(QStringLiteral("different name")));
    }

    void expiredCertificateIsNamedAsSuch()
    {
        QTemporaryDir dir;
        const TlsIdentity expired = tls_identity::generateSelfSigned(
            QStringLiteral("old"), {QStringLiteral("localhost")}, {QHostAddress::LocalHost}, -1);
        TestServer server(withIdentity(dir, expired));
        ApiClient client(
            QUrl(server.url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        ServerApi api(client);
        const auto r = waitFor(api.serverInfo());
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().tlsProblem, ApiError::TlsProblem::Expired);
        QVERIFY(ErrorPresenter::message(r.error()).contains(QStringLiteral("expired")));
    }

    void stalledHandshakeIsAHandshakeTimeout()
    {
        // Accepts the connection and never answers the ClientHello.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        auto options = fastOptions();
        options.timeoutMs = 300;
        options.maxRetries = 0;
        ApiClient client(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort())),
            std::make_shared<MemoryTokenStore>(), options);
        ServerApi api(client);
        const auto r = waitFor(api.serverInfo());
        QVERIFY(!r.isOk());
        QCOMPARE(r.error().kind, ApiError::Kind::Timeout);
        QCOMPARE(r.error().tlsProblem, ApiError::TlsProblem::HandshakeTimeout);
        QVERIFY(ErrorPresenter::message(r.error()).contains(QStringLiteral("secure connection")));
    }

    void typedClientAndLiveClientWorkOverHttpsAndWss()
    {
        TestServer server(tlsOn);
        auto trust = std::make_shared<ServerTrust>();
        const QUrl url(server.url(QString()));
        trust->pin(url, server.host().tlsFingerprint());
        ApiClient client(url, std::make_shared<MemoryTokenStore>(), fastOptions());
        client.setServerTrust(trust);
        AuthApi auth(client);
        const auto user = waitFor(auth.registerAccount(QStringLiteral("ada@example.com"),
            QStringLiteral("correct horse battery"), QStringLiteral("Ada")));
        QVERIFY2(user.isOk(), qPrintable(why(user)));
        BoardsApi boards(client);
        const auto board = waitFor(boards.createBoard(QStringLiteral("Launch")));
        QVERIFY2(board.isOk(), qPrintable(why(board)));

        LiveClient live(QUrl {});
        live.attach(&client);
        QCOMPARE(client.liveUrl().scheme(), QStringLiteral("wss"));
        QSignalSpy ready(&live, &LiveClient::ready);
        QSignalSpy subscribed(&live, &LiveClient::subscribed);
        QSignalSpy events(&live, &LiveClient::eventReceived);
        QSignalSpy refused(&live, &LiveClient::certificateRefused);
        live.subscribe(board.value().board.id, board.value().board.seq);
        live.open();
        QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, kWait);
        QCOMPARE(ready.first().first().toString(), user.value().id);
        CardsApi cards(client);
        NewCard card;
        card.columnId = board.value().columns.first().id;
        card.title = QStringLiteral("Over TLS");
        QVERIFY(waitFor(cards.createCard(board.value().board.id, card)).isOk());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&events] {
                for (const auto &args : events) {
                    if (args.first().value<EventEnvelope>().type == QLatin1String("card.created"))
                        return true;
                }
                return false;
            }(),
            kWait);
        QCOMPARE(refused.size(), 0);
        live.close();

        // The same LiveClient setup without the pin: refused, with the fingerprint.
        auto strangerTrust = std::make_shared<ServerTrust>();
        client.setServerTrust(strangerTrust);
        LiveClient stranger(QUrl {});
        stranger.attach(&client);
        QSignalSpy strangerRefused(&stranger, &LiveClient::certificateRefused);
        QSignalSpy strangerReady(&stranger, &LiveClient::ready);
        stranger.open();
        QTRY_VERIFY_WITH_TIMEOUT(strangerRefused.size() >= 1, kWait);
        const auto error = strangerRefused.first().first().value<ApiError>();
        QCOMPARE(error.tlsProblem, ApiError::TlsProblem::Untrusted);
        QCOMPARE(error.fingerprint, server.host().tlsFingerprint());
        QCOMPARE(strangerReady.size(), 0);
        stranger.close();
    }
};

QTEST_MAIN(TestTlsClient)
#include "test_tls_client.moc"
