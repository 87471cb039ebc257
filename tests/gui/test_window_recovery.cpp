// A desktop client of a team server that is down when it starts: it says so, offers Retry,
// Sign out and "Connect to another server…", and comes back by itself once the server answers.
#include "app/boards/boards_list.h"
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/desktop_session.h"
#include "app/shell/first_run_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "shared/client/token_store.h"
#include "tests/support/gui_world.h"
#include "tests/support/test_server.h"

#include <QAction>
#include <QPushButton>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::awaitCall;
using corkboard::test::kGuiWait;

class TestWindowRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<client::MemoryTokenStore> m_tokens
        = std::make_shared<client::MemoryTokenStore>();
    std::unique_ptr<AppSettings> m_settings;
    quint16 m_port = 0;

    //! A team server on the same port and data folder every time (so sign-ins survive).
    std::unique_ptr<test::TestServer> startServer()
    {
        const QString data = m_dir.filePath(QStringLiteral("server"));
        const quint16 port = m_port;
        auto server = std::make_unique<test::TestServer>([data, port](Config &c) {
            c.dataDir = data;
            c.databaseUrl = QStringLiteral("sqlite:") + data + QStringLiteral("/corkboard.db");
            c.port = port;
        });
        m_port = server->port();
        return server;
    }

    std::unique_ptr<DesktopSession> startClient()
    {
        auto factory = [this](const QUrl &url, QObject *parent) -> Backend * {
            auto *backend = new ApiBackend(url, m_tokens, m_settings.get(), parent);
            backend->setProbeInterval(300);
            return backend;
        };
        Config config = test::testConfig(m_dir.filePath(QStringLiteral("client")));
        config.mode = RunMode::Desktop;
        auto session = std::make_unique<DesktopSession>(config, m_settings.get(), factory);
        session->setRetryDelay(300);
        session->start();
        return session;
    }

    static void quit(std::unique_ptr<DesktopSession> &session)
    {
        bool finished = false;
        connect(session.get(), &DesktopSession::finished, [&finished] { finished = true; });
        session->quit();
        (void)QTest::qWaitFor([&finished] { return finished; }, kGuiWait);
        QTest::qWait(300);
        session.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        MessageBox::setSilent(true);
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setKeepInTray(false);
        // Ada signs in once on this computer (the refresh token is kept, as in the keychain).
        auto server = startServer();
        const QUrl url(server->url(QString()));
        m_settings->setShape(AppSettings::Shape::Remote);
        m_settings->setRemoteUrl(url);
        {
            ApiBackend first(url, m_tokens, m_settings.get());
            const auto account = awaitCall<User>([&](QObject *ctx, Callback<User> done) {
                first.registerAccount(ctx, QStringLiteral("ada@example.com"),
                    QStringLiteral("correct horse battery"), QStringLiteral("Ada"), QString(),
                    done);
            });
            QVERIFY2(account.ok(), qPrintable(account.error.message));
            first.suspend();
            QTest::qWait(200);
        }
        server.reset(); // the team server goes down
    }

    void startWhileTheServerIsDownRecoversByItself()
    {
        auto session = startClient();
        MainWindow *window = session->window();
        QTRY_VERIFY_WITH_TIMEOUT(
            window->busyText().contains(QStringLiteral("cannot be reached")), kGuiWait);
        QVERIFY(window->retryButton()->isVisible());
        QVERIFY(window->changeServerButton()->isVisible());
        QVERIFY(window->signOutAction()->isEnabled());
        QVERIFY(window->changeServerAction()->isEnabled());
        QVERIFY(session->isRetryScheduled()); // it keeps trying by itself

        // Retry while still down: the same page again, still trying.
        QTest::mouseClick(window->retryButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session->isRetryScheduled(), kGuiWait);
        QVERIFY(window->busyText().contains(QStringLiteral("cannot be reached")));

        // The server comes back: the client signs in again without anyone touching it.
        auto server = startServer();
        QTRY_VERIFY_WITH_TIMEOUT(
            window->boardsList() && window->boardsList()->isVisible(), kGuiWait);
        QCOMPARE(session->backend()->account()->email, QStringLiteral("ada@example.com"));
        QVERIFY(!window->retryButton()->isVisible());
        quit(session);
    }

    void connectToAnotherServerIsAlwaysThere()
    {
        auto session = startClient(); // the server is down again (the last test's went away)
        MainWindow *window = session->window();
        QTRY_VERIFY_WITH_TIMEOUT(window->changeServerButton()->isVisible(), kGuiWait);
        QTest::mouseClick(window->changeServerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            session->firstRunDialog() && session->firstRunDialog()->isVisible(), kGuiWait);
        QVERIFY(!session->isRetryScheduled());
        session->firstRunDialog()->close();
        quit(session);
    }
};

QTEST_MAIN(TestWindowRecovery)
#include "test_window_recovery.moc"
