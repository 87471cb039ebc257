// The card dialog used as a person does, against the real embedded server: @mentions complete
// and mention exactly the person picked, Enter in the checklist and comment fields never closes
// the card, closing with typed text asks first, a refused save keeps the text and names the rule.
#include "app/boards/column_widget.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "tests/support/card_dialog_steps.h"
#include "tests/support/gui_world.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::awaitCall;
using corkboard::test::kGuiWait;

class TestWindowCardDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;

    CardDetailDialog *openCard(int column, int row) { return m_world->openCard(column, row); }

    QString cardId(int column, int row) const { return m_world->cardId(column, row); }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        QVERIFY(m_world->addCards(0, {QStringLiteral("Write the press release")}));
    }

    void mentionCompletesAndMentionsExactlyThatPerson()
    {
        test::Person *bo
            = m_world->addPerson(QStringLiteral("Bo"), QStringLiteral("bo@example.com"));
        test::Person *boBerg
            = m_world->addPerson(QStringLiteral("Bo Berg"), QStringLiteral("berg@example.com"));
        QVERIFY(bo && boBerg);
        QVERIFY(m_world->shareBoardWith(*bo));
        QVERIFY(m_world->shareBoardWith(*boBerg));

        QPointer<CardDetailDialog> dialog = openCard(0, 0);
        QVERIFY(dialog);
        test::clickTab(dialog, QStringLiteral("Comments"));
        QLineEdit *field = dialog->commentField();
        QVERIFY(field->isVisible());
        QTest::mouseClick(field, Qt::LeftButton);
        // Typing '@' crashed the program (a completer without a widget).
        QTest::keyClicks(field, QStringLiteral("Thanks @bo b"));
        QAbstractItemView *popup = dialog->mentionCompleter()->popup();
        QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), kGuiWait);
        QCOMPARE(popup->model()->rowCount(), 1);
        QCOMPARE(popup->model()->index(0, 0).data().toString(), QStringLiteral("@Bo Berg"));
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(field->text(), QStringLiteral("Thanks @Bo Berg "));
        QVERIFY(!popup->isVisible());
        QVERIFY(dialog->isVisible()); // picking a name neither sends nor closes
        QCOMPARE(dialog->comments()->count(), 0);

        QTest::keyClicks(field, QStringLiteral("for the venue"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->comments()->count(), 1, kGuiWait);
        QVERIFY(dialog->isVisible());
        QVERIFY(field->text().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(field->hasFocus(), kGuiWait);

        // The server has the comment with exactly Bo Berg mentioned — not also "Bo".
        const QString id = cardId(0, 0);
        const auto comments
            = awaitCall<QList<Comment>>([&](QObject *ctx, Callback<QList<Comment>> done) {
                  m_world->backend()->listComments(ctx, id, done);
              });
        QVERIFY2(comments.ok(), qPrintable(comments.error.message));
        QCOMPARE(comments.value->size(), 1);
        QCOMPARE(comments.value->first().body, QStringLiteral("Thanks @Bo Berg for the venue"));
        QCOMPARE(comments.value->first().mentionIds, QStringList {boBerg->account.id});

        // A name typed in full (no picking) mentions that person only, the longest name winning.
        QTest::keyClicks(field, QStringLiteral("@Bo, see above"));
        dialog->mentionCompleter()->popup()->hide();
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->comments()->count(), 2, kGuiWait);
        const auto again
            = awaitCall<QList<Comment>>([&](QObject *ctx, Callback<QList<Comment>> done) {
                  m_world->backend()->listComments(ctx, id, done);
              });
        QVERIFY(again.ok());
        QStringList mentioned;
        for (const Comment &c : *again.value) {
            if (c.body.startsWith(QLatin1String("@Bo,")))
                mentioned = c.mentionIds;
        }
        QCOMPARE(mentioned, QStringList {bo->account.id});
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
    }

    void enterInChecklistAndCommentNeverClosesTheCard()
    {
        QPointer<CardDetailDialog> dialog = openCard(0, 0);
        QVERIFY(dialog);
        test::clickTab(dialog, QStringLiteral("Checklist"));
        QLineEdit *item = dialog->checklistField();
        QTest::mouseClick(item, Qt::LeftButton);
        QTest::keyClicks(item, QStringLiteral("Draft"));
        QTest::keyClick(item, Qt::Key_Return);
        QTest::keyClicks(item, QStringLiteral("Review"));
        QTest::keyClick(item, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->checklist()->count(), 2, kGuiWait);
        QVERIFY(dialog && dialog->isVisible()); // Enter added; it did not save-and-close
        QVERIFY(item->text().isEmpty());
        QVERIFY(item->hasFocus()); // ready for the next item
        QCOMPARE(dialog->checklist()->item(0)->text(), QStringLiteral("Draft"));
        QCOMPARE(dialog->checklist()->item(1)->text(), QStringLiteral("Review"));

        test::clickTab(dialog, QStringLiteral("Comments"));
        QLineEdit *comment = dialog->commentField();
        QTest::mouseClick(comment, Qt::LeftButton);
        // How many the card has (the list loads on its own; it may not be there yet).
        const QString id = cardId(0, 0);
        const auto existing
            = awaitCall<QList<Comment>>([&](QObject *ctx, Callback<QList<Comment>> done) {
                  m_world->backend()->listComments(ctx, id, done);
              });
        QVERIFY(existing.ok());
        const int before = int(existing.value->size());
        QTest::keyClicks(comment, QStringLiteral("First"));
        QTest::keyClick(comment, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->comments()->count(), before + 1, kGuiWait);
        QVERIFY(dialog->isVisible());
        QTest::keyClick(dialog, Qt::Key_Escape); // nothing typed: closes without a question
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
    }

    void closingWithTypedTextAsksFirst()
    {
        const QStringList before = m_world->serverTitles(0);
        QPointer<CardDetailDialog> dialog = openCard(0, 0);
        QVERIFY(dialog);
        QLineEdit *title = dialog->titleField();
        QTest::mouseClick(title, Qt::LeftButton);
        QTest::keyClick(title, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(title, QStringLiteral("Press release, final"));

        // Escape asks; "Cancel" keeps the dialog and the text.
        MessageBox::setNextAnswer(CardDetailDialog::KeepEditing);
        QTest::keyClick(title, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(
            MessageBox::lastText().contains(QStringLiteral("not saved")), kGuiWait);
        QTest::qWait(50);
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(title->text(), QStringLiteral("Press release, final"));
        QCOMPARE(m_world->serverTitles(0), before);

        // The Close button asks too; "Save" saves and then closes.
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        MessageBox::setNextAnswer(CardDetailDialog::SaveChanges);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Close), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
        QCOMPARE(m_world->serverTitles(0).first(), QStringLiteral("Press release, final"));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_world->titles(0).first(), QStringLiteral("Press release, final"), kGuiWait);

        // "Discard" closes and leaves the server's text alone.
        dialog = openCard(0, 0);
        QVERIFY(dialog);
        QTest::mouseClick(dialog->descriptionField()->viewport(), Qt::LeftButton);
        QTest::keyClicks(dialog->descriptionField(), QStringLiteral("draft notes"));
        MessageBox::setNextAnswer(CardDetailDialog::DiscardChanges);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
        const auto detail = awaitCall<CardDetail>([&](QObject *ctx, Callback<CardDetail> done) {
            m_world->backend()->loadCard(ctx, cardId(0, 0), done);
        });
        QVERIFY(detail.ok());
        QVERIFY(detail.value->card.description.isEmpty());
    }

    void refusedSaveKeepsTheTextAndNamesTheRule()
    {
        QPointer<CardDetailDialog> dialog = openCard(0, 0);
        QVERIFY(dialog);
        QLineEdit *title = dialog->titleField();
        QTest::mouseClick(title, Qt::LeftButton);
        QTest::keyClick(title, Qt::Key_A, Qt::ControlModifier);
        const QString tooLong(201, QLatin1Char('x'));
        QTest::keyClicks(title, tooLong);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->errors().errorFor(QStringLiteral("title")),
            QStringLiteral("Title: at most 200 characters"), kGuiWait);
        QVERIFY(dialog->errors().errorLabel(QStringLiteral("title"))->isVisible());
        QVERIFY(dialog->isVisible());
        QCOMPARE(title->text(), tooLong);
        QCOMPARE(m_world->serverTitles(0).first(), QStringLiteral("Press release, final"));
        MessageBox::setNextAnswer(CardDetailDialog::DiscardChanges);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowCardDialog)
#include "test_window_card_dialog.moc"
