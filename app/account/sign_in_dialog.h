#pragma once

#include "app/shell/backend.h"
#include "app/widgets/form_errors.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace corkboard::ui {

//! Sign in, or create an account (the first one on a new server, or with an invite code).
//! Works without blocking: the buttons send, the answer arrives later; field errors from the
//! server appear under the fields.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        FirstAccount,
        SignInOrRegister
    };

    SignInDialog(Backend *backend, Mode mode, QWidget *parent = nullptr);

    QLineEdit *emailField() const { return m_regEmail; }
    QLineEdit *passwordField() const { return m_regPassword; }
    QLineEdit *nameField() const { return m_regName; }
    QLineEdit *inviteField() const { return m_invite; }
    QLineEdit *signInEmailField() const { return m_email; }
    QLineEdit *signInPasswordField() const { return m_password; }
    QPushButton *registerButton() const { return m_registerButton; }
    QPushButton *signInButton() const { return m_signInButton; }
    const FormErrors &registerErrors() const { return m_registerErrors; }
    const FormErrors &signInErrors() const { return m_signInErrors; }
    void showRegisterTab();

Q_SIGNALS:
    void signedIn(const corkboard::User &account);

private:
    void submitSignIn();
    void submitRegister();
    void setBusy(bool busy);

    Backend *m_backend;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_regName = nullptr;
    QLineEdit *m_regEmail = nullptr;
    QLineEdit *m_regPassword = nullptr;
    QLineEdit *m_invite = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_registerButton = nullptr;
    QLabel *m_busy = nullptr;
    FormErrors m_signInErrors;
    FormErrors m_registerErrors;
};

} // namespace corkboard::ui
