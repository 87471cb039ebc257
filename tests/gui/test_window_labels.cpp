// Board ▸ Labels… used as a person does, against the real embedded server: a new board says how
// to make a label; a label is created, renamed and recoloured (buttons, context menu); ticked in
// a card's dialog it shows on the card; renamed, the card shows the new name at once; deleted
// (after a question naming how many cards carry it), it is gone from the card and the server.
#include "app/boards/column_widget.h"
#include "app/boards/labels_dialog.h"
#include "app/cards/card_detail_dialog.h"
#include "app/cards/card_model.h"
#include "app/shell/main_window.h"
#include "app/widgets/message_box.h"
#include "tests/support/gui_world.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTest>

using namespace corkboard;
using namespace corkboard::ui;
using corkboard::test::kGuiWait;

class TestWindowLabels : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::GuiWorld> m_world;

    //! Board ▸ Labels… from the menu bar; the dialog once it shows.
    LabelsDialog *openLabels()
    {
        if (!m_world->chooseFromMenuBar({QStringLiteral("Board"), QStringLiteral("Labels")}))
            return nullptr;
        LabelsDialog *dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                dialog = m_world->window()->findChild<LabelsDialog *>();
                return dialog && dialog->isVisible();
            },
            kGuiWait);
        if (dialog)
            (void)QTest::qWaitForWindowActive(dialog);
        return dialog;
    }

    //! Types `name` into the name question `objectName` (opened by the dialog) and presses Enter.
    static bool answerName(QWidget *parent, const QString &objectName, const QString &name)
    {
        QInputDialog *input = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    input = parent->findChild<QInputDialog *>(objectName);
                    return input && input->isVisible();
                },
                kGuiWait))
            return false;
        auto *field = input->findChild<QLineEdit *>();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, name);
        QTest::keyClick(field, Qt::Key_Return);
        return true;
    }

    static void close(QDialog *dialog)
    {
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kGuiWait);
    }

    static void clickRow(QListWidget *list, int row)
    {
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    }

    QModelIndex card() const { return m_world->column(0)->cardView()->model()->index(0, 0); }

    //! The one label on the server (name and colour), or empty.
    QList<Label> serverLabels() const
    {
        const auto snapshot = m_world->serverBoard();
        return snapshot ? snapshot->labels : QList<Label>();
    }
    QStringList serverLabelsOfCard() const
    {
        const auto snapshot = m_world->serverBoard();
        return snapshot && !snapshot->cards.isEmpty() ? snapshot->cards.first().labelIds
                                                      : QStringList {QStringLiteral("?")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_world = std::make_unique<test::GuiWorld>();
        QVERIFY(m_world->start());
        QVERIFY(m_world->createBoard(QStringLiteral("Launch plan")));
        QVERIFY(m_world->addCards(0, {QStringLiteral("Venue")}));
    }

    void newBoardSaysHowToMakeALabel()
    {
        // The card dialog says where labels come from instead of showing an empty box.
        {
            QPointer<CardDetailDialog> card = m_world->openCard(0, 0);
            QVERIFY(card);
            auto *hint = card->findChild<QLabel *>(QStringLiteral("noLabelsHint"));
            QVERIFY(hint && hint->isVisible());
            QVERIFY(hint->text().contains(QStringLiteral("Labels…")));
            QTest::keyClick(card, Qt::Key_Escape);
            QTRY_VERIFY_WITH_TIMEOUT(!card || !card->isVisible(), kGuiWait);
        }
        QPointer<LabelsDialog> dialog = openLabels();
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->count(), 0);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("labelsStatus"))
                    ->text()
                    .contains(QStringLiteral("New label")));
        // Nothing selected: nothing to rename, recolour or delete.
        QVERIFY(!dialog->renameButton()->isEnabled());
        QVERIFY(!dialog->deleteButton()->isEnabled());
        close(dialog);
    }

    void createRenameAndRecolour()
    {
        QPointer<LabelsDialog> dialog = openLabels();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->newButton(), Qt::LeftButton);
        QVERIFY(answerName(dialog, QStringLiteral("newLabelName"), QStringLiteral("Urgent")));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->list()->count(), 1, kGuiWait);
        QCOMPARE(dialog->list()->item(0)->text(), QStringLiteral("Urgent"));
        QCOMPARE(serverLabels().size(), 1);
        QCOMPARE(serverLabels().first().name, QStringLiteral("Urgent"));

        clickRow(dialog->list(), 0);
        QVERIFY(dialog->renameButton()->isEnabled());
        QTest::mouseClick(dialog->renameButton(), Qt::LeftButton);
        QVERIFY(answerName(dialog, QStringLiteral("renameLabelName"), QStringLiteral("Blocker")));
        QTRY_COMPARE_WITH_TIMEOUT(
            dialog->list()->item(0)->text(), QStringLiteral("Blocker"), kGuiWait);
        QCOMPARE(serverLabels().first().name, QStringLiteral("Blocker"));

        // Right-click ▸ Colour ▸ Green.
        const QPoint row = dialog->list()->visualItemRect(dialog->list()->item(0)).center();
        QVERIFY(test::GuiWorld::chooseFromContextMenu(
            dialog->list()->viewport(), row, {QStringLiteral("Colour"), QStringLiteral("Green")}));
        QTRY_COMPARE_WITH_TIMEOUT(
            serverLabels().first().color.toLower(), QStringLiteral("#30a46c"), kGuiWait);
        QCOMPARE(dialog->list()->item(0)->data(Qt::AccessibleTextRole).toString(),
            QStringLiteral("Blocker, Green"));
        close(dialog);
    }

    void labelTickedInTheCardShowsOnTheCard()
    {
        QCOMPARE(card().data(CardModel::LabelNamesRole).toStringList(), QStringList());
        QPointer<CardDetailDialog> dialog = m_world->openCard(0, 0);
        QVERIFY(dialog);
        QListWidget *labels = nullptr;
        for (auto *list : dialog->findChildren<QListWidget *>()) {
            if (list->accessibleName() == QStringLiteral("Labels"))
                labels = list;
        }
        QVERIFY(labels);
        QCOMPARE(labels->count(), 1);
        QCOMPARE(labels->item(0)->text(), QStringLiteral("Blocker"));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("noLabelsHint")));
        clickRow(labels, 0);
        QTest::keyClick(labels, Qt::Key_Space);
        QCOMPARE(labels->item(0)->checkState(), Qt::Checked);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), kGuiWait);

        QTRY_COMPARE_WITH_TIMEOUT(card().data(CardModel::LabelNamesRole).toStringList(),
            QStringList {QStringLiteral("Blocker")}, kGuiWait);
        QCOMPARE(card().data(CardModel::LabelColorsRole).toList().value(0).value<QColor>(),
            QColor(QStringLiteral("#30a46c")));
        QCOMPARE(serverLabelsOfCard(), QStringList {serverLabels().first().id});
    }

    void renamedLabelShowsOnTheCardAtOnce()
    {
        QPointer<LabelsDialog> dialog = openLabels();
        QVERIFY(dialog);
        clickRow(dialog->list(), 0);
        QTest::mouseClick(dialog->renameButton(), Qt::LeftButton);
        QVERIFY(answerName(dialog, QStringLiteral("renameLabelName"), QStringLiteral("Blocked")));
        QTRY_COMPARE_WITH_TIMEOUT(card().data(CardModel::LabelNamesRole).toStringList(),
            QStringList {QStringLiteral("Blocked")}, kGuiWait);
        close(dialog);
    }

    void deletedLabelLeavesTheCardAfterAQuestion()
    {
        QPointer<LabelsDialog> dialog = openLabels();
        QVERIFY(dialog);
        clickRow(dialog->list(), 0);
        MessageBox::setNextAnswer(LabelsDialog::ConfirmDelete);
        QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
        // The question says how many cards lose it.
        QVERIFY2(MessageBox::lastText().contains(QStringLiteral("1 card")),
            qPrintable(MessageBox::lastText()));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->list()->count(), 0, kGuiWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            card().data(CardModel::LabelNamesRole).toStringList(), QStringList(), kGuiWait);
        QCOMPARE(serverLabels().size(), 0);
        QCOMPARE(serverLabelsOfCard(), QStringList());
        close(dialog);
    }

    void cleanupTestCase() { m_world.reset(); }
};

QTEST_MAIN(TestWindowLabels)
#include "test_window_labels.moc"
