#include "app/main_window.h"

#include "app/admin_dialog.h"
#include "app/api_backend.h"
#include "app/app_settings.h"
#include "app/board_controller.h"
#include "app/board_view.h"
#include "app/boards_list.h"
#include "app/card_detail_dialog.h"
#include "app/column_widget.h"
#include "app/members_dialog.h"
#include "app/message_box.h"
#include "app/notifications_panel.h"
#include "app/search_box.h"
#include "app/settings_dialog.h"
#include "app/transfer_actions.h"
#include "app/tray_notifier.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

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
    m_busy = new QLabel(m_stack);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setAlignment(Qt::AlignCenter);
    m_busy->setWordWrap(true);
    m_stack->addWidget(m_busy);
    setCentralWidget(central);

    m_connectivity = new QLabel(this);
    m_connectivity->setObjectName(QStringLiteral("connectivity"));
    m_connectivity->setAccessibleName(tr("Connection"));
    statusBar()->addPermanentWidget(m_connectivity);
    m_tray = new TrayNotifier(this, this);
    connect(m_tray, &TrayNotifier::showWindowRequested, this, [this] {
        show();
        raise();
        activateWindow();
    });
    connect(m_tray, &TrayNotifier::quitRequested, this, &MainWindow::quitRequested);
    buildActions();
    resize(1180, 760);
}

MainWindow::~MainWindow() = default;

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
        const bool open = m_stack->currentIndex() == BoardPage && m_controller;
        TransferActions::exportBoard(this, apiOf(), open ? m_controller->boardId() : QString(),
            open ? m_controller->boardName() : QString());
    });
    auto *newBoard = new QAction(tr("&New board"), this);
    newBoard->setShortcut(QKeySequence::New);
    connect(newBoard, &QAction::triggered, this, [this] {
        if (!m_boards)
            return;
        showBoards();
        m_boards->newBoardField()->setFocus();
    });
    addAction(newBoard);
    auto *refresh = new QAction(tr("&Reload"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        if (m_stack->currentIndex() == BoardPage && m_controller)
            m_controller->open(m_controller->boardId());
        else if (m_boards)
            m_boards->reload();
    });
    addAction(refresh);
    auto *addCard = new QAction(tr("Add a &card"), this);
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
    m_adminAction = m_toolbar->addAction(tr("&Admin"), this, &MainWindow::openAdmin);
    m_adminAction->setVisible(false);
    m_signOutAction = m_toolbar->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    m_signOutAction->setEnabled(false);
    auto *quit = new QAction(tr("&Quit"), this);
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
}

QString MainWindow::busyText() const
{
    return m_stack->currentIndex() == BusyPage ? m_busy->text() : QString();
}

void MainWindow::showBusy(const QString &text)
{
    m_busy->setText(text);
    m_stack->setCurrentIndex(BusyPage);
    statusBar()->showMessage(text);
}

void MainWindow::showFailure(const QString &text)
{
    showBusy(text);
    setConnectivity(Connectivity::Offline);
}

void MainWindow::startSession(
    Backend *backend, const Account &account, const QString &dataDir, bool localServer)
{
    endSession();
    m_backend = backend;
    m_account = account;
    m_dataDir = dataDir;
    m_localServer = localServer;

    m_boards = new BoardsList(backend, m_stack);
    m_stack->insertWidget(BoardsPage, m_boards);
    m_controller = new BoardController(backend, this);
    m_boardView = new BoardView(m_controller, m_stack);
    m_stack->insertWidget(BoardPage, m_boardView);
    connect(
        m_boards, &BoardsList::openRequested, this, [this](const QString &id) { openBoard(id); });
    connect(m_boards, &BoardsList::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_boardView, &BoardView::backRequested, this, &MainWindow::showBoards);
    connect(m_boardView, &BoardView::cardActivated, this, &MainWindow::openCard);
    connect(m_boardView, &BoardView::membersRequested, this, &MainWindow::openMembers);
    connect(m_controller, &BoardController::failed, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_controller, &BoardController::moveRefused, this,
        [this](const QString &text) { MessageBox::warning(this, tr("Move refused"), text); });
    connect(m_controller, &BoardController::boardLoaded, this, [this] {
        setWindowTitle(tr("%1 — Corkboard").arg(m_controller->boardName()));
        if (!m_pendingCard.isEmpty()) {
            m_boardView->focusCard(m_pendingCard);
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
    connect(m_notifications, &NotificationsPanel::jumpRequested, this,
        [this](const QString &board, const QString &card) { openBoard(board, card); });

    m_search = new SearchBox(backend, m_toolbar);
    m_search->setMaximumWidth(320);
    m_toolbar->insertWidget(m_searchSlot, m_search);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
    connect(m_search, &SearchBox::jumpRequested, this,
        [this](const QString &board, const QString &card) { openBoard(board, card); });

    connect(backend, &Backend::connectivityChanged, this, &MainWindow::setConnectivity);
    connect(backend, &Backend::notificationReceived, this, &MainWindow::onNotification);
    connect(backend, &Backend::presenceChanged, this,
        [this](const QString &boardId, const QStringList &names) {
            if (m_controller && boardId == m_controller->boardId())
                m_boardView->setPresence(names);
        });
    m_adminAction->setVisible(account.isAdmin());
    m_signOutAction->setEnabled(true);
    m_signOutAction->setToolTip(tr("Signed in as %1").arg(account.displayName));
    statusBar()->showMessage(tr("Signed in as %1").arg(account.displayName), 5000);
    setConnectivity(Connectivity::Online);
    showBoards();
    m_boards->reload();
    m_notifications->reload();
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
    delete m_controller;
    m_controller = nullptr;
    delete m_boards;
    m_boards = nullptr;
    m_backend = nullptr;
    m_account.reset();
    m_adminAction->setVisible(false);
    m_signOutAction->setEnabled(false);
    m_bell->setCount(0);
    setWindowTitle(tr("Corkboard"));
}

void MainWindow::showBoards()
{
    if (!m_boards)
        return;
    if (m_controller && !m_controller->boardId().isEmpty())
        m_controller->close();
    m_stack->setCurrentIndex(BoardsPage);
    setWindowTitle(tr("Corkboard"));
    m_boards->view()->setFocus();
}

void MainWindow::openBoard(const QString &boardId, const QString &cardId)
{
    if (!m_controller || boardId.isEmpty())
        return;
    m_stack->setCurrentIndex(BoardPage);
    if (m_controller->boardId() == boardId && !m_controller->isLoading()) {
        if (!cardId.isEmpty())
            m_boardView->focusCard(cardId);
        return;
    }
    m_pendingCard = cardId;
    m_controller->open(boardId);
}

void MainWindow::openCard(const QString &cardId)
{
    auto *dialog = new CardDetailDialog(m_backend, m_controller, cardId, this);
    dialog->setObjectName(QStringLiteral("cardDetail"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CardDetailDialog::cardSaved, m_controller, &BoardController::cardChanged);
    dialog->open();
}

void MainWindow::openMembers()
{
    auto *dialog = new MembersDialog(m_backend, m_controller->boardId(), this);
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
    if (m_settings->keepInTray() && m_tray->isAvailable()) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
    Q_EMIT quitRequested();
}

} // namespace corkboard::ui
