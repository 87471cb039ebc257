#include "app/widgets/form_errors.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace corkboard::ui {

void FormErrors::addRow(
    QFormLayout *form, const QString &label, QWidget *field, const QString &wireName)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    auto *error = new QLabel(box);
    error->setTextFormat(Qt::PlainText);
    error->setObjectName(wireName + QLatin1String("Error"));
    error->setWordWrap(true);
    error->setVisible(false);
    QPalette pal = error->palette();
    pal.setColor(QPalette::WindowText, QColor(0xc9, 0x30, 0x2c));
    error->setPalette(pal);
    layout->addWidget(error);
    form->addRow(label, box);
    field->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    m_labels.insert(wireName, error);
    m_fields.insert(wireName, field);
}

void FormErrors::show(const UiError &error)
{
    clear();
    QStringList rest;
    bool focused = false;
    for (auto it = error.fieldErrors.begin(); it != error.fieldErrors.end(); ++it) {
        QLabel *label = m_labels.value(it.key());
        if (!label) {
            rest << it.value();
            continue;
        }
        label->setText(it.value());
        label->setVisible(true);
        QWidget *field = m_fields.value(it.key());
        field->setAccessibleDescription(it.value());
        if (!focused) {
            field->setFocus();
            focused = true;
        }
    }
    if (m_general) {
        if (error.fieldErrors.isEmpty() || !rest.isEmpty())
            m_general->setText(rest.isEmpty() ? error.message : rest.join(QLatin1Char('\n')));
        m_general->setVisible(!m_general->text().isEmpty());
    }
}

void FormErrors::clear()
{
    for (QLabel *label : std::as_const(m_labels)) {
        label->clear();
        label->setVisible(false);
    }
    for (QWidget *field : std::as_const(m_fields))
        field->setAccessibleDescription(QString());
    if (m_general) {
        m_general->clear();
        m_general->setVisible(false);
    }
}

QString FormErrors::errorFor(const QString &wireName) const
{
    QLabel *label = m_labels.value(wireName);
    return label && label->isVisibleTo(label->parentWidget()) ? label->text() : QString();
}

} // namespace corkboard::ui
