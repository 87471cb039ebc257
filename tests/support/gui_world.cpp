#include "tests/support/gui_world.h"

#include "app/account/sign_in_dialog.h"
#include "app/boards/board_view.h"
#include "app/boards/boards_list.h"
#include "app/boards/column_widget.h"
#include "app/boards/open_board.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/shell/first_run_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "tests/support/test_server.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <algorithm>

namespace corkboard::test {

using namespace corkboard::ui;

namespace {
bool waitUntil(const std::function<bool()> &condition, const char *what)
{
    if (QTest::qWaitFor(condition, kGuiWait))
        return true;
    qWarning("GuiWorld: timed out waiting for %s", what);
    return false;
}
} // namespace

GuiWorld::GuiWorld(std::function<void(Config &)> tweak)
{
    MessageBox::setSilent(true);
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
    m_settings->setKeepInTray(false);
    m_tokens = std::make_shared<client::MemoryTokenStore>();
    Config config = testConfig(m_dir.filePath(QStringLiteral("data")));
    config.mode = RunMode::Desktop;
    config.openRegistration = true;
    if (tweak)
        tweak(config);
    m_config = config;
    m_session = makeSession();
}

std::unique_ptr<DesktopSession> GuiWorld::makeSession()
{
    auto factory = [this](const QUrl &url, QObject *parent) -> Backend * {
        auto *backend = new ApiBackend(url, m_tokens, m_settings.get(), parent);
        backend->setProbeInterval(300);
        return backend;
    };
    return std::make_unique<DesktopSession>(m_config, m_settings.get(), factory);
}

bool GuiWorld::restart()
{
    bool finished = false;
    QObject::connect(m_session.get(), &DesktopSession::finished, [&finished] { finished = true; });
    m_session->quit();
    if (!waitUntil([&finished] { return finished; }, "the program to quit"))
        return false;
    QTest::qWait(300); // no call in flight when the client goes
    m_session.reset();
    m_session = makeSession();
    m_session->start();
    if (!waitUntil([this] { return window() && window()->boardsList() && window()->isVisible(); },
            "the program to start signed in"))
        return false;
    window()->activateWindow();
    return QTest::qWaitForWindowActive(window());
}

GuiWorld::~GuiWorld()
{
    for (const auto &p : m_people)
        p->backend->suspend();
    if (m_session) {
        bool finished = false;
        QObject::connect(
            m_session.get(), &DesktopSession::finished, [&finished] { finished = true; });
        m_session->quit();
        (void)QTest::qWaitFor([&finished] { return finished; }, kGuiWait);
        QTest::qWait(300); // no call in flight when the clients go
        m_session.reset();
    }
    QTest::qWait(200);
    m_people.clear();
}

bool GuiWorld::start()
{
    m_session->start();
    if (!waitUntil([this] { return m_session->firstRunDialog() != nullptr; }, "first run"))
        return false;
    QTest::mouseClick(m_session->firstRunDialog()->localButton(), Qt::LeftButton);
    if (!waitUntil(
            [this] { return m_session->signInDialog() && m_session->signInDialog()->isVisible(); },
            "the account form"))
        return false;
    SignInDialog *form = m_session->signInDialog();
    QTest::keyClicks(form->nameField(), QStringLiteral("Ada Lovelace"));
    QTest::keyClicks(form->emailField(), QStringLiteral("ada@example.com"));
    QTest::keyClicks(form->passwordField(), QStringLiteral("correct horse battery"));
    QTest::mouseClick(form->registerButton(), Qt::LeftButton);
    if (!waitUntil([this] { return window()->boardsList() && !m_session->signInDialog(); },
            "the boards page"))
        return false;
    // Keyboard focus and shortcuts need the active window, as on a desktop.
    window()->activateWindow();
    return QTest::qWaitForWindowActive(window());
}

MainWindow *GuiWorld::window() const
{
    return m_session->window();
}

OpenBoard *GuiWorld::board() const
{
    return window()->currentBoard();
}

BoardView *GuiWorld::view() const
{
    return window()->boardView();
}

Backend *GuiWorld::backend() const
{
    return m_session->backend();
}

QString GuiWorld::serverUrl() const
{
    return backend()->serverUrl();
}

bool GuiWorld::createBoard(const QString &name)
{
    BoardsList *boards = window()->boardsList();
    QTest::keyClicks(boards->newBoardField(), name);
    QTest::keyClick(boards->newBoardField(), Qt::Key_Return);
    return waitUntil(
        [this, name] {
            return board()->boardName() == name && view()->columnWidgets().size() == 3
                && view()->isVisible();
        },
        "the new board");
}

ColumnWidget *GuiWorld::column(int index) const
{
    const auto columns = view()->columnWidgets();
    return index >= 0 && index < columns.size() ? columns.at(index) : nullptr;
}

QString GuiWorld::cardId(int column, int row) const
{
    ui::ColumnWidget *w = this->column(column);
    if (!w)
        return QString();
    return w->cardView()->model()->index(row, 0).data(ui::CardModel::IdRole).toString();
}

QStringList GuiWorld::titles(int index) const
{
    QStringList out;
    ColumnWidget *c = column(index);
    if (!c)
        return out;
    const QAbstractItemModel *model = c->cardView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, 0).data().toString();
    return out;
}

