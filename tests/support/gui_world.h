#pragma once

// One world for the GUI tests: the real desktop program (DesktopSession + MainWindow) on its
// embedded server with a real SQLite file, Ada signed in through the first-run form, and helpers
// that use the window as a person does (typing, clicking, dropping) — no model shortcuts.
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/backend.h"
#include "app/shell/desktop_session.h"
#include "server/platform/config.h"
#include "shared/client/token_store.h"

#include <QPoint>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

class QMenu;
class QMimeData;
class QWidget;

namespace corkboard::ui {
class OpenBoard;
class BoardView;
class CardDetailDialog;
class ColumnWidget;
class MainWindow;
} // namespace corkboard::ui

namespace corkboard::test {

inline constexpr int kGuiWait = 20000;

//! Waits for one Backend call: `start(context, done)` issues it; the outcome, or a failure
//! naming the timeout.
template<class T>
ui::Outcome<T> awaitCall(const std::function<void(QObject *, ui::Callback<T>)> &start)
{
    std::optional<ui::Outcome<T>> out;
    QObject context;
    start(&context, [&out](const ui::Outcome<T> &o) { out = o; });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kGuiWait);
    if (!out) {
        ui::UiError e;
        e.message = QStringLiteral("timed out");
        return ui::Outcome<T>::failure(e);
    }
    return *out;
}

//! Another person (or another device) with their own typed client and session.
struct Person
{
    std::unique_ptr<ui::AppSettings> settings;
    std::unique_ptr<ui::ApiBackend> backend;
    User account;
};

class GuiWorld
{
public:
    //! `tweak` adjusts the embedded server's config (open registration is on by default).
    explicit GuiWorld(std::function<void(Config &)> tweak = {});
    ~GuiWorld();

    //! Starts the program, picks "a board server on this computer" and creates Ada's account
    //! (the first one, admin) through the form. False (with a warning) when any step failed.
    bool start();
    ui::DesktopSession *session() const { return m_session.get(); }
    ui::MainWindow *window() const;
    ui::OpenBoard *board() const;
    ui::BoardView *view() const;
    ui::Backend *backend() const;
    QString serverUrl() const;
    QString dataPath(const QString &name) const { return m_dir.filePath(name); }

    //! Types the name into "New board", presses Enter and waits for its columns.
    bool createBoard(const QString &name);
    ui::ColumnWidget *column(int index) const;
    //! The id of the card the column shows at `row` (empty when there is none).
    QString cardId(int column, int row) const;
    //! What column `index` shows, top to bottom.
    QStringList titles(int index) const;
    //! Types titles into the column's "+ Add a card" field (Enter after each) and waits for them.
    bool addCards(int column, const QStringList &titles);
    //! The column's cards as the server keeps them (a fresh snapshot), top to bottom.
    QStringList serverTitles(int column) const;
    //! The open board as the server keeps it now (a fresh snapshot).
    std::optional<BoardSnapshot> serverBoard() const;
    //! Clicks the card, presses Enter, and gives the dialog once it is loaded (Save enabled).
    ui::CardDetailDialog *openCard(int column, int row);
    //! Presses F5 in the window and waits for the board to be loaded again.
    bool reload();

    //! Quits the program (as closing it does) and starts it again on the same settings, data
    //! and keychain; true once it is signed in again and showing a page.
    bool restart();

    //! Registers someone else (open registration) with their own client, signed in.
    Person *addPerson(const QString &displayName, const QString &email);
    //! Ada's backend makes `person` an editor of the open board; the window reloads it.
    bool shareBoardWith(const Person &person);

    //! Drops `mime` on `target` at `pos` through real drag-enter/move/drop events.
    static bool drop(QWidget *target, const QPoint &pos, QMimeData *mime);
    //! Clicks through the open popup menu: the entry whose text (without '&') starts with
    //! `path[0]`, then `path[1]` in its submenu, … False when an entry or menu is missing.
    static bool chooseFromOpenMenu(const QStringList &path);
    //! Right-clicks `target` at `pos`, then chooseFromOpenMenu(path).
    static bool chooseFromContextMenu(QWidget *target, const QPoint &pos, const QStringList &path);
    //! Clicks `path[0]` in the window's menu bar, then the rest as chooseFromOpenMenu.
    bool chooseFromMenuBar(const QStringList &path) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::AppSettings> m_settings;
    std::shared_ptr<client::MemoryTokenStore> m_tokens;
    std::unique_ptr<ui::DesktopSession> m_session;
    std::unique_ptr<ui::DesktopSession> makeSession();
    Config m_config;
    std::vector<std::unique_ptr<Person>> m_people;
};

} // namespace corkboard::test
