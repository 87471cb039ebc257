// The window and a team server's certificate, used as a person does: the first connection to
// a self-signed server shows its fingerprint (the one the server prints) and asks; "Trust"
// pins it in the settings file and goes on to sign-in; a later, different certificate is
// refused until the person ticks that they checked it and accepts it. Typing a plain http://
// address of another machine asks before connecting; a bare address means https://.
#include "app/account/sign_in_dialog.h"
#include "app/boards/boards_list.h"
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/certificate_dialog.h"
#include "app/shell/desktop_session.h"
#include "app/shell/first_run_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "shared/client/token_store.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/gui_world.h"
#include "tests/support/test_server.h"

#include "app/shell/embedded_server.h"
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

namespace {

template<class T>
T *findTopLevel(const QString &objectName = QString())
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget *w : widgets) {
        if (auto *t = qobject_cast<T *>(w);
            t && t->isVisible() && (objectName.isEmpty() || t->objectName() == objectName))
            return t;
        const auto children = w->findChildren<T *>();
        for (T *c : children) {
            if (c->isVisible() && (objectName.isEmpty() || c->objectName() == objectName))
                return c;
        }
    }
    return nullptr;
}

QString shownFingerprint(CertificateDialog *dialog, const QString &name)
{
    auto *label = dialog->findChild<QLabel *>(name);
    return label ? label->text().replace(QLatin1Char('\n'), QLatin1Char(':')) : QString();
}

} // namespace

class TestWindowCertificates : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<client::MemoryTokenStore> m_tokens
        = std::make_shared<client::MemoryTokenStore>();

    std::unique_ptr<DesktopSession> startClient(AppSettings *settings)
    {
        auto factory = [this, settings](const QUrl &url, QObject *parent) -> Backend * {
            return new ApiBackend(url, m_tokens, settings, parent);
        };
        Config config = test::testConfig(m_dir.filePath(QStringLiteral("client")));
        config.mode = RunMode::Desktop;
        auto session = std::make_unique<DesktopSession>(config, settings, factory);
        session->start();
        return session;
    }

