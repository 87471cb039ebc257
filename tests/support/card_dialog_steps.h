#pragma once
// What the card-dialog GUI tests do and read again and again: choose a tab with the mouse, find
// a list row, read a list, close the card with Escape, and ask the server (through a person's
// typed client) what a card's checklist and comments are now.
#include <QPointer>
#include <QStringList>

class QDialog;
class QListWidget;
class QPoint;

namespace corkboard::ui {
class Backend;
class CardDetailDialog;
} // namespace corkboard::ui

namespace corkboard::test {

//! Clicks the tab whose text (without '&') is `text`.
void clickTab(QDialog *dialog, const QString &text);
QPoint rowCenter(QListWidget *list, int row);
//! Every row's text, top to bottom.
QStringList texts(QListWidget *list);
//! Presses Escape on the card; true once it is gone or hidden.
bool closeCard(QPointer<ui::CardDetailDialog> &dialog);
//! The card's checklist texts and comment bodies as the server has them now (empty on failure).
QStringList serverChecklist(ui::Backend *backend, const QString &cardId);
QStringList serverComments(ui::Backend *backend, const QString &cardId);

} // namespace corkboard::test
