// The real desktop window driven like a user would (KeePassXC style), against the real embedded
// server on loopback with a real SQLite file: first run, board, cards, moves, live updates from a
// second client, the offline banner, field errors in the register form.
#include "app/account/sign_in_dialog.h"
#include "app/boards/board_view.h"
#include "app/boards/boards_list.h"
#include "app/boards/column_widget.h"
#include "app/boards/open_board.h"
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/desktop_session.h"
#include "app/shell/first_run_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/form_errors.h"
#include "app/widgets/message_box.h"
#include "shared/client/token_store.h"
#include "tests/support/test_server.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;

namespace {
constexpr int kWait = 20000;

QStringList cardTitles(const CardModel *model)
{
    QStringList titles;
    for (int i = 0; i < model->rowCount(); ++i)
        titles << model->index(i).data().toString();
    return titles;
}
} // namespace

class TestDesktopWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        MessageBox::setSilent(true);
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setKeepInTray(false);
        m_tokens = std::make_shared<client::MemoryTokenStore>();
        Config config = test::testConfig(m_dir.filePath(QStringLiteral("data")));
        config.mode = RunMode::Desktop;
        auto factory = [this](const QUrl &url, QObject *parent) -> Backend * {
            auto *backend = new ApiBackend(url, m_tokens, m_settings.get(), parent);
            backend->setProbeInterval(300);
            return backend;
        };
        m_session = std::make_unique<DesktopSession>(config, m_settings.get(), factory);
        m_session->start();
    }

    void firstRunCreatesAnAccountAndShowsFieldErrors()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_session->firstRunDialog(), kWait);
        FirstRunDialog *first = m_session->firstRunDialog();
        QTest::mouseClick(first->localButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_session->signInDialog() && m_session->signInDialog()->isVisible(), kWait);
        SignInDialog *form = m_session->signInDialog();

        // Wrong values first: the server's field errors appear under the fields.
        QTest::keyClicks(form->nameField(), QStringLiteral("Ada Lovelace"));
        QTest::keyClicks(form->emailField(), QStringLiteral("not-an-email"));
        QTest::keyClicks(form->passwordField(), QStringLiteral("short"));
        QTest::mouseClick(form->registerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !form->registerErrors().errorFor(QStringLiteral("email")).isEmpty(), kWait);
        QVERIFY(!form->registerErrors().errorFor(QStringLiteral("password")).isEmpty());
        QVERIFY(form->registerErrors().errorFor(QStringLiteral("display_name")).isEmpty());
        QVERIFY(form->registerErrors().errorLabel(QStringLiteral("email"))->isVisible());
        QCOMPARE(form->emailField()->accessibleDescription(),
            form->registerErrors().errorFor(QStringLiteral("email")));

        form->emailField()->clear();
        QTest::keyClicks(form->emailField(), QStringLiteral("ada@example.com"));
        form->passwordField()->clear();
        QTest::keyClicks(form->passwordField(), QStringLiteral("correct horse battery"));
        QTest::keyClick(form->passwordField(), Qt::Key_Return); // Enter submits, as the button
        QTRY_VERIFY_WITH_TIMEOUT(m_session->window()->boardsList(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->signInDialog(), kWait); // accepted and gone
        QCOMPARE(m_session->backend()->account()->displayName, QStringLiteral("Ada Lovelace"));
        QCOMPARE(m_session->backend()->account()->role, QStringLiteral("admin"));
    }

    void createBoardOpensItWithThreeColumns()
    {
        MainWindow *window = m_session->window();
        BoardsList *boards = window->boardsList();
        QAbstractItemModelTester boardsTester(
            boards->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTest::keyClicks(boards->newBoardField(), QStringLiteral("Launch plan"));
        QTest::keyClick(boards->newBoardField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(
            window->currentBoard()->boardName(), QStringLiteral("Launch plan"), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(window->boardView()->columnWidgets().size(), 3, kWait);
        QCOMPARE(boards->model()->rowCount(), 1);
        m_boardId = window->currentBoard()->boardId();
        QVERIFY(window->boardView()->isVisible());
    }

    void addCardInline()
    {
        BoardView *view = m_session->window()->boardView();
        OpenBoard *board = m_session->window()->currentBoard();
        QAbstractItemModelTester columnsTester(
            board->columns(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        ColumnWidget *todo = view->columnWidgets().at(0);
        QAbstractItemModelTester cardsTester(
            todo->cardView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTest::keyClicks(todo->addCardField(), QStringLiteral("Write the press release"));
        QTest::keyClick(todo->addCardField(), Qt::Key_Return);
        QTest::keyClicks(todo->addCardField(), QStringLiteral("Book the venue"));
        QTest::keyClick(todo->addCardField(), Qt::Key_Return);
        auto *model = board->cardsOf(todo->columnId());
        QTRY_COMPARE_WITH_TIMEOUT(cardTitles(model),
            (QStringList {
                QStringLiteral("Write the press release"), QStringLiteral("Book the venue")}),
            kWait);
        QCOMPARE(todo->countLabel()->text(), QStringLiteral("2"));
        QVERIFY(todo->addCardField()->text().isEmpty());
    }

    void moveCardAcrossColumnsIsKeptByTheServer()
    {
        BoardView *view = m_session->window()->boardView();
        OpenBoard *board = m_session->window()->currentBoard();
        ColumnWidget *todo = view->columnWidgets().at(0);
        ColumnWidget *doing = view->columnWidgets().at(1);
        CardModel *from = board->cardsOf(todo->columnId());
        CardModel *to = board->cardsOf(doing->columnId());
        QAbstractItemModelTester t1(from, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(to, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // What a drag does: the dragged card's mime data dropped on the other column's model.
        const int before = from->cardAt(1)->version;
        std::unique_ptr<QMimeData> mime(from->mimeData({from->index(1)}));
        QVERIFY(to->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, QModelIndex()));
        QTRY_COMPARE_WITH_TIMEOUT(
            cardTitles(to), QStringList {QStringLiteral("Book the venue")}, kWait);
        QCOMPARE(cardTitles(from), QStringList {QStringLiteral("Write the press release")});

        // A fresh load from the server has it there too.
        const QString cardId = to->cardAt(0)->id;
        QTRY_VERIFY_WITH_TIMEOUT(to->cardAt(0)->version > before,
            kWait); // the server's answer replaced the optimistic copy
        bool loaded = false;
        m_session->backend()->loadCard(this, cardId, [&](const Outcome<CardDetail> &r) {
            QVERIFY(r.ok());
            QCOMPARE(r.value->card.columnId, doing->columnId());
            loaded = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, kWait);
    }

    void secondClientsChangeAppearsLive()
    {
        OpenBoard *board = m_session->window()->currentBoard();
        const QString doneColumn = board->columns()->columnAt(2)->id;
        CardModel *done = board->cardsOf(doneColumn);
        QAbstractItemModelTester tester(
            done, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(done->rowCount(), 0);

        // Another device of the same person, through its own typed client and session.
        // Kept until the end of the run: an ApiClient must not die with calls in flight.
        m_otherSettings
            = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("other.ini")));
        m_other = std::make_unique<ApiBackend>(QUrl(m_session->backend()->serverUrl()),
            std::make_shared<client::MemoryTokenStore>(), m_otherSettings.get());
        ApiBackend &other = *m_other;
        bool signedIn = false;
        other.signIn(this, QStringLiteral("ada@example.com"),
            QStringLiteral("correct horse battery"), [&](const Outcome<User> &r) {
                QVERIFY2(r.ok(), qPrintable(r.error.message));
                signedIn = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(signedIn, kWait);
        bool created = false;
        other.createCard(this, board->boardId(), doneColumn, QStringLiteral("Order the cake"),
            QString(), [&](const Outcome<Card> &r) {
                QVERIFY2(r.ok(), qPrintable(r.error.message));
                created = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(created, kWait);
        // No reload: the live event puts it into the open board.
        QTRY_COMPARE_WITH_TIMEOUT(
            cardTitles(done), QStringList {QStringLiteral("Order the cake")}, kWait);
        QCOMPARE(board->columns()->cardCount(doneColumn), 1);
        other.suspend();
    }

    void refusedMoveRollsBack()
    {
        // Moving into a column the server does not know is refused; the card goes back.
        OpenBoard *board = m_session->window()->currentBoard();
        CardModel *todo = board->cardsOf(board->columns()->columnAt(0)->id);
        const QString cardId = todo->cardAt(0)->id;
        QSignalSpy refused(board, &OpenBoard::moveRefused);
        Backend *backend = m_session->backend();
        bool answered = false;
        backend->moveCard(this, cardId, QStringLiteral("no-such-column"), QString(), QString(),
            [&](const Outcome<Card> &r) {
                QVERIFY(!r.ok());
                answered = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(answered, kWait);
        // Through the controller, with a stale card id the server answers 404 and the model is
        // restored.
        Card ghost = *todo->cardAt(0);
        ghost.id = QStringLiteral("00000000-0000-7000-8000-000000000000");
        todo->insertCard(1, ghost);
        board->moveCard(ghost.id, board->columns()->columnAt(2)->id, 0);
        QCOMPARE(board->cardsOf(board->columns()->columnAt(2)->id)->rowOf(ghost.id), 0);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, kWait);
        QCOMPARE(todo->rowOf(ghost.id), 1);
        QVERIFY(MessageBox::lastText().contains(QStringLiteral("could not be moved"))
            || !refused.isEmpty());
        todo->takeCard(ghost.id);
    }

    void stoppingTheServerShowsTheOfflineBanner()
    {
        MainWindow *window = m_session->window();
        QVERIFY(!window->offlineBanner()->isVisible());
        m_session->stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(window->offlineBanner()->isVisible(), kWait);
        QCOMPARE(window->connectivity(), Connectivity::Offline);
        QVERIFY(window->connectivityLabel()->text().contains(QStringLiteral("Offline")));
        m_session->restartServer();
        QTRY_VERIFY_WITH_TIMEOUT(!window->offlineBanner()->isVisible(), kWait);
        QVERIFY(window->connectivity() != Connectivity::Offline);
    }

    void cleanupTestCase()
    {
        QSignalSpy finished(m_session.get(), &DesktopSession::finished);
        m_session->quit();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWait);
        QTest::qWait(
            1000); // no call in flight when the clients go (see report: ApiClient teardown)
        m_session.reset();
        QTest::qWait(500); // let the second client's last calls finish
        m_other.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::shared_ptr<client::MemoryTokenStore> m_tokens;
    std::unique_ptr<DesktopSession> m_session;
    std::unique_ptr<AppSettings> m_otherSettings;
    std::unique_ptr<ApiBackend> m_other;
    QString m_boardId;
};

QTEST_MAIN(TestDesktopWindow)
#include "test_desktop_window.moc"