bool GuiWorld::addCards(int index, const QStringList &titles)
{
    ColumnWidget *c = column(index);
    if (!c)
        return false;
    const int before = int(this->titles(index).size());
    QTest::mouseClick(c->addCardField(), Qt::LeftButton);
    for (const QString &title : titles) {
        QTest::keyClicks(c->addCardField(), title);
        QTest::keyClick(c->addCardField(), Qt::Key_Return);
    }
    return waitUntil(
        [&] { return this->titles(index).size() == before + titles.size(); }, "the added cards");
}

std::optional<BoardSnapshot> GuiWorld::serverBoard() const
{
    const QString boardId = board()->boardId();
    const auto snapshot = awaitCall<BoardSnapshot>([&](QObject *ctx, Callback<BoardSnapshot> done) {
        backend()->loadBoard(ctx, boardId, done);
    });
    if (!snapshot.ok())
        return std::nullopt;
    return *snapshot.value;
}

QStringList GuiWorld::serverTitles(int index) const
{
    const std::optional<BoardSnapshot> snapshot = serverBoard();
    QStringList out;
    if (!snapshot || index >= snapshot->columns.size())
        return out;
    // Columns and cards in the order of their position keys, as every client sorts them.
    QList<Column> columns = snapshot->columns;
    std::stable_sort(columns.begin(), columns.end(),
        [](const Column &a, const Column &b) { return a.position < b.position; });
    QList<Card> cards;
    for (const Card &card : snapshot->cards) {
        if (card.columnId == columns.at(index).id)
            cards << card;
    }
    std::stable_sort(cards.begin(), cards.end(),
        [](const Card &a, const Card &b) { return a.position < b.position; });
    for (const Card &card : cards)
        out << card.title;
    return out;
}

CardDetailDialog *GuiWorld::openCard(int index, int row)
{
    ColumnWidget *c = column(index);
    if (!c)
        return nullptr;
    QListView *view = c->cardView();
    const QModelIndex card = view->model()->index(row, 0);
    if (!waitUntil([&] { return view->visualRect(card).isValid(); }, "the card on screen"))
        return nullptr;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(card).center());
    QTest::keyClick(view, Qt::Key_Return);
    CardDetailDialog *dialog = nullptr;
    (void)waitUntil(
        [&] {
            for (auto *d : window()->findChildren<CardDetailDialog *>()) {
                if (d->isVisible())
                    dialog = d;
            }
            // Loaded: the form is filled from the server and Save is enabled.
            return dialog && dialog->saveButton()->isEnabled();
        },
        "the card dialog");
    if (dialog)
        (void)QTest::qWaitForWindowActive(dialog);
    return dialog;
}

