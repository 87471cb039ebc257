#include "tests/support/card_dialog_steps.h"

#include "app/cards/card_detail_dialog.h"
#include "tests/support/gui_world.h"

#include <QListWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

namespace corkboard::test {

void clickTab(QDialog *dialog, const QString &text)
{
    auto *bar = dialog->findChild<QTabWidget *>()->findChild<QTabBar *>();
    for (int i = 0; i < bar->count(); ++i) {
        if (bar->tabText(i).remove(QLatin1Char('&')) == text)
            QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
    }
}

QPoint rowCenter(QListWidget *list, int row)
{
    return list->visualItemRect(list->item(row)).center();
}

QStringList texts(QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

bool closeCard(QPointer<ui::CardDetailDialog> &dialog)
{
    if (!dialog)
        return true;
    QTest::keyClick(dialog, Qt::Key_Escape);
    return QTest::qWaitFor([&dialog] { return !dialog || !dialog->isVisible(); }, kGuiWait);
}

QStringList serverChecklist(ui::Backend *backend, const QString &cardId)
{
    const auto detail = awaitCall<CardDetail>(
        [&](QObject *ctx, ui::Callback<CardDetail> done) { backend->loadCard(ctx, cardId, done); });
    QStringList out;
    if (detail.ok()) {
        for (const ChecklistItem &item : detail.value->checklist)
            out << item.text;
    }
    return out;
}

QStringList serverComments(ui::Backend *backend, const QString &cardId)
{
    const auto comments
        = awaitCall<QList<Comment>>([&](QObject *ctx, ui::Callback<QList<Comment>> done) {
              backend->listComments(ctx, cardId, done);
          });
    QStringList out;
    if (comments.ok()) {
        for (const Comment &c : *comments.value)
            out << c.body;
    }
    return out;
}

} // namespace corkboard::test
