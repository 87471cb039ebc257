#include "app/cards/text_edit_dialog.h"

#include "app/widgets/message_box.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace corkboard::ui {

TextEditDialog::TextEditDialog(const QString &title, const QString &text, QWidget *parent)
    : QDialog(parent)
    , m_original(text)
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    m_editor = new QPlainTextEdit(this);
    m_editor->setAccessibleName(title);
    m_editor->setPlainText(text);
    m_editor->setTabChangesFocus(true);
    m_editor->installEventFilter(this);
    layout->addWidget(m_editor, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("textEditStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setToolTip(tr("Save (Ctrl+Enter)"));
    connect(m_save, &QPushButton::clicked, this, &TextEditDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &TextEditDialog::reject);
    layout->addWidget(buttons);
    resize(420, 220);
    m_editor->setFocus();
    m_editor->moveCursor(QTextCursor::End);
}

QString TextEditDialog::text() const
{
    return m_editor->toPlainText().trimmed();
}

bool TextEditDialog::isChanged() const
{
    return text() != m_original.trimmed();
}

void TextEditDialog::submit()
{
    if (!isChanged()) {
        QDialog::accept();
        return;
    }
    m_save->setEnabled(false);
    m_status->setVisible(false);
    Q_EMIT submitted(text());
}

void TextEditDialog::finished()
{
    m_original = text();
    QDialog::accept();
}

void TextEditDialog::refused(const QString &why)
{
    m_save->setEnabled(true);
    m_status->setText(why);
    m_status->setVisible(true);
}

void TextEditDialog::reject()
{
    if (!isChanged()) {
        QDialog::reject();
        return;
    }
    MessageBox::ask(this, tr("Unsaved changes"),
        tr("Your changes to this text are not saved yet. Save them before closing?"), QString(),
        {{SaveText, tr("&Save"), QMessageBox::AcceptRole},
            {DiscardText, tr("&Discard"), QMessageBox::DestructiveRole},
            {KeepEditingText, tr("&Cancel"), QMessageBox::RejectRole}},
        [self = QPointer<TextEditDialog>(this)](int choice) {
            if (!self)
                return;
            if (choice == SaveText)
                self->submit();
            else if (choice == DiscardText)
                self->QDialog::reject();
        });
}

bool TextEditDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ControlModifier)) {
            submit();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace corkboard::ui
