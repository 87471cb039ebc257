#include "app/account/sign_in_dialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace corkboard::ui {

namespace {
QLabel *generalErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setVisible(false);
    label->setObjectName(QStringLiteral("generalError"));
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xc9, 0x30, 0x2c));
    label->setPalette(pal);
    return label;
}
} // namespace

SignInDialog::SignInDialog(Backend *backend, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
{
    setWindowTitle(mode == Mode::FirstAccount ? tr("Create your account") : tr("Sign in"));
    auto *layout = new QVBoxLayout(this);
    auto *server = new QLabel(tr("Server: %1").arg(backend->serverUrl()), this);
    server->setTextFormat(Qt::PlainText);
    server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(server);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);

    // Sign in
    auto *signInPage = new QWidget(m_tabs);
    auto *signInForm = new QFormLayout(signInPage);
    m_email = new QLineEdit(signInPage);
    m_email->setObjectName(QStringLiteral("signInEmail"));
    m_password = new QLineEdit(signInPage);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_signInErrors.addRow(signInForm, tr("&E-mail:"), m_email, QStringLiteral("email"));
    m_signInErrors.addRow(signInForm, tr("&Password:"), m_password, QStringLiteral("password"));
    QLabel *signInGeneral = generalErrorLabel(signInPage);
    signInForm->addRow(signInGeneral);
    m_signInErrors.setGeneralLabel(signInGeneral);
    m_signInButton = new QPushButton(tr("Sign in"), signInPage);
    m_signInButton->setDefault(true);
    signInForm->addRow(m_signInButton);
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::submitSignIn);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInDialog::submitSignIn);
    connect(m_email, &QLineEdit::returnPressed, this, &SignInDialog::submitSignIn);

    // Register
    auto *registerPage = new QWidget(m_tabs);
    auto *registerForm = new QFormLayout(registerPage);
    m_regName = new QLineEdit(registerPage);
    m_regName->setObjectName(QStringLiteral("registerName"));
    m_regEmail = new QLineEdit(registerPage);
    m_regEmail->setObjectName(QStringLiteral("registerEmail"));
    m_regPassword = new QLineEdit(registerPage);
    m_regPassword->setObjectName(QStringLiteral("registerPassword"));
    m_regPassword->setEchoMode(QLineEdit::Password);
    m_regPassword->setPlaceholderText(tr("at least 10 characters"));
    m_invite = new QLineEdit(registerPage);
    m_invite->setObjectName(QStringLiteral("registerInvite"));
    m_registerErrors.addRow(registerForm, tr("&Name:"), m_regName, QStringLiteral("display_name"));
    m_registerErrors.addRow(registerForm, tr("E-&mail:"), m_regEmail, QStringLiteral("email"));
    m_registerErrors.addRow(
        registerForm, tr("Pass&word:"), m_regPassword, QStringLiteral("password"));
    if (mode == Mode::SignInOrRegister)
        m_registerErrors.addRow(
            registerForm, tr("&Invite code:"), m_invite, QStringLiteral("invite_code"));
    else
        m_invite->hide();
    QLabel *registerGeneral = generalErrorLabel(registerPage);
    registerForm->addRow(registerGeneral);
    m_registerErrors.setGeneralLabel(registerGeneral);
    m_registerButton = new QPushButton(
        mode == Mode::FirstAccount ? tr("Create account and start") : tr("Create account"),
        registerPage);
    registerForm->addRow(m_registerButton);
    connect(m_registerButton, &QPushButton::clicked, this, &SignInDialog::submitRegister);
    // Enter in any field submits, as on the sign-in page (errors then show next to the fields).
    for (QLineEdit *field : {m_regName, m_regEmail, m_regPassword, m_invite})
        connect(field, &QLineEdit::returnPressed, this, &SignInDialog::submitRegister);

    if (mode == Mode::FirstAccount) {
        signInPage->hide();
        m_tabs->addTab(registerPage, tr("Create account"));
        m_tabs->tabBar()->hide();
        auto *hint = new QLabel(
            tr("This account will be the administrator of the boards on this computer."), this);
        hint->setWordWrap(true);
        layout->insertWidget(1, hint);
    } else {
        m_tabs->addTab(signInPage, tr("Sign in"));
        m_tabs->addTab(registerPage, tr("Create account"));
    }
    m_busy = new QLabel(tr("Please wait…"), this);
    m_busy->setVisible(false);
    layout->addWidget(m_busy);
    resize(420, sizeHint().height());
}

void SignInDialog::showRegisterTab()
{
    m_tabs->setCurrentIndex(m_tabs->count() - 1);
}

void SignInDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_signInButton->setEnabled(!busy);
    m_registerButton->setEnabled(!busy);
}

void SignInDialog::submitSignIn()
{
    m_signInErrors.clear();
    setBusy(true);
    m_backend->signIn(
        this, m_email->text().trimmed(), m_password->text(), [this](const Outcome<User> &result) {
            setBusy(false);
            if (!result.ok()) {
                m_signInErrors.show(result.error);
                return;
            }
            m_password->clear();
            Q_EMIT signedIn(*result.value);
            accept();
        });
}

void SignInDialog::submitRegister()
{
    m_registerErrors.clear();
    setBusy(true);
    m_backend->registerAccount(this, m_regEmail->text().trimmed(), m_regPassword->text(),
        m_regName->text().trimmed(), m_invite->text().trimmed(),
        [this](const Outcome<User> &result) {
            setBusy(false);
            if (!result.ok()) {
                m_registerErrors.show(result.error);
                return;
            }
            m_regPassword->clear();
            Q_EMIT signedIn(*result.value);
            accept();
        });
}

} // namespace corkboard::ui
