#pragma once

#include <QList>
#include <QMessageBox>
#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace corkboard::ui {

//! Every message and question of the app goes through here. Boxes open window-modal with
//! open() (never exec(): no nested event loop) and answer through a callback. Tests call
//! setNextAnswer() so the next question answers itself without showing anything.
class MessageBox
{
public:
    struct Choice
    {
        int id;
        QString text;
        QMessageBox::ButtonRole role = QMessageBox::AcceptRole;
    };

    static void information(QWidget *parent, const QString &title, const QString &text);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    //! Asks; `answered(id)` runs later with the chosen Choice::id (or -1 when dismissed).
    static void ask(QWidget *parent, const QString &title, const QString &text,
        const QString &details, const QList<Choice> &choices, std::function<void(int)> answered);

    //! Test seam: the next ask() answers `id` without showing a box.
    static void setNextAnswer(int id);
    //! The text of the last message or question, for tests.
    static QString lastText();
    //! Test seam: information/warning boxes are recorded but not shown.
    static void setSilent(bool silent);

private:
    static void show(
        QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text);
};

} // namespace corkboard::ui
