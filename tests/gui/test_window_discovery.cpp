// The connect dialog finds a team server on the network, as a person uses it: a real
// avahi-daemon (tests/discovery/avahi_namespace.sh: a private network namespace and system bus)
// carries the announcement of a real HTTPS server; the server appears in "Servers on this
// network", a click fills its address, Enter connects, and the certificate question says that
// the fingerprint matches the one the server announced. A server that stops vanishes from the
// list.
#include "app/account/sign_in_dialog.h"
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/certificate_dialog.h"
#include "app/shell/desktop_session.h"
#include "app/shell/first_run_dialog.h"
#include "app/widgets/message_box.h"
#include "shared/client/server_browser.h"
#include "shared/client/token_store.h"
#include "tests/support/test_server.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;

namespace {
constexpr int kWait = 20000;

//! The row of the list that shows the server on `port`, or -1.
int rowOnPort(const QListView *list, quint16 port)
{
    auto *model = qobject_cast<client::DiscoveredServersModel *>(list->model());
    for (int row = 0; model && row < model->rowCount(); ++row) {
        if (model->server(row).port == port)
            return row;
    }
    return -1;
}

//! What the list shows, for failure messages.
QByteArray listed(const QListView *list)
{
    auto *model = qobject_cast<client::DiscoveredServersModel *>(list->model());
    QStringList rows;
    for (int row = 0; model && row < model->rowCount(); ++row)
        rows << model->server(row).name + QLatin1Char('@')
                + QString::number(model->server(row).port);
    return "the list shows: [" + rows.join(QStringLiteral(", ")).toUtf8() + "]";
}
} // namespace

class TestWindowDiscovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CORKBOARD_TEST_AVAHI_PID"),
            "run through tests/discovery/avahi_namespace.sh (it starts the avahi-daemon)");
        MessageBox::setSilent(true);
    }

    void aServerOnTheNetworkIsPickedFromTheList()
    {
        auto server = std::make_unique<test::TestServer>([](Config &c) {
            c.host = QStringLiteral("0.0.0.0"); // beyond loopback: HTTPS and announced
            c.discovery = true;
        });
        const quint16 port = server->port();
        const QString fingerprint = server->host().tlsFingerprint();

        AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        settings.setKeepInTray(false);
        auto tokens = std::make_shared<client::MemoryTokenStore>();
        auto factory = [tokens, &settings](const QUrl &url, QObject *parent) -> Backend * {
            return new ApiBackend(url, tokens, &settings, parent);
        };
        Config config = test::testConfig(m_dir.filePath(QStringLiteral("client")));
        config.mode = RunMode::Desktop;
        DesktopSession session(config, &settings, factory);
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.firstRunDialog() != nullptr, kWait);
        FirstRunDialog *dialog = session.firstRunDialog();
        auto *list = dialog->findChild<QListView *>(QStringLiteral("discoveredServers"));
        auto *state = dialog->findChild<QLabel *>(QStringLiteral("discoveryState"));
        QVERIFY(list && state);
        QTRY_VERIFY_WITH_TIMEOUT(rowOnPort(list, port) >= 0, kWait);
        QCOMPARE(state->text(), QStringLiteral("Pick one, or type an address below."));
        const QModelIndex index = list->model()->index(rowOnPort(list, port), 0);
        QVERIFY(index.data().toString().startsWith(QStringLiteral("Corkboard on ")));

        // A click fills the address field with the server's https:// address.
        const QRect rect = list->visualRect(index);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        const QUrl picked(dialog->urlField()->text());
        QCOMPARE(picked.scheme(), QStringLiteral("https"));
        QCOMPARE(picked.port(), int(port));

        // Enter connects; the first-use question shows the fingerprint and says it matches the
        // announcement.
        QTest::keyClick(dialog->urlField(), Qt::Key_Return);
        CertificateDialog *question = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (question = qobject_cast<CertificateDialog *>(QApplication::activeModalWidget()))
                != nullptr,
            kWait);
        QCOMPARE(question->mode(), CertificateDialog::Mode::FirstUse);
        QCOMPARE(question->findChild<QLabel *>(QStringLiteral("fingerprint"))
                     ->text()
                     .replace(QLatin1Char('\n'), QLatin1Char(':')),
            fingerprint);
        bool saysMatches = false;
        for (const QLabel *label : question->findChildren<QLabel *>())
            saysMatches = saysMatches || label->text().contains(QStringLiteral("It matches"));
        QVERIFY(saysMatches);
        QTest::mouseClick(
            question->findChild<QPushButton *>(QStringLiteral("trustButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(session.signInDialog() != nullptr, kWait);
        QCOMPARE(settings.serverTrust()->pinned(picked), fingerprint);
        QCOMPARE(settings.remoteUrl().port(), int(port));
    }

    void aStoppedServerVanishesFromTheList()
    {
        FirstRunDialog dialog;
        dialog.startDiscovery(client::makeServerBrowser());
        dialog.show();
        auto *list = dialog.findChild<QListView *>(QStringLiteral("discoveredServers"));
        auto server = std::make_unique<test::TestServer>([](Config &c) {
            c.host = QStringLiteral("0.0.0.0");
            c.discovery = true;
        });
        const quint16 port = server->port();
        QTRY_VERIFY2_WITH_TIMEOUT(rowOnPort(list, port) >= 0, listed(list).constData(), kWait);
        server.reset();
        QTRY_COMPARE_WITH_TIMEOUT(rowOnPort(list, port), -1, kWait);
    }
};

QTEST_MAIN(TestWindowDiscovery)
#include "test_window_discovery.moc"
