#include "app/widgets/message_box.h"

#include <QPushButton>
#include <QTimer>

#include <algorithm>

namespace corkboard::ui {

namespace {
std::optional<int> g_nextAnswer;
QString g_lastText;
bool g_silent = false;
} // namespace

void MessageBox::setNextAnswer(int id)
{
    g_nextAnswer = id;
}

QString MessageBox::lastText()
{
    return g_lastText;
}

void MessageBox::setSilent(bool silent)
{
    g_silent = silent;
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Information, title, text);
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, QMessageBox::Warning, title, text);
}

void MessageBox::show(
    QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    g_lastText = text;
    if (g_silent)
        return;
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setTextFormat(Qt::PlainText); // names and titles in the text are people's text
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setAccessibleName(title);
    box->open();
}

void MessageBox::ask(QWidget *parent, const QString &title, const QString &text,
    const QString &details, const QList<Choice> &choices, std::function<void(int)> answered)
{
    g_lastText = text;
    if (g_nextAnswer) {
        const int id = *g_nextAnswer;
        g_nextAnswer.reset();
        QTimer::singleShot(0, [answered = std::move(answered), id] { answered(id); });
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setAccessibleName(title);
    if (!details.isEmpty())
        box->setDetailedText(details);
    auto ids = std::make_shared<QHash<QAbstractButton *, int>>();
    const bool destructive = std::any_of(choices.begin(), choices.end(),
        [](const Choice &c) { return c.role == QMessageBox::DestructiveRole; });
    for (const Choice &c : choices) {
        QPushButton *button = box->addButton(c.text, c.role);
        ids->insert(button, c.id);
        // A question that destroys something never does it on a reflexive Enter.
        if (destructive && c.role == QMessageBox::RejectRole)
            box->setDefaultButton(button);
    }
    QObject::connect(box, &QMessageBox::finished, box, [box, ids, answered = std::move(answered)] {
        answered(ids->value(box->clickedButton(), -1));
    });
    box->open();
}

} // namespace corkboard::ui
