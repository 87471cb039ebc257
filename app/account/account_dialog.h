#pragma once

#include "app/shell/backend.h"
#include "app/widgets/form_errors.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace corkboard::ui {

//! File ▸ Account…: my display name, my password and the devices I am signed in on (each can be
//! signed out; this one is marked).
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccountDialog(Backend *backend, QWidget *parent = nullptr);

    QLineEdit *nameField() const { return m_name; }
    QPushButton *saveNameButton() const { return m_saveName; }
    QLineEdit *currentPasswordField() const { return m_current; }
    QLineEdit *newPasswordField() const { return m_new; }
    QPushButton *changePasswordButton() const { return m_changePassword; }
    //! One row per signed-in device: device, last used; a "Sign out this device" button.
    QTableWidget *devices() const { return m_devices; }
    //! The error text under a field ("display_name", "current_password", "new_password").
    QString errorFor(const QString &wireName) const;

Q_SIGNALS:
    //! My name was saved; the window shows it.
    void accountChanged(const corkboard::User &account);

private:
    void saveName();
    void changePassword();
    void reloadDevices();
    void revoke(const QString &sessionId, const QString &device);

    Backend *m_backend;
    QLineEdit *m_name = nullptr;
    QPushButton *m_saveName = nullptr;
    QLabel *m_nameStatus = nullptr;
    FormErrors m_nameErrors;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_new = nullptr;
    QPushButton *m_changePassword = nullptr;
    QLabel *m_passwordStatus = nullptr;
    FormErrors m_passwordErrors;
    QTableWidget *m_devices = nullptr;
    QLabel *m_devicesStatus = nullptr;
};

} // namespace corkboard::ui
