#pragma once

#include "app/shell/backend.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace corkboard::ui {

//! Who is on a board and with which role (owner, editor, viewer); add people from the
//! directory, change roles, remove.
class MembersDialog : public QDialog
{
    Q_OBJECT
public:
    MembersDialog(Backend *backend, const QString &boardId, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    void reload();
    void addPerson();

    Backend *m_backend;
    QString m_boardId;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_find = nullptr;
    QComboBox *m_role = nullptr;
    QLabel *m_status = nullptr;
    QHash<QString, QString> m_emails; //!< user id → e-mail, from the directory
};

} // namespace corkboard::ui
