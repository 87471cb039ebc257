#pragma once

#include "app/shell/backend.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace corkboard::ui {

//! For server admins: people (role, disabled) and invites (create, see codes).
class AdminDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AdminDialog(Backend *backend, QWidget *parent = nullptr);

    //! Name, e-mail, role (combo box) and disabled (check box) per person.
    QTableWidget *people() const { return m_users; }

private:
    void reload();

    Backend *m_backend;
    QTableWidget *m_users = nullptr;
    QTableWidget *m_invites = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace corkboard::ui
