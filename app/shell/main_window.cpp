#include "app/shell/main_window.h"
#include "app/widgets/plain_text.h"

#include "app/account/account_dialog.h"
#include "app/admin/admin_dialog.h"
#include "app/boards/board_commands.h"
#include "app/boards/board_view.h"
#include "app/boards/boards_list.h"
#include "app/boards/column_widget.h"
#include "app/boards/filter_bar.h"
#include "app/boards/members_dialog.h"
#include "app/boards/open_board.h"
#include "app/boards/transfer_actions.h"
#include "app/boards/webhooks_dialog.h"
#include "app/cards/attachment_transfers.h"
#include "app/cards/attachments_panel.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/upload_status.h"
#include "app/notifications/notifications_panel.h"
#include "app/search/search_box.h"
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/settings_dialog.h"
#include "app/shell/tray_notifier.h"
#include "app/widgets/message_box.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <utility>

namespace corkboard::ui {

namespace {
enum Page
{
    BusyPage = 0,
    BoardsPage = 1,
    BoardPage = 2
};
}

MainWindow::MainWindow(AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Corkboard"));
    setObjectName(QStringLiteral("mainWindow"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("offlineBanner"));
    m_banner->setAccessibleName(tr("Connection problem"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setMargin(6);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPal = m_banner->palette();
    bannerPal.setColor(QPalette::Window, QColor(0xf6, 0xd3, 0x65));
    bannerPal.setColor(QPalette::WindowText, Qt::black);
    m_banner->setPalette(bannerPal);
    m_banner->setVisible(false);
    layout->addWidget(m_banner);
    m_stack = new QStackedWidget(central);
    layout->addWidget(m_stack, 1);
    auto *busyPage = new QWidget(m_stack);
    auto *busyLayout = new QVBoxLayout(busyPage);
    busyLayout->addStretch(1);
    m_busy = new QLabel(busyPage);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setTextFormat(Qt::PlainText);
    m_busy->setAlignment(Qt::AlignCenter);
    m_busy->setWordWrap(true);
    busyLayout->addWidget(m_busy);
    auto *busyButtons = new QHBoxLayout;
    busyButtons->addStretch(1);
    m_retry = new QPushButton(tr("&Retry"), busyPage);
    m_retry->setObjectName(QStringLiteral("retry"));
    m_retry->setAccessibleName(tr("Try to reach the server again"));
    connect(m_retry, &QPushButton::clicked, this, &MainWindow::retryRequested);
    m_changeServer = new QPushButton(tr("Connect to another &server…"), busyPage);
    m_changeServer->setObjectName(QStringLiteral("changeServer"));
    connect(m_changeServer, &QPushButton::clicked, this, &MainWindow::changeServerRequested);
    busyButtons->addWidget(m_retry);
    busyButtons->addWidget(m_changeServer);
    busyButtons->addStretch(1);
    busyLayout->addLayout(busyButtons);
    busyLayout->addStretch(1);
    m_retry->setVisible(false);
    m_changeServer->setVisible(false);
    m_stack->addWidget(busyPage);
    setCentralWidget(central);

    m_connectivity = new QLabel(this);
    m_connectivity->setObjectName(QStringLiteral("connectivity"));
    m_connectivity->setAccessibleName(tr("Connection"));
    statusBar()->addPermanentWidget(m_connectivity);
    m_uploads = new UploadStatus(this);
    statusBar()->addPermanentWidget(m_uploads);
    connect(m_uploads, &UploadStatus::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_tray = new TrayNotifier(this, this);
    connect(m_tray, &TrayNotifier::showWindowRequested, this, [this] {
        show();
        raise();
        activateWindow();
    });
    connect(m_tray, &TrayNotifier::quitRequested, this, &MainWindow::quitRequested);
    buildActions();
    resize(1180, 760);
    // Where it was last time (size, place, maximised), when there was a last time.
    restoreGeometry(m_settings->windowGeometry());
}

MainWindow::~MainWindow()
{
    m_settings->setWindowGeometry(saveGeometry());
}

void MainWindow::buildActions()
{
    m_toolbar = addToolBar(tr("Main"));
    m_toolbar->setObjectName(QStringLiteral("mainToolbar"));
    m_toolbar->setMovable(false);
    auto *boards = m_toolbar->addAction(tr("&Boards"), this, &MainWindow::showBoards);
    boards->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    boards->setToolTip(tr("All boards (Ctrl+B)"));
    auto apiOf = [this] {
        auto *api = qobject_cast<ApiBackend *>(m_backend);
        return api ? api->api() : nullptr;
    };
    m_toolbar->addAction(tr("&Import board…"), this, [this, apiOf] {
        TransferActions::importBoard(this, apiOf(), [this](const QString &boardId) {
            if (m_boards)
                m_boards->reload();
            openBoard(boardId);
        });
    });
    m_toolbar->addAction(tr("E&xport board…"), this, [this, apiOf] {
        const bool open = m_stack->currentIndex() == BoardPage && m_board;
        TransferActions::exportBoard(this, apiOf(), open ? m_board->boardId() : QString(),
            open ? m_board->boardName() : QString());
    });
    m_boardsAction = boards;
    auto *newBoard = new QAction(tr("&New board"), this);
    m_newBoardAction = newBoard;
    newBoard->setShortcut(QKeySequence::New);
    connect(newBoard, &QAction::triggered, this, [this] {
        if (!m_boards)
            return;
        showBoards();
        m_boards->newBoardField()->setFocus();
    });
    addAction(newBoard);
    auto *refresh = new QAction(tr("&Reload"), this);
    m_reloadAction = refresh;
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        if (m_stack->currentIndex() == BusyPage && m_retry->isVisible())
            Q_EMIT retryRequested();
        else if (m_stack->currentIndex() == BoardPage && m_board)
            m_board->open(m_board->boardId());
        else if (m_boards)
            m_boards->reload();
    });
    addAction(refresh);
    auto *addCard = new QAction(tr("Add a &card"), this);
    m_addCardAction = addCard;
    addCard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    addAction(addCard);
    m_toolbar->addSeparator();

    auto *spacer = new QWidget(m_toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_searchSlot = m_toolbar->addWidget(spacer);
    m_bell = new NotificationBell(m_toolbar);
    m_toolbar->addWidget(m_bell);
    auto *settings = m_toolbar->addAction(tr("&Settings"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    m_settingsAction = settings;
    m_adminAction = m_toolbar->addAction(tr("&Admin"), this, &MainWindow::openAdmin);
    m_adminAction->setVisible(false);
    m_signOutAction = m_toolbar->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    m_signOutAction->setEnabled(false);
    m_changeServerAction = new QAction(tr("Connect to another &server…"), this);
    connect(m_changeServerAction, &QAction::triggered, this, &MainWindow::changeServerRequested);
    addAction(m_changeServerAction);
    auto *quit = new QAction(tr("&Quit"), this);
    m_quitAction = quit;
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);
    addAction(quit);
    connect(addCard, &QAction::triggered, this, [this] {
        if (m_stack->currentIndex() != BoardPage || !m_boardView)
            return;
        const auto columns = m_boardView->columnWidgets();
        if (!columns.isEmpty())
            columns.first()->addCardField()->setFocus();
    });
    m_findAction = new QAction(tr("&Find…"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (!m_search)
            return;
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(m_findAction);
    buildMenus();
}

QString MainWindow::busyText() const
{
    return m_stack->currentIndex() == BusyPage ? m_busy->text() : QString();
}

void MainWindow::showBusy(const QString &text)
{
    m_busy->setText(text);
    m_retry->setVisible(false);
    m_changeServer->setVisible(false);
    m_signOutAction->setEnabled(m_backend != nullptr);
    m_stack->setCurrentIndex(BusyPage);
    statusBar()->showMessage(text);
}

void MainWindow::showFailure(const QString &text)
{
    showBusy(text);
    m_retry->setVisible(true);
    m_changeServer->setVisible(true);
    // Signing out (forgetting this computer's sign-in) works without the server.
    m_signOutAction->setEnabled(true);
    setConnectivity(Connectivity::Offline);
}

void MainWindow::startSession(
    Backend *backend, const User &account, const QString &dataDir, bool localServer)
{
    endSession();
    m_backend = backend;
    m_uploads->setTransfers(backend->attachments());
    m_account = account;
    m_dataDir = dataDir;
    m_localServer = localServer;

    m_boards = new BoardsList(backend, m_stack);
    m_stack->insertWidget(BoardsPage, m_boards);
    m_board = new OpenBoard(backend, this);
    m_board->setMyUserId(account.id);
    m_commands = new BoardCommands(m_board, this, this);
    connect(m_commands, &BoardCommands::failed, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_undoAction = m_commands->stack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_commands->stack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    addAction(m_undoAction);
    addAction(m_redoAction);
    m_boardView = new BoardView(m_board, m_commands, m_stack);
    m_boardView->filterBar()->setMe(account.id);
    m_stack->insertWidget(BoardPage, m_boardView);
    connect(
        m_boards, &BoardsList::openRequested, this, [this](const QString &id) { openBoard(id); });
    connect(m_boards, &BoardsList::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_boardView, &BoardView::backRequested, this, &MainWindow::showBoards);
    connect(m_boardView, &BoardView::cardActivated, this, &MainWindow::openCard);
    // Files dropped on a card of the board: uploaded at once, progress in the status bar.
    connect(m_boardView, &BoardView::filesDroppedOnCard, this,
        [this](const QString &cardId, const QStringList &paths) {
            if (AttachmentTransfers *transfers = m_backend->attachments()) {
                for (const QString &path : paths)
                    transfers->upload(cardId, path);
            }
        });
    connect(m_boardView, &BoardView::copyLinkRequested, this, [this](const QString &cardId) {
        const QString link = linkTo(cardId);
        if (link.isEmpty())
            return;
        QGuiApplication::clipboard()->setText(link);
        statusBar()->showMessage(
            tr("Link copied: paste it into File ▸ Open link, or click it."), 8000);
    });
    connect(m_boardView, &BoardView::membersRequested, this, &MainWindow::openMembers);
    connect(m_board, &OpenBoard::failed, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
        // A board that could not be opened at all (gone, or no longer shared): back to the list.
        if (m_stack->currentIndex() == BoardPage && m_board->boardId().isEmpty()) {
            m_settings->setLastBoard(m_backend->serverUrl(), QString());
            showBoards();
        }
    });
    connect(m_board, &OpenBoard::moveRefused, this,
        [this](const QString &text) { MessageBox::warning(this, tr("Move refused"), text); });
    connect(m_board, &OpenBoard::myRoleChanged, this, [this] {
        const bool owner = m_board->myRole() == QLatin1String("owner");
        m_webhooksAction->setEnabled(owner);
        if (auto *webhooks = findChild<WebhooksDialog *>(); webhooks && !owner) {
            webhooks->close();
            statusBar()->showMessage(
                tr("You are no longer an owner of this board: its webhooks closed."), 8000);
        }
    });
    connect(m_board, &OpenBoard::boardLoaded, this, [this] {
        setWindowTitle(tr("%1 — Corkboard").arg(m_board->boardName()));
        m_membersAction->setEnabled(true);
        m_archiveAction->setEnabled(true);
        m_labelsAction->setEnabled(true);
        m_webhooksAction->setEnabled(m_board->myRole() == QLatin1String("owner"));
        m_settings->setLastBoard(m_backend->serverUrl(), m_board->boardId());
        if (!m_pendingCard.isEmpty()) {
            m_boardView->focusCard(m_pendingCard);
            if (std::exchange(m_openPendingCard, false) && m_board->card(m_pendingCard))
                openCard(m_pendingCard);
            m_pendingCard.clear();
        }
    });

    m_notifications = new NotificationsPanel(backend, this);
    m_dock = new QDockWidget(tr("Notifications"), this);
    m_dock->setObjectName(QStringLiteral("notificationsDock"));
    m_dock->setWidget(m_notifications);
    addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_bell, &QToolButton::toggled, m_dock, &QDockWidget::setVisible);
    connect(m_dock, &QDockWidget::visibilityChanged, m_bell, &QToolButton::setChecked);
    connect(m_notifications->model(), &NotificationModel::unreadCountChanged, m_bell,
        &NotificationBell::setCount);
    // A notification is about a card: it opens (search results only show where it is).
    connect(m_notifications, &NotificationsPanel::jumpRequested, this,
        [this](const QString &board, const QString &card) { openBoard(board, card, true); });

    m_search = new SearchBox(backend, m_toolbar);
    m_search->setMaximumWidth(320);
    m_toolbar->insertWidget(m_searchSlot, m_search);
    connect(m_search, &SearchBox::jumpRequested, this,
        [this](const QString &board, const QString &card) { openBoard(board, card); });

    connect(backend, &Backend::connectivityChanged, this, &MainWindow::setConnectivity);
    connect(backend, &Backend::notificationReceived, this, &MainWindow::onNotification);
    connect(backend, &Backend::presenceChanged, this,
        [this](const QString &boardId, const QStringList &names) {
            if (m_board && boardId == m_board->boardId())
                m_boardView->setPresence(names);
        });
    m_adminAction->setVisible(account.role == QLatin1String("admin"));
    m_signOutAction->setEnabled(true);
    m_accountAction->setEnabled(true);
    m_openLinkAction->setEnabled(true);
    m_signOutAction->setToolTip(plainToolTip(tr("Signed in as %1").arg(account.displayName)));
    statusBar()->showMessage(tr("Signed in as %1").arg(account.displayName), 5000);
    setConnectivity(Connectivity::Online);
    const QString lastBoard = m_settings->lastBoard(backend->serverUrl());
    showBoards();
    m_boards->reload();
    m_notifications->reload();
    if (!lastBoard.isEmpty())
        openBoard(lastBoard); // where this person left off
}

void MainWindow::finishPendingWork(std::function<void()> then)
{
    if (m_commands)
        m_commands->finishDeletes(std::move(then));
    else
        then();
}

void MainWindow::endSession()
{
    if (!m_backend)
        return;
    disconnect(m_backend, nullptr, this, nullptr);
    delete m_search;
    m_search = nullptr;
    delete m_dock;
    m_dock = nullptr;
    m_notifications = nullptr;
    delete m_boardView;
    m_boardView = nullptr;
    delete m_undoAction;
    m_undoAction = nullptr;
    delete m_redoAction;
    m_redoAction = nullptr;
    delete m_commands;
    m_commands = nullptr;
    delete m_board;
    m_board = nullptr;
    delete m_boards;
    m_boards = nullptr;
    m_backend = nullptr;
    m_uploads->setTransfers(nullptr);
    m_account.reset();
    m_adminAction->setVisible(false);
    m_signOutAction->setEnabled(false);
    m_accountAction->setEnabled(false);
    m_openLinkAction->setEnabled(false);
    m_bell->setCount(0);
    setWindowTitle(tr("Corkboard"));
}

void MainWindow::showBoards()
{
    if (!m_boards)
        return;
    if (m_board && !m_board->boardId().isEmpty()) {
        m_board->close();
        m_settings->setLastBoard(m_backend->serverUrl(), QString());
    }
    m_membersAction->setEnabled(false);
    m_archiveAction->setEnabled(false);
    m_labelsAction->setEnabled(false);
    m_webhooksAction->setEnabled(false);
    m_stack->setCurrentIndex(BoardsPage);
    setWindowTitle(tr("Corkboard"));
    m_boards->view()->setFocus();
}

void MainWindow::openBoard(const QString &boardId, const QString &cardId, bool openTheCard)
{
    if (!m_board || boardId.isEmpty())
        return;
    m_stack->setCurrentIndex(BoardPage);
    if (m_board->boardId() == boardId && !m_board->isLoading()) {
        if (!cardId.isEmpty()) {
            m_boardView->focusCard(cardId);
            if (openTheCard && m_board->card(cardId))
                openCard(cardId);
        }
        return;
    }
    m_pendingCard = cardId;
    m_openPendingCard = openTheCard && !cardId.isEmpty();
    m_board->open(boardId);
}

void MainWindow::openCard(const QString &cardId)
{
    auto *dialog = new CardDetailDialog(m_backend, m_board, cardId, this);
    dialog->setObjectName(QStringLiteral("cardDetail"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CardDetailDialog::cardSaved, m_board, &OpenBoard::cardChanged);
    // Saved card fields are one step on the board's undo stack (Ctrl+Z in the window).
    connect(dialog, &CardDetailDialog::cardEdited, this,
        [this, commands = QPointer<BoardCommands>(m_commands)](
            const Card &before, const Card &after) {
            if (commands)
                commands->recordCardEdit(m_backend, before, after);
        });
    connect(dialog, &CardDetailDialog::textEdited, this,
        [this, commands = QPointer<BoardCommands>(m_commands)](const TextEditStep &step) {
            if (commands)
                commands->recordTextEdit(m_backend, step);
        });
    // Deleting a file is a step on the same stack (Ctrl+Z in the card or the window).
    if (m_commands)
        dialog->attachmentsPanel()->setUndoStack(m_commands->stack());
    connect(
        dialog->attachmentsPanel(), &AttachmentsPanel::removed, this, [this](const QString &name) {
            statusBar()->showMessage(tr("“%1” deleted. Undo: Ctrl+Z").arg(name), 10000);
        });
    dialog->open();
}

void MainWindow::openMembers()
{
    if (!m_board || m_board->boardId().isEmpty())
        return;
    auto *dialog = new MembersDialog(m_backend, m_board->boardId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openAdmin()
{
    if (!m_backend)
        return;
    auto *dialog = new AdminDialog(m_backend, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openAccount()
{
    if (!m_backend || !m_account)
        return;
    auto *dialog = new AccountDialog(m_backend, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::accountChanged, this, [this](const User &account) {
        m_account = account;
        m_signOutAction->setToolTip(plainToolTip(tr("Signed in as %1").arg(account.displayName)));
    });
    dialog->open();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_settings, m_dataDir, m_localServer, this);
    dialog->setObjectName(QStringLiteral("settings"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::languageChanged, this, &MainWindow::languageChanged);
    connect(dialog, &SettingsDialog::lanSharingChanged, this, &MainWindow::lanSharingChanged);
    dialog->open();
}

void MainWindow::setConnectivity(Connectivity state)
{
    m_state = state;
    switch (state) {
    case Connectivity::Online:
        m_connectivity->setText(tr("● Online"));
        m_banner->setVisible(false);
        break;
    case Connectivity::Reconnecting:
        m_connectivity->setText(tr("◌ Reconnecting…"));
        // The server answers again; only the live channel is still coming back.
        m_banner->setVisible(false);
        break;
    case Connectivity::Offline:
        m_connectivity->setText(tr("○ Offline"));
        m_banner->setText(
            tr("The board server cannot be reached. Changes will show again once it is back."));
        m_banner->setVisible(true);
        break;
    }
}

void MainWindow::onNotification(const Notification &notification)
{
    if (m_notifications)
        m_notifications->add(notification);
    m_tray->notify(notification);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowGeometry(saveGeometry());
    if (m_settings->keepInTray() && m_tray->isAvailable()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
    Q_EMIT quitRequested();
}

} // namespace corkboard::ui
