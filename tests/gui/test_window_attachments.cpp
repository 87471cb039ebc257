// Attachments through the window as a person adds them: files dropped from the file manager on
// the open card (a progress row, then the file in the list and on the server) and on a card of
// the board (progress in the status bar, the tile's count); an image pasted with Ctrl+V (a PNG
// on the server); a file deleted and brought back with Ctrl+Z (the same bytes on the server);
// and the cover on the card's tile once the worker made the thumbnail (a live event, no
// reload). The real MainWindow, real events, the real embedded server and worker.
#include "app/boards/column_widget.h"
#include "app/cards/attachment_transfers.h"
#include "app/cards/attachments_panel.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/cards/upload_status.h"
#include "app/shell/main_window.h"
#include "tests/support/gui_world.h"

#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QImage>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

class TestWindowAttachments : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;
    QString m_cardId;

    static void clickTab(QDialog *dialog, const QString &text)
    {
        auto *bar = dialog->findChild<QTabWidget *>()->findChild<QTabBar *>();
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->tabText(i).remove(QLatin1Char('&')).startsWith(text))
                QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
        }
    }

    QString writeFile(const QString &name, qsizetype size, quint32 seed) const
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator gen(seed);
        gen.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
        const QString path = m_world->dataPath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != size)
            return {};
        return path;
    }

    static QString sha256Of(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&f);
        return QString::fromLatin1(hash.result().toHex());
    }

    static QMimeData *filesMime(const QStringList &paths)
    {
        auto *mime = new QMimeData;
        QList<QUrl> urls;
        for (const QString &p : paths)
            urls << QUrl::fromLocalFile(p);
        mime->setUrls(urls);
        return mime;
    }

    //! The card's attachments as the server keeps them: file name → SHA-256.
    QHash<QString, QString> serverFiles() const
    {
        auto future = m_world->backend()->attachments()->api().list(m_cardId);
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, kGuiWait))
            return {};
        QHash<QString, QString> out;
        const auto r = future.result();
        if (r) {
            for (const Attachment &a : r.value())
                out.insert(a.filename, a.sha256);
        }
        return out;
    }

    std::optional<Attachment> serverFile(const QString &name) const
    {
        auto future = m_world->backend()->attachments()->api().list(m_cardId);
        if (!QTest::qWaitFor([&] { return future.isFinished(); }, kGuiWait))
            return std::nullopt;
        const auto result = future.result(); // kept: a loop over a temporary's value() dangles
        if (!result)
            return std::nullopt;
        for (const Attachment &a : result.value()) {
            if (a.filename == name)
                return a;
        }
        return std::nullopt;
    }

    QModelIndex tile() const { return m_world->column(0)->cardView()->model()->index(0, 0); }

    QPointer<CardDetailDialog> openAttachments()
    {
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        if (dialog)
            clickTab(dialog, QStringLiteral("Attachments"));
        return dialog;
    }

    static void closeCard(QPointer<CardDetailDialog> &dialog)
    {
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>([](Config &c) { c.jobPollMs = 50; });
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        QVERIFY(m_world->addCards(0, {QStringLiteral("Press kit")}));
        m_cardId = tile().data(CardModel::IdRole).toString();
        QVERIFY(!m_cardId.isEmpty());
        QVERIFY(m_world->backend()->attachments());
        // "Open" never starts an application here.
        AttachmentsPanel::setOpener([](const QUrl &) {});
    }

    void filesDroppedOnTheOpenCardShowProgressThenTheList()
    {
        QPointer<CardDetailDialog> dialog = openAttachments();
        QVERIFY(dialog);
        AttachmentsPanel *panel = dialog->attachmentsPanel();
        const QString notes = writeFile(QStringLiteral("notes.txt"), 2 * 1024 * 1024, 1);
        const QString log = writeFile(QStringLiteral("server.log"), 30 * 1024, 2);
        std::unique_ptr<QMimeData> mime(filesMime({notes, log}));
        // Dropped on the dialog (its Details tab would do too): a progress row per file at once.
        QVERIFY(test::GuiWorld::drop(dialog, QPoint(20, 20), mime.get()));
        QCOMPARE(panel->progressArea()->findChildren<QProgressBar *>().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(panel->itemNamed(QStringLiteral("notes.txt")), kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(panel->itemNamed(QStringLiteral("server.log")), kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            panel->progressArea()->findChildren<QProgressBar *>().size(), 0, kGuiWait);
        const auto files = serverFiles();
        QCOMPARE(files.value(QStringLiteral("notes.txt")), sha256Of(notes));
        QCOMPARE(files.value(QStringLiteral("server.log")), sha256Of(log));
        // The row tells size and who added it; the full name is in the tool tip.
        QListWidgetItem *row = panel->itemNamed(QStringLiteral("notes.txt"));
        QVERIFY(row->text().contains(QStringLiteral("Ada")));
        QVERIFY(row->toolTip().contains(QStringLiteral("notes.txt")));
        closeCard(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(tile().data(CardModel::AttachmentCountRole).toInt(), 2, kGuiWait);
    }

    void filesDroppedOnACardOfTheBoard()
    {
        const QString sheet = writeFile(QStringLiteral("budget.ods"), 400 * 1024, 3);
        QListView *view = m_world->column(0)->cardView();
        std::unique_ptr<QMimeData> mime(filesMime({sheet}));
        QVERIFY(
            test::GuiWorld::drop(view->viewport(), view->visualRect(tile()).center(), mime.get()));
        // The status bar shows the upload while it runs, then the tile counts the file.
        QVERIFY(m_world->window()->uploadStatus()->isVisibleTo(m_world->window()));
        QTRY_COMPARE_WITH_TIMEOUT(tile().data(CardModel::AttachmentCountRole).toInt(), 3, kGuiWait);
        QCOMPARE(serverFiles().value(QStringLiteral("budget.ods")), sha256Of(sheet));
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_world->window()->uploadStatus()->isVisibleTo(m_world->window()), kGuiWait);
    }

    void pastedImageIsAttachedAsPngAndBecomesTheCover()
    {
        QVERIFY(tile().data(CardModel::CoverIdRole).toString().isEmpty());
        QPointer<CardDetailDialog> dialog = openAttachments();
        QVERIFY(dialog);
        AttachmentsPanel *panel = dialog->attachmentsPanel();
        QImage image(640, 320, QImage::Format_RGB32);
        image.fill(QColor(30, 120, 200));
        QApplication::clipboard()->setImage(image);
        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_V, Qt::ControlModifier);
        std::optional<Attachment> pasted;
        QTRY_VERIFY_WITH_TIMEOUT(panel->list()->count() == 4, kGuiWait);
        for (int i = 0; i < panel->list()->count(); ++i) {
            const QString name = panel->list()->item(i)->data(Qt::AccessibleTextRole).toString();
            if (name.startsWith(QStringLiteral("Pasted image")))
                pasted = serverFile(name);
        }
        QVERIFY(pasted);
        QCOMPARE(pasted->contentType, QStringLiteral("image/png"));
        QVERIFY(pasted->filename.endsWith(QStringLiteral(".png")));
        closeCard(dialog);

        // The worker makes the thumbnail; the open board hears of it and shows the cover.
        QTRY_COMPARE_WITH_TIMEOUT(
            tile().data(CardModel::CoverIdRole).toString(), pasted->id, kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(
            !tile().data(CardModel::CoverRole).value<QImage>().isNull(), kGuiWait);
        const QImage cover = tile().data(CardModel::CoverRole).value<QImage>();
        QCOMPARE(cover.pixelColor(cover.width() / 2, cover.height() / 2), QColor(30, 120, 200));
    }

    void openAndSaveAsHandOverTheSameBytes()
    {
        QPointer<CardDetailDialog> dialog = openAttachments();
        QVERIFY(dialog);
        AttachmentsPanel *panel = dialog->attachmentsPanel();
        QListWidgetItem *row = panel->itemNamed(QStringLiteral("server.log"));
        QVERIFY(row);
        const QString expected = serverFiles().value(QStringLiteral("server.log"));
        QUrl opened;
        AttachmentsPanel::setOpener([&opened](const QUrl &url) { opened = url; });
        // Enter on the row opens it: a private copy handed to the system's application.
        QTest::mouseClick(panel->list()->viewport(), Qt::LeftButton, {},
            panel->list()->visualItemRect(row).center());
        QTest::keyClick(panel->list(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(opened.isLocalFile(), kGuiWait);
        QCOMPARE(QFileInfo(opened.toLocalFile()).fileName(), QStringLiteral("server.log"));
        QCOMPARE(sha256Of(opened.toLocalFile()), expected);
        QCOMPARE(QFileInfo(opened.toLocalFile()).permissions()
                & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
        AttachmentsPanel::setOpener([](const QUrl &) {});

        // Save as…: the chosen file, with the same bytes.
        const QString target = m_world->dataPath(QStringLiteral("saved.log"));
        AttachmentsPanel::setNextFiles({target});
        QPushButton *save = nullptr;
        for (QPushButton *b : panel->findChildren<QPushButton *>()) {
            if (b->accessibleName() == QStringLiteral("Save attachment as"))
                save = b;
        }
        QVERIFY(save && save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(sha256Of(target), expected, kGuiWait);
        closeCard(dialog);
    }

    void cancelledUploadLeavesNothing()
    {
        QPointer<CardDetailDialog> dialog = openAttachments();
        QVERIFY(dialog);
        AttachmentsPanel *panel = dialog->attachmentsPanel();
        const int before = panel->list()->count();
        const QString big = writeFile(QStringLiteral("big.iso"), 24 * 1024 * 1024, 4);
        std::unique_ptr<QMimeData> mime(filesMime({big}));
        QVERIFY(test::GuiWorld::drop(panel, QPoint(10, 10), mime.get()));
        QToolButton *cancel = nullptr;
        for (QToolButton *b : panel->progressArea()->findChildren<QToolButton *>()) {
            if (b->accessibleName().startsWith(QStringLiteral("Cancel uploading")))
                cancel = b;
        }
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            panel->progressArea()->findChildren<QProgressBar *>().size(), 0, kGuiWait);
        QTest::qWait(300);
        QVERIFY(!serverFiles().contains(QStringLiteral("big.iso")));
        QCOMPARE(panel->list()->count(), before);
        QVERIFY(m_world->backend()->attachments()->api().unfinished().isEmpty());
        closeCard(dialog);
    }

    void deletedFileComesBackWithCtrlZ()
    {
        const QString original = serverFiles().value(QStringLiteral("notes.txt"));
        QVERIFY(!original.isEmpty());
        QPointer<CardDetailDialog> dialog = openAttachments();
        QVERIFY(dialog);
        AttachmentsPanel *panel = dialog->attachmentsPanel();
        QListWidgetItem *row = panel->itemNamed(QStringLiteral("notes.txt"));
        QVERIFY(row);
        QTest::mouseClick(panel->list()->viewport(), Qt::LeftButton, {},
            panel->list()->visualItemRect(row).center());
        QPushButton *deleteButton = nullptr;
        for (QPushButton *b : panel->findChildren<QPushButton *>()) {
            if (b->accessibleName() == QStringLiteral("Delete attachment"))
                deleteButton = b;
        }
        QVERIFY(deleteButton && deleteButton->isEnabled());
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->itemNamed(QStringLiteral("notes.txt")), kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(!serverFiles().contains(QStringLiteral("notes.txt")), kGuiWait);
        QVERIFY(panel->undoButton()->isVisibleTo(panel));

        // Ctrl+Z in the card: the same bytes are attached again.
        panel->list()->setFocus();
        QTest::keyClick(panel->list(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(
            serverFiles().value(QStringLiteral("notes.txt")), original, kGuiWait);
        QTRY_VERIFY_WITH_TIMEOUT(panel->itemNamed(QStringLiteral("notes.txt")), kGuiWait);
        closeCard(dialog);
    }

    // Last: it restarts the program. (Uploads run slowly under QTest: its waits sleep between
    // event loops, and QNAM takes a file body through the GUI thread's loop.)
    void anUploadCutOffByQuittingGoesOnAfterARestart()
    {
        const QString path = m_world->dataPath(QStringLiteral("recording.mkv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(64ll * 1024 * 1024));
        }
        QListView *view = m_world->column(0)->cardView();
        std::unique_ptr<QMimeData> mime(filesMime({path}));
        QVERIFY(
            test::GuiWorld::drop(view->viewport(), view->visualRect(tile()).center(), mime.get()));
        AttachmentTransfers *transfers = m_world->backend()->attachments();
        QTRY_VERIFY_WITH_TIMEOUT(!transfers->uploadsFor(m_cardId).isEmpty()
                && transfers->uploadsFor(m_cardId).first()->sent() >= 16 * 1024 * 1024,
            kGuiWait);
        QVERIFY(transfers->uploadsFor(m_cardId).first()->sent() < 64ll * 1024 * 1024);
        QCOMPARE(transfers->api().unfinished().size(), 1); // remembered while it runs

        // Quit mid-upload and start again: it goes on by itself and the bytes are right.
        QVERIFY(m_world->restart());
        QTRY_VERIFY_WITH_TIMEOUT(serverFiles().contains(QStringLiteral("recording.mkv")), 60000);
        QCOMPARE(serverFiles().value(QStringLiteral("recording.mkv")), sha256Of(path));
        QVERIFY(m_world->backend()->attachments()->api().unfinished().isEmpty());
    }
};

QTEST_MAIN(TestWindowAttachments)
#include "test_window_attachments.moc"
