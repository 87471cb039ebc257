#pragma once

#include "app/shell/backend.h"

#include <QHash>
#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace corkboard::ui {

//! Shows the server's field errors right under the fields they belong to, and the rest of the
//! message in a line at the bottom of the form.
class FormErrors
{
public:
    //! Adds `field` as a row of `form` with an (initially hidden) error line under it.
    void addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &wireName);
    void setGeneralLabel(QLabel *label) { m_general = label; }

    void show(const UiError &error);
    void clear();
    //! The error text shown under a field (empty when none); for tests.
    QString errorFor(const QString &wireName) const;
    QLabel *errorLabel(const QString &wireName) const { return m_labels.value(wireName); }

private:
    QHash<QString, QLabel *> m_labels;
    QHash<QString, QWidget *> m_fields;
    QLabel *m_general = nullptr;
};

} // namespace corkboard::ui
