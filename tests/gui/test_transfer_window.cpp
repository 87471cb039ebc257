// "Export board…", "Import board…" and the admin's "Back up now", driven with real mouse and key
// events on the real window against the real embedded server (real SQLite file). File choices
// answer through TransferActions' seam, messages through MessageBox's.
#include "app/account/sign_in_dialog.h"
#include "app/admin/admin_dialog.h"
#include "app/admin/backups_panel.h"
#include "app/boards/boards_list.h"
#include "app/boards/open_board.h"
#include "app/boards/transfer_actions.h"
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/desktop_session.h"
#include "app/shell/first_run_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "shared/client/token_store.h"
#include "tests/support/test_server.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace corkboard;
using namespace corkboard::ui;
using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int kWait = 20000;

void clickToolbar(MainWindow *window, const QString &text)
{
    for (auto *bar : window->findChildren<QToolBar *>()) {
        for (auto *action : bar->actions()) {
            if (action->text() == text) {
                QWidget *button = bar->widgetForAction(action);
                QVERIFY(button && button->isVisible());
                QTest::mouseClick(button, Qt::LeftButton);
                return;
            }
        }
    }
    QFAIL(qPrintable(u"no toolbar action "_s + text));
}
} // namespace

class TestTransferWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::shared_ptr<client::MemoryTokenStore> m_tokens;
    std::unique_ptr<DesktopSession> m_session;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        MessageBox::setSilent(true);
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings.ini"_s));
        m_settings->setKeepInTray(false);
        m_tokens = std::make_shared<client::MemoryTokenStore>();
        Config config = test::testConfig(m_dir.filePath(u"data"_s));
        config.mode = RunMode::Desktop;
        config.backupIntervalMs = 0; // only the backups this test makes
        auto factory = [this](const QUrl &url, QObject *parent) -> Backend * {
            return new ApiBackend(url, m_tokens, m_settings.get(), parent);
        };
        m_session = std::make_unique<DesktopSession>(config, m_settings.get(), factory);
        m_session->start();

        QTRY_VERIFY_WITH_TIMEOUT(m_session->firstRunDialog(), kWait);
        QTest::mouseClick(m_session->firstRunDialog()->localButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_session->signInDialog() && m_session->signInDialog()->isVisible(), kWait);
        SignInDialog *form = m_session->signInDialog();
        QTest::keyClicks(form->nameField(), u"Ada Lovelace"_s);
        QTest::keyClicks(form->emailField(), u"ada@example.com"_s);
        QTest::keyClicks(form->passwordField(), u"correct horse battery"_s);
        QTest::mouseClick(form->registerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->window()->boardsList(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->signInDialog(), kWait);
    }

    void exportBoardSavesTheDocument()
    {
        MainWindow *window = m_session->window();
        QTest::keyClicks(window->boardsList()->newBoardField(), u"Launch plan"_s);
        QTest::keyClick(window->boardsList()->newBoardField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(window->currentBoard()->boardName(), u"Launch plan"_s, kWait);

        const QString path = m_dir.filePath(u"launch.json"_s);
        TransferActions::setNextFileName(path);
        clickToolbar(window, tr("E&xport board…"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(MessageBox::lastText().contains(u"saved to"_s), kWait);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(doc.value(u"format"_s).toString(), u"corkboard.board-export"_s);
        QCOMPARE(doc.value(u"board"_s).toObject().value(u"name"_s).toString(), u"Launch plan"_s);
        QCOMPARE(doc.value(u"columns"_s).toArray().size(), 3);
    }

    void importTrelloShowsTheReportAndOpensTheBoard()
    {
        MainWindow *window = m_session->window();
        TransferActions::setNextFileName(
            u"" CORKBOARD_SOURCE_DIR "/tests/data/trello_board.json"_s);
        clickToolbar(window, tr("&Import board…"));
        QTRY_VERIFY_WITH_TIMEOUT(MessageBox::lastText().startsWith(u"Imported"_s), kWait);
        const QString report = MessageBox::lastText();
        QVERIFY2(report.contains(u"8 cards (2 archived)"_s), qPrintable(report));
        QVERIFY(report.contains(u"Grace Hopper"_s)); // no account here
        QVERIFY(report.contains(u"attachments"_s)); // skipped, with the reason
        QTRY_COMPARE_WITH_TIMEOUT(
            window->currentBoard()->boardName(), u"Website relaunch 🚀"_s, kWait);
    }

    void adminBacksUpNow()
    {
        MainWindow *window = m_session->window();
        clickToolbar(window, tr("&Admin"));
        AdminDialog *admin = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((admin = window->findChild<AdminDialog *>()) != nullptr, kWait);
        BackupsPanel *panel = admin->findChild<BackupsPanel *>();
        QVERIFY(panel);
        // The real worker may have written its scheduled backup meanwhile: find the manual one.
        const auto manualRow = [panel] {
            for (int row = 0; row < panel->table()->rowCount(); ++row) {
                if (panel->table()->item(row, 1)->text() == u"manual"_s)
                    return row;
            }
            return -1;
        };
        QCOMPARE(manualRow(), -1);
        QTest::mouseClick(panel->backUpNowButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(manualRow() >= 0, kWait);
        const int row = manualRow();
        QVERIFY(panel->table()->item(row, 3)->text().startsWith(u"corkboard-manual-"_s));
        QVERIFY(QFileInfo::exists(
            m_dir.filePath(u"data/backups/"_s + panel->table()->item(row, 3)->text())));
        admin->close();
    }

    void cleanupTestCase() { m_session.reset(); }
};

QTEST_MAIN(TestTransferWindow)
#include "test_transfer_window.moc"
