#pragma once

#include "app/shell/backend.h"

#include <QDialog>
#include <QHash>

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
    //! Code (prefix unless created here), role, expiry and a Revoke button per invite.
    QTableWidget *invites() const { return m_invites; }

    enum RevokeChoice
    {
        ConfirmRevoke = 1,
        CancelRevoke
    };

private:
    void reload();
    //! Revoke for the invite listed as `prefix`: asks (or, when this dialog did not create it,
    //! asks for the whole code — the server keeps only a hash and the first characters).
    void revokeInvite(const QString &prefix);
    void sendRevoke(const QString &code);

    Backend *m_backend;
    QTableWidget *m_users = nullptr;
    QTableWidget *m_invites = nullptr;
    QLabel *m_status = nullptr;
    QHash<QString, QString> m_codes; //!< prefix → whole code, of invites created here
};

} // namespace corkboard::ui
