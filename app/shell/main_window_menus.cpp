// The menu bar and the shortcut list of MainWindow (the actions are made in main_window.cpp).
#include "app/boards/board_commands.h"
#include "app/boards/labels_dialog.h"
#include "app/boards/my_work_dialog.h"
#include "app/boards/open_board.h"
#include "app/boards/webhooks_dialog.h"
#include "app/shell/card_link.h"
#include "app/shell/main_window.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace corkboard::ui {

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newBoardAction);
    m_openLinkAction = file->addAction(tr("Open &link…"), this, &MainWindow::askForLink);
    m_openLinkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_openLinkAction->setEnabled(false);
    addAction(m_openLinkAction);
    file->addSeparator();
    file->addAction(m_changeServerAction);
    file->addAction(m_settingsAction);
    m_accountAction = file->addAction(tr("A&ccount…"), this, &MainWindow::openAccount);
    m_accountAction->setEnabled(m_account.has_value());
    file->addAction(m_adminAction);
    file->addSeparator();
    file->addAction(m_signOutAction);
    file->addAction(m_quitAction);

    // Undo and Redo join once a session has its command stack (startSession).
    m_editMenu = menuBar()->addMenu(tr("&Edit"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_boardsAction);
    view->addAction(m_reloadAction);
    view->addAction(m_findAction);
    m_myWorkAction = view->addAction(tr("My &work…"), this, &MainWindow::openMyWork);
    m_myWorkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    addAction(m_myWorkAction);

    QMenu *board = menuBar()->addMenu(tr("&Board"));
    board->addAction(m_addCardAction);
    m_membersAction = board->addAction(tr("&Members…"), this, &MainWindow::openMembers);
    m_membersAction->setEnabled(false);
    m_archiveAction = board->addAction(tr("&Archived cards…"), this, &MainWindow::openArchive);
    m_archiveAction->setEnabled(false);
    m_labelsAction = board->addAction(tr("&Labels…"), this, &MainWindow::openLabels);
    m_labelsAction->setEnabled(false);
    m_webhooksAction = board->addAction(tr("&Webhooks…"), this, &MainWindow::openWebhooks);
    m_webhooksAction->setEnabled(false);
    m_webhooksAction->setToolTip(tr("Board owners can add webhooks."));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_shortcutsAction
        = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    m_shortcutsAction->setShortcut(QKeySequence::HelpContents);
    addAction(m_shortcutsAction);
}

QString MainWindow::linkTo(const QString &cardId) const
{
    if (!m_backend || !m_board || m_board->boardId().isEmpty())
        return QString();
    CardLink link;
    link.server = m_localServer ? QString::fromLatin1(CardLink::kLocal) : m_backend->serverUrl();
    link.boardId = m_board->boardId();
    link.cardId = cardId;
    return link.toString();
}

bool MainWindow::openLink(const QString &text)
{
    const auto link = CardLink::parse(text);
    if (!link) {
        statusBar()->showMessage(tr("That is not a Corkboard link."), 8000);
        return false;
    }
    if (!m_backend || !m_account) {
        statusBar()->showMessage(tr("Sign in first, then open the link again."), 8000);
        return false;
    }
    const bool local = link->server == QLatin1String(CardLink::kLocal);
    const bool here = local ? m_localServer
                            : !m_localServer
            && QUrl(link->server).adjusted(QUrl::StripTrailingSlash)
                == QUrl(m_backend->serverUrl()).adjusted(QUrl::StripTrailingSlash);
    if (!here) {
        statusBar()->showMessage(local
                ? tr("That link is for the boards on the computer it was copied on.")
                : tr("That link is for the board server at %1; this window is connected to "
                     "another one (File ▸ Connect to another server).")
                      .arg(link->server),
            12000);
        return false;
    }
    showNormal();
    raise();
    activateWindow();
    openBoard(link->boardId, link->cardId, !link->cardId.isEmpty());
    return true;
}

void MainWindow::askForLink()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("openLink"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Open link"));
    dialog->setLabelText(tr("A Corkboard link (“Copy link” on a card makes one):"));
    dialog->setTextValue(QString());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        if (!text.trimmed().isEmpty())
            openLink(text);
    });
    dialog->open();
}

