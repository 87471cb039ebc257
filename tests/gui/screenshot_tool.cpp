// Takes the README screenshots from the real app: the desktop session with its embedded server,
// seeded through the typed client, then QWidget::grab() of the window. Run under Xvfb:
//   xvfb-run -a -s "-screen 0 1400x900x24" build/dev/tests/corkboard_screenshots
//   resources/screenshots
#include "app/account/sign_in_dialog.h"
#include "app/boards/board_view.h"
#include "app/boards/boards_list.h"
#include "app/boards/column_widget.h"
#include "app/boards/open_board.h"
#include "app/cards/card_detail_dialog.h"
#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/desktop_session.h"
#include "app/shell/first_run_dialog.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "shared/client/boards_api.h"
#include "shared/client/cards_api.h"
#include "shared/client/token_store.h"
#include "tests/support/test_server.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;

namespace {
template<class T>
T await(QFuture<T> f)
{
    while (!f.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return f.result();
}

void waitFor(const std::function<bool()> &condition)
{
    if (!QTest::qWaitFor(condition, 30000))
        qFatal("screenshot tool: a step did not finish in time");
}

void save(QWidget *w, const QString &path)
{
    QTest::qWait(400);
    w->grab().save(path);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(outDir);
    QTemporaryDir dir;
    MessageBox::setSilent(true);
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setKeepInTray(false);
    auto tokens = std::make_shared<client::MemoryTokenStore>();
    Config config = test::testConfig(dir.filePath(QStringLiteral("data")));
    config.mode = RunMode::Desktop;
    DesktopSession session(config, &settings, [&](const QUrl &url, QObject *parent) -> Backend * {
        return new ApiBackend(url, tokens, &settings, parent);
    });
    session.start();

    waitFor([&] { return session.firstRunDialog() != nullptr; });
    session.firstRunDialog()->move(session.window()->geometry().center() - QPoint(230, 150));
    save(session.firstRunDialog(), outDir + QStringLiteral("/first_run.png"));
    QTest::mouseClick(session.firstRunDialog()->localButton(), Qt::LeftButton);
    waitFor([&] { return session.signInDialog() != nullptr; });
    SignInDialog *form = session.signInDialog();
    QTest::keyClicks(form->nameField(), QStringLiteral("Ada Lovelace"));
    QTest::keyClicks(form->emailField(), QStringLiteral("ada@"));
    QTest::keyClicks(form->passwordField(), QStringLiteral("short"));
    QTest::mouseClick(form->registerButton(), Qt::LeftButton);
    waitFor([&] { return !form->registerErrors().errorFor(QStringLiteral("email")).isEmpty(); });
    save(form, outDir + QStringLiteral("/register_errors.png"));
    form->emailField()->setText(QStringLiteral("ada@example.com"));
    form->passwordField()->setText(QStringLiteral("correct horse battery"));
    QTest::mouseClick(form->registerButton(), Qt::LeftButton);
    waitFor([&] { return session.window()->boardsList() != nullptr; });

    // Seed a realistic board through the typed client.
    auto *backend = static_cast<ApiBackend *>(session.backend());
    client::BoardsApi boards(*backend->api());
    client::CardsApi cards(*backend->api());
    const QString me = backend->account()->id;
    const auto snap = await(boards.createBoard(QStringLiteral("Product launch"))).value();
    const auto board = snap.board;
    await(boards.updateColumn(snap.columns.at(1).id,
        client::ColumnPatch {std::nullopt, std::optional<int>(2), std::nullopt}));
    const auto bug
        = await(boards.createLabel(board.id, QStringLiteral("Bug"), QStringLiteral("#d9534f")))
              .value();
    const auto design
        = await(boards.createLabel(board.id, QStringLiteral("Design"), QStringLiteral("#5b8def")))
              .value();
    const auto ops
        = await(boards.createLabel(board.id, QStringLiteral("Ops"), QStringLiteral("#f0c24b")))
              .value();
    struct Seed
    {
        int column;
        QString title;
        QStringList labels;
        int dueDays; // 99: none
        int checklist, done, comments;
    };
    const QList<Seed> seeds {
        {0, QStringLiteral("Write the press release"), {design.id}, 5, 3, 1, 2},
        {0, QStringLiteral("Book the venue for the launch party"), {ops.id}, 1, 0, 0, 0},
        {0, QStringLiteral("Translate the landing page"), {}, 99, 0, 0, 1},
        {1, QStringLiteral("Fix crash when exporting a board"), {bug.id}, -1, 2, 1, 3},
        {1, QStringLiteral("New onboarding illustrations"), {design.id}, 3, 4, 3, 0},
        {1, QStringLiteral("Load test the sync server"), {ops.id, bug.id}, 99, 0, 0, 0},
        {2, QStringLiteral("Pick the release name"), {}, 99, 2, 2, 4},
        {2, QStringLiteral("Set up the status page"), {ops.id}, 99, 1, 1, 0},
    };
    for (const Seed &s : seeds) {
        client::NewCard c;
        c.columnId = snap.columns.at(s.column).id;
        c.title = s.title;
        c.labelIds = s.labels;
        c.assigneeIds = {me};
        if (s.dueDays != 99)
            c.dueAt = QDateTime::currentDateTimeUtc().addDays(s.dueDays);
        const auto created = await(cards.createCard(board.id, c)).value();
        for (int i = 0; i < s.checklist; ++i) {
            const auto item
                = await(cards.addChecklistItem(created.id, QStringLiteral("Step %1").arg(i + 1)))
                      .value();
            if (i < s.done)
                await(cards.updateChecklistItem(item.id, std::nullopt, true));
        }
        // Comments are Markdown: one with emphasis, code and a list shows how they render.
        const QStringList bodies {QStringLiteral("Looks good to me."),
            QStringLiteral("The **deadline** is `Friday`:\n\n- print\n- mail"),
            QStringLiteral("Sent to *everyone* on the list.")};
        for (int i = 0; i < s.comments; ++i)
            await(cards.addComment(created.id, bodies.value(i, bodies.first())));
    }

    MainWindow *window = session.window();
    window->resize(1280, 760);
    window->boardsList()->reload();
    waitFor([&] { return window->boardsList()->model()->rowCount() == 1; });
    window->openBoard(board.id);
    waitFor([&] { return window->currentBoard()->cardCount() == seeds.size(); });
    save(window, outDir + QStringLiteral("/board.png"));

    const QString cardId = window->currentBoard()->cardsOf(snap.columns.at(1).id)->cardAt(0)->id;
    window->openCard(cardId);
    CardDetailDialog *detail = nullptr;
    waitFor([&] {
        detail = window->findChild<CardDetailDialog *>(QStringLiteral("cardDetail"));
        return detail && detail->saveButton()->isEnabled();
    });
    save(detail, outDir + QStringLiteral("/card_detail.png"));
    // The comments (who and when above each) and the card's own story.
    const auto showTab = [detail](const QString &name) {
        auto *tabs = detail->findChild<QTabWidget *>();
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i).remove(QLatin1Char('&')) == name)
                tabs->setCurrentIndex(i);
        }
    };
    showTab(QStringLiteral("Comments"));
    waitFor([&] { return detail->comments()->count() == 3; });
    save(detail, outDir + QStringLiteral("/card_comments.png"));
    showTab(QStringLiteral("Activity"));
    auto *activity = detail->findChild<QListWidget *>(QStringLiteral("cardActivity"));
    waitFor([&] { return activity->count() > 1; });
    save(detail, outDir + QStringLiteral("/card_activity.png"));
    detail->close();
    waitFor([&] { return !detail->isVisible(); });

    // Board ▸ Labels…
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->text() == QStringLiteral("&Labels…"))
            a->trigger();
    }
    QWidget *labels = nullptr;
    waitFor([&] {
        labels = window->findChild<QDialog *>(QStringLiteral("labels"));
        return labels && labels->isVisible();
    });
    save(labels, outDir + QStringLiteral("/labels.png"));
    labels->close();

    session.stopServer();
    waitFor([&] { return window->connectivity() == Connectivity::Offline; });
    save(window, outDir + QStringLiteral("/offline.png"));

    bool finished = false;
    QObject::connect(&session, &DesktopSession::finished, [&] { finished = true; });
    session.quit();
    waitFor([&] { return finished; });
    return 0;
}
