#pragma once

#include "app/shell/backend.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QDockWidget;

namespace corkboard::ui {

class AppSettings;
class BoardCommands;
class OpenBoard;
class BoardView;
class UploadStatus;
class BoardsList;
class NotificationBell;
class NotificationsPanel;
class SearchBox;
class TrayNotifier;

//! The desktop window: boards list and board view, toolbar with search and the notification
//! bell, offline banner and connection state in the status bar. Everything it shows comes
//! from the Backend it is given once signed in.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! A "please wait" page (starting the server, signing in).
    void showBusy(const QString &text);
    //! The server cannot be reached (or would not start): the text, a Retry button and
    //! "Connect to another server…"; Sign out stays available.
    void showFailure(const QString &text);
    //! Signed in: builds the pages over `backend` and shows the boards.
    void startSession(
        Backend *backend, const User &account, const QString &dataDir, bool localServer);
    //! Signed out: back to the busy page, pages dropped.
    void endSession();
    //! Shows the board; selects `cardId` on it and, with `openTheCard`, opens that card.
    void openBoard(
        const QString &boardId, const QString &cardId = QString(), bool openTheCard = false);
    void showBoards();
    void openCard(const QString &cardId);
    //! Opens what a `corkboard://open?…` link names when it is for this window's server;
    //! otherwise says which server it is for. False (with a message) when it is no such link.
    bool openLink(const QString &link);
    //! The link to a card of the open board, as "Copy link" puts it on the clipboard.
    QString linkTo(const QString &cardId) const;
    //! File ▸ Open link…: asks for a link and opens it.
    void askForLink();
    QAction *openLinkAction() const { return m_openLinkAction; }

    BoardsList *boardsList() const { return m_boards; }
    BoardView *boardView() const { return m_boardView; }
    OpenBoard *currentBoard() const { return m_board; }
    //! Finishes what must reach the server before the session ends (cards deleted in the undo
    //! history are deleted for good), then calls `then` (at once when there is nothing).
    void finishPendingWork(std::function<void()> then);
    BoardCommands *boardCommands() const { return m_commands; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *archiveViewAction() const { return m_archiveAction; }
    QAction *labelsAction() const { return m_labelsAction; }
    QAction *webhooksAction() const { return m_webhooksAction; }
    NotificationsPanel *notificationsPanel() const { return m_notifications; }
    NotificationBell *bell() const { return m_bell; }
    SearchBox *searchBox() const { return m_search; }
    QLabel *offlineBanner() const { return m_banner; }
    QLabel *connectivityLabel() const { return m_connectivity; }
    UploadStatus *uploadStatus() const { return m_uploads; }
    QString busyText() const;
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *changeServerButton() const { return m_changeServer; }
    QAction *changeServerAction() const { return m_changeServerAction; }
    TrayNotifier *tray() const { return m_tray; }
    QToolBar *toolbar() const { return m_toolbar; }
    QAction *adminAction() const { return m_adminAction; }
    QAction *accountAction() const { return m_accountAction; }
    QAction *signOutAction() const { return m_signOutAction; }
    QAction *shortcutsAction() const { return m_shortcutsAction; }
    Connectivity connectivity() const { return m_state; }

Q_SIGNALS:
    void signOutRequested();
    void quitRequested();
    //! Try to reach the server again now (Retry, F5 on the failure page).
    void retryRequested();
    //! Choose another server (or this computer) from the start.
    void changeServerRequested();
    void languageChanged(const QString &language);
    void lanSharingChanged(bool share, int port);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    //! File, View, Board and Help menus over the same actions (main_window_menus.cpp).
    void buildMenus();
    //! F1: every shortcut of the window, from the actions themselves.
    void showShortcuts();
    void setConnectivity(Connectivity state);
    void onNotification(const Notification &notification);
    void openSettings();
    void openAdmin();
    void openAccount();
    void openWebhooks();
    void openMembers();
    //! The open board's archived cards, each with "Restore".
    void openArchive();
    //! Board ▸ Labels…: create, rename, recolour and delete the open board's labels.
    void openLabels();
    //! View ▸ My work: my cards on every board.
    void openMyWork();

    AppSettings *m_settings;
    Backend *m_backend = nullptr;
    std::optional<User> m_account;
    QString m_dataDir;
    bool m_localServer = false;
    Connectivity m_state = Connectivity::Online;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_busy = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_changeServer = nullptr;
    QAction *m_changeServerAction = nullptr;
    QAction *m_openLinkAction = nullptr;
    QAction *m_boardsAction = nullptr;
    QAction *m_newBoardAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_addCardAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_membersAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_archiveAction = nullptr;
    QAction *m_labelsAction = nullptr;
    QAction *m_webhooksAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_myWorkAction = nullptr;
    QAction *m_redoAction = nullptr;
    QMenu *m_editMenu = nullptr;
    BoardCommands *m_commands = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_connectivity = nullptr;
    UploadStatus *m_uploads = nullptr;
    BoardsList *m_boards = nullptr;
    BoardView *m_boardView = nullptr;
    OpenBoard *m_board = nullptr;
    NotificationsPanel *m_notifications = nullptr;
    QDockWidget *m_dock = nullptr;
    NotificationBell *m_bell = nullptr;
    SearchBox *m_search = nullptr;
    QAction *m_adminAction = nullptr;
    QAction *m_accountAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QToolBar *m_toolbar = nullptr;
    QAction *m_searchSlot = nullptr;
    TrayNotifier *m_tray = nullptr;
    QString m_pendingCard;
    bool m_openPendingCard = false; //!< open m_pendingCard's dialog once the board is there
};

} // namespace corkboard::ui