bool GuiWorld::reload()
{
    bool loaded = false;
    auto connection
        = QObject::connect(board(), &OpenBoard::boardLoaded, [&loaded] { loaded = true; });
    // Shortcuts need the active window (a dialog may just have closed).
    window()->activateWindow();
    (void)QTest::qWaitForWindowActive(window());
    QTest::keyClick(window(), Qt::Key_F5);
    const bool ok = waitUntil([&loaded] { return loaded; }, "the board to load again");
    QObject::disconnect(connection);
    return ok;
}

Person *GuiWorld::addPerson(const QString &displayName, const QString &email)
{
    auto person = std::make_unique<Person>();
    person->settings = std::make_unique<AppSettings>(
        m_dir.filePath(QStringLiteral("person-%1.ini").arg(m_people.size())));
    person->backend = std::make_unique<ApiBackend>(
        QUrl(serverUrl()), std::make_shared<client::MemoryTokenStore>(), person->settings.get());
    const auto account = awaitCall<User>([&](QObject *ctx, Callback<User> done) {
        person->backend->registerAccount(
            ctx, email, QStringLiteral("correct horse battery"), displayName, QString(), done);
    });
    if (!account.ok()) {
        qWarning("GuiWorld: %s could not register: %s", qPrintable(displayName),
            qPrintable(account.error.message));
        return nullptr;
    }
    person->account = *account.value;
    m_people.push_back(std::move(person));
    return m_people.back().get();
}

bool GuiWorld::shareBoardWith(const Person &person)
{
    const QString boardId = board()->boardId();
    const auto added = awaitCall<BoardMember>([&](QObject *ctx, Callback<BoardMember> done) {
        backend()->setMemberRole(ctx, boardId, person.account.id, QStringLiteral("editor"), done);
    });
    if (!added.ok())
        return false;
    return reload();
}

bool GuiWorld::drop(QWidget *target, const QPoint &pos, QMimeData *mime)
{
    QDragEnterEvent enter(pos, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDragMoveEvent move(pos, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    if (!move.isAccepted())
        return false;
    QDropEvent dropEvent(QPointF(pos), Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    return dropEvent.isAccepted();
}

bool GuiWorld::chooseFromOpenMenu(const QStringList &path)
{
    for (const QString &entry : path) {
        QMenu *menu = nullptr;
        if (!waitUntil(
                [&] {
                    menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                    return menu != nullptr && menu->isVisible();
                },
                "a menu"))
            return false;
        QAction *found = nullptr;
        for (QAction *a : menu->actions()) {
            if (!found && a->isVisible() && a->text().remove(QLatin1Char('&')).startsWith(entry))
                found = a;
        }
        if (!found || !found->isEnabled()) {
            qWarning("GuiWorld: no enabled menu entry %s", qPrintable(entry));
            return false;
        }
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(found).center());
        if (found->menu()
            && !waitUntil(
                [&] { return QApplication::activePopupWidget() == found->menu(); }, "a submenu"))
            return false;
    }
    return true;
}

bool GuiWorld::chooseFromContextMenu(QWidget *target, const QPoint &pos, const QStringList &path)
{
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, target->mapToGlobal(pos));
    QApplication::sendEvent(target, &event);
    return chooseFromOpenMenu(path);
}

bool GuiWorld::chooseFromMenuBar(const QStringList &path) const
{
    if (path.isEmpty())
        return false;
    window()->activateWindow();
    (void)QTest::qWaitForWindowActive(window());
    QMenuBar *bar = window()->menuBar();
    for (QAction *a : bar->actions()) {
        if (a->text().remove(QLatin1Char('&')) == path.first()) {
            QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(a).center());
            return chooseFromOpenMenu(path.mid(1));
        }
    }
    qWarning("GuiWorld: no menu %s", qPrintable(path.first()));
    return false;
}

} // namespace corkboard::test