private Q_SLOTS:
    void initTestCase() { MessageBox::setSilent(true); }

    void firstConnectionAsksWithTheFingerprintThenPins()
    {
        test::TestServer server([](Config &c) { c.tlsAlways = true; });
        const QString printed = server.host().tlsFingerprint();
        const QString file = m_dir.filePath(QStringLiteral("first.ini"));
        AppSettings settings(file);
        settings.setKeepInTray(false);
        settings.setShape(AppSettings::Shape::Remote);
        settings.setRemoteUrl(QUrl(server.url(QString())));
        auto session = startClient(&settings);

        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = findTopLevel<CertificateDialog>()) != nullptr, kGuiWait);
        QCOMPARE(dialog->mode(), CertificateDialog::Mode::FirstUse);
        QCOMPARE(shownFingerprint(dialog, QStringLiteral("fingerprint")), printed);
        auto *trust = dialog->findChild<QPushButton *>(QStringLiteral("trustButton"));
        QVERIFY(trust && trust->isEnabled());
        QTest::mouseClick(trust, Qt::LeftButton);

        // Pinned in the window's settings file, and on to signing in.
        QTRY_VERIFY_WITH_TIMEOUT(findTopLevel<SignInDialog>() != nullptr, kGuiWait);
        QSettings stored(file, QSettings::IniFormat);
        QCOMPARE(stored
                     .value(QStringLiteral("pinned_certificates/127.0.0.1:%1")
                                .arg(QUrl(server.url(QString())).port()))
                     .toString(),
            printed);
    }

    void changedCertificateNeedsAReviewedAccept()
    {
        quint16 port = 0;
        QString before;
        {
            test::TestServer first([](Config &c) { c.tlsAlways = true; });
            port = first.port();
            before = first.host().tlsFingerprint();
        }
        test::TestServer second([port](Config &c) {
            c.tlsAlways = true;
            c.port = port;
        });
        const QString after = second.host().tlsFingerprint();
        AppSettings settings(m_dir.filePath(QStringLiteral("changed.ini")));
        settings.setKeepInTray(false);
        settings.setShape(AppSettings::Shape::Remote);
        const QUrl url(second.url(QString()));
        settings.setRemoteUrl(url);
        settings.serverTrust()->pin(url, before); // trusted on an earlier day
        auto session = startClient(&settings);

        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = findTopLevel<CertificateDialog>()) != nullptr, kGuiWait);
        QCOMPARE(dialog->mode(), CertificateDialog::Mode::Changed);
        QCOMPARE(shownFingerprint(dialog, QStringLiteral("previousFingerprint")), before);
        QCOMPARE(shownFingerprint(dialog, QStringLiteral("fingerprint")), after);
        auto *accept = dialog->findChild<QPushButton *>(QStringLiteral("trustButton"));
        auto *reviewed = dialog->findChild<QCheckBox *>(QStringLiteral("reviewed"));
        QVERIFY(accept && reviewed);
        QVERIFY(!accept->isEnabled()); // nothing is accepted by a stray click or Enter
        QTest::keyClick(dialog, Qt::Key_Return);
        QCOMPARE(settings.serverTrust()->pinned(url), before);
        QTRY_VERIFY(findTopLevel<CertificateDialog>() == nullptr); // Enter = Cancel
        QVERIFY(session->window()->busyText().contains(QStringLiteral("not accepted")));
        QCOMPARE(findTopLevel<SignInDialog>(), nullptr);

        // Deliberately: connect again, tick the review, accept.
        session.reset();
        session = startClient(&settings);
        QTRY_VERIFY_WITH_TIMEOUT((dialog = findTopLevel<CertificateDialog>()) != nullptr, kGuiWait);
        reviewed = dialog->findChild<QCheckBox *>(QStringLiteral("reviewed"));
        accept = dialog->findChild<QPushButton *>(QStringLiteral("trustButton"));
        QTest::mouseClick(reviewed, Qt::LeftButton, {}, QPoint(5, reviewed->height() / 2));
        QVERIFY(accept->isEnabled());
        QTest::mouseClick(accept, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(findTopLevel<SignInDialog>() != nullptr, kGuiWait);
        QCOMPARE(settings.serverTrust()->pinned(url), after);
    }

    void certificateChangeWhileSignedInIsReviewed()
    {
        // One server, its data kept, restarted on the same port with a new self-signed
        // certificate while the window is signed in: nothing is sent on until the person has
        // compared the fingerprints; accepted, the same session goes on; refused, it ends with
        // Retry to ask again.
        QTemporaryDir data;
        quint16 port = 0;
        auto restart = [&](std::unique_ptr<test::TestServer> &server) {
            server.reset();
            QDir(data.filePath(QStringLiteral("tls"))).removeRecursively(); // a new certificate
            server = std::make_unique<test::TestServer>([&](Config &c) {
                c.tlsAlways = true;
                c.dataDir = data.path();
                c.databaseUrl = QStringLiteral("sqlite:") + data.filePath(QStringLiteral("c.db"));
                c.port = port;
            });
            port = server->port();
        };
        std::unique_ptr<test::TestServer> server;
        restart(server);
        const QString first = server->host().tlsFingerprint();
        AppSettings settings(m_dir.filePath(QStringLiteral("midsession.ini")));
        settings.setKeepInTray(false);
        settings.setShape(AppSettings::Shape::Remote);
        const QUrl url(server->url(QString()));
        settings.setRemoteUrl(url);
        settings.serverTrust()->pin(url, first);
        auto session = startClient(&settings);
        SignInDialog *form = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((form = findTopLevel<SignInDialog>()) != nullptr, kGuiWait);
        QTest::keyClicks(form->nameField(), QStringLiteral("Grace Hopper"));
        QTest::keyClicks(form->emailField(), QStringLiteral("grace@example.com"));
        QTest::keyClicks(form->passwordField(), QStringLiteral("correct horse battery"));
        QTest::mouseClick(form->registerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            session->window()->boardsList() && !session->signInDialog(), kGuiWait);
        Backend *backend = session->backend();

        restart(server);
        const QString second = server->host().tlsFingerprint();
        QVERIFY(second != first);
        CertificateDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = findTopLevel<CertificateDialog>()) != nullptr, kGuiWait);
        QCOMPARE(dialog->mode(), CertificateDialog::Mode::Changed);
        QCOMPARE(shownFingerprint(dialog, QStringLiteral("previousFingerprint")), first);
        QCOMPARE(shownFingerprint(dialog, QStringLiteral("fingerprint")), second);
        QVERIFY(session->window()->boardsList()->isVisible()); // the board stays underneath
        auto *reviewed = dialog->findChild<QCheckBox *>(QStringLiteral("reviewed"));
        auto *accept = dialog->findChild<QPushButton *>(QStringLiteral("trustButton"));
        QTest::mouseClick(reviewed, Qt::LeftButton, {}, QPoint(5, reviewed->height() / 2));
        QTest::mouseClick(accept, Qt::LeftButton);
        QCOMPARE(settings.serverTrust()->pinned(url), second);
        // The same session goes on over the new certificate.
        QCOMPARE(session->backend(), backend);
        const auto boards
            = test::awaitCall<QList<Board>>([backend](QObject *ctx, Callback<QList<Board>> done) {
                  backend->listBoards(ctx, done);
              });
        QVERIFY2(boards.ok(), qPrintable(boards.error.message));

        // Once more, and this time the person does not accept it.
        restart(server);
        QTRY_VERIFY_WITH_TIMEOUT((dialog = findTopLevel<CertificateDialog>()) != nullptr, kGuiWait);
        QCOMPARE(shownFingerprint(dialog, QStringLiteral("previousFingerprint")), second);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(session->backend() == nullptr, kGuiWait);
        QVERIFY(session->window()->busyText().contains(QStringLiteral("not accepted")));
        QCOMPARE(settings.serverTrust()->pinned(url), second);
    }

    void sharedBoardsShowTheirFingerprintInSettings()
    {
        // "Share on LAN" (from the start after the first account exists): the fingerprint
        // colleagues will be asked to compare is in Settings, the one the embedded server prints.
        QTemporaryDir data;
        {
            test::TestServer earlier([&data](Config &c) {
                c.dataDir = data.path();
                c.databaseUrl
                    = QStringLiteral("sqlite:") + data.filePath(QStringLiteral("corkboard.db"));
                c.openRegistration = true;
            });
            test::registerUser(earlier, QStringLiteral("ada@example.com"));
        }
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::Any, 0));
            port = probe.serverPort();
        }
        AppSettings settings(m_dir.filePath(QStringLiteral("shared.ini")));
        settings.setKeepInTray(false);
        settings.setShape(AppSettings::Shape::Local);
        settings.setShareOnLan(true);
        settings.setLanPort(port);
        auto factory = [this, &settings](const QUrl &url, QObject *parent) -> Backend * {
            return new ApiBackend(url, m_tokens, &settings, parent);
        };
        Config config = test::testConfig(data.path());
        config.mode = RunMode::Desktop;
        auto session = std::make_unique<DesktopSession>(config, &settings, factory);
        session->start();
        QTRY_VERIFY_WITH_TIMEOUT(findTopLevel<SignInDialog>() != nullptr, kGuiWait);
        const QString printed = session->server()->fingerprint();
        QVERIFY(!printed.isEmpty());
        QTest::keyClick(findTopLevel<SignInDialog>(), Qt::Key_Escape);

        QToolButton *button = nullptr;
        for (QToolButton *b : session->window()->findChildren<QToolButton *>()) {
            if (b->defaultAction() && b->defaultAction()->text() == QStringLiteral("&Settings"))
                button = b;
        }
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QWidget *shown = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (shown = findTopLevel<QDialog>(QStringLiteral("settings"))) != nullptr, kGuiWait);
        auto *label = shown->findChild<QLabel *>(QStringLiteral("servedFingerprint"));
        QVERIFY(label);
        QCOMPARE(label->text(), printed);
        QTest::keyClick(shown, Qt::Key_Escape);
        session->quit();
    }

    void plainHttpToAnotherMachineAsksFirst()
    {
        FirstRunDialog dialog;
        QSignalSpy chosen(&dialog, &FirstRunDialog::remoteChosen);
        dialog.show();
        QTest::keyClicks(dialog.urlField(), QStringLiteral("http://192.0.2.10:8080"));
        MessageBox::setNextAnswer(FirstRunDialog::kCancelPlain);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY(MessageBox::lastText().contains(QStringLiteral("unencrypted")));
        QTest::qWait(100); // the answer arrives from the event loop
        QCOMPARE(chosen.size(), 0);
        MessageBox::setNextAnswer(FirstRunDialog::kConnectPlain);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QTRY_COMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toUrl(), QUrl(QStringLiteral("http://192.0.2.10:8080")));
    }

    void bareAddressMeansHttps()
    {
        FirstRunDialog dialog;
        QSignalSpy chosen(&dialog, &FirstRunDialog::remoteChosen);
        dialog.show();
        QTest::keyClicks(dialog.urlField(), QStringLiteral("192.0.2.10:8080"));
        QTest::keyClick(dialog.urlField(), Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toUrl(), QUrl(QStringLiteral("https://192.0.2.10:8080")));
    }
};

QTEST_MAIN(TestWindowCertificates)
#include "test_window_certificates.moc"