void MainWindow::openMyWork()
{
    if (!m_backend || !m_account)
        return;
    auto *dialog = new MyWorkDialog(m_backend, m_account->id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MyWorkDialog::openCardRequested, this,
        [this](const QString &board, const QString &card) { openBoard(board, card, true); });
    dialog->open();
}

void MainWindow::openWebhooks()
{
    if (!m_board || m_board->boardId().isEmpty() || m_board->myRole() != QLatin1String("owner"))
        return;
    auto *dialog = new WebhooksDialog(m_backend, m_board->boardId(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openLabels()
{
    if (!m_board || m_board->boardId().isEmpty())
        return;
    auto *dialog = new LabelsDialog(m_backend, m_board, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openArchive()
{
    if (!m_board || m_board->boardId().isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("archive"));
    dialog->setWindowTitle(tr("Archived cards"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *list = new QListWidget(dialog);
    list->setObjectName(QStringLiteral("archivedCards"));
    list->setAccessibleName(tr("Archived cards"));
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton *restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::ActionRole);
    restore->setObjectName(QStringLiteral("restoreCard"));
    restore->setEnabled(false);
    connect(list, &QListWidget::currentRowChanged, restore,
        [restore](int row) { restore->setEnabled(row >= 0); });
    connect(restore, &QPushButton::clicked, dialog, [this, list] {
        QListWidgetItem *item = list->currentItem();
        if (!item || !m_commands || item->data(Qt::UserRole).toString().isEmpty())
            return;
        m_commands->restoreCard(item->data(Qt::UserRole).toString());
        delete item;
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    const QPointer<BoardCommands> commands = m_commands;
    m_backend->archivedCards(
        dialog, m_board->boardId(), [list, commands](const Outcome<QList<Card>> &r) {
            if (!r.ok())
                return;
            for (const Card &c : *r.value) {
                if (commands && commands->isDeleted(c.id))
                    continue; // deleted here; undo, not the archive, brings it back
                auto *item = new QListWidgetItem(c.title, list);
                item->setData(Qt::UserRole, c.id);
            }
            if (list->count() == 0)
                list->addItem(MainWindow::tr("No archived cards on this board."));
        });
    dialog->resize(420, 360);
    dialog->open();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("shortcuts"));
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *table = new QTableWidget(0, 2, dialog);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QList<QPair<QString, QString>> rows;
    for (QAction *action : {m_newBoardAction, m_openLinkAction, m_boardsAction, m_reloadAction,
             m_findAction, m_myWorkAction, m_addCardAction, m_undoAction, m_redoAction,
             m_settingsAction, m_shortcutsAction, m_quitAction}) {
        if (action && !action->shortcut().isEmpty())
            rows.append({action->text().remove(QLatin1Char('&')),
                action->shortcut().toString(QKeySequence::NativeText)});
    }
    // Keys that belong to the board's widgets rather than to a menu.
    const auto keys
        = [](QKeyCombination k) { return QKeySequence(k).toString(QKeySequence::NativeText); };
    rows.append({tr("Open the selected card"), keys(Qt::Key_Return)});
    rows.append({tr("Move the card to the next / previous column"),
        keys(Qt::CTRL | Qt::Key_Right) + QLatin1String(" / ") + keys(Qt::CTRL | Qt::Key_Left)});
    rows.append({tr("Move the card up / down"),
        keys(Qt::CTRL | Qt::Key_Up) + QLatin1String(" / ") + keys(Qt::CTRL | Qt::Key_Down)});
    rows.append({tr("Archive the selected card (undo brings it back)"), keys(Qt::Key_Delete)});
    rows.append(
        {tr("Delete the selected card (undo brings it back)"), keys(Qt::SHIFT | Qt::Key_Delete)});
    rows.append({tr("Add a checklist item or post a comment (in the card)"), keys(Qt::Key_Return)});
    rows.append({tr("Close the card (asks when something is not saved)"), keys(Qt::Key_Escape)});
    for (const auto &[what, shortcut] : rows) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(what));
        table->setItem(row, 1, new QTableWidgetItem(shortcut));
    }
    table->resizeColumnsToContents();
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(560, 420);
    dialog->open();
}

} // namespace corkboard::ui
