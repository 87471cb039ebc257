#include "app/account/account_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace corkboard::ui {

namespace {
QLabel *statusLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}
} // namespace

AccountDialog::AccountDialog(Backend *backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
{
    setObjectName(QStringLiteral("account"));
    setWindowTitle(tr("Account"));
    auto *layout = new QVBoxLayout(this);

    // Name
    auto *nameBox = new QGroupBox(tr("Name"), this);
    auto *nameForm = new QFormLayout(nameBox);
    m_name = new QLineEdit(nameBox);
    m_name->setObjectName(QStringLiteral("accountName"));
    if (const auto me = backend->account())
        m_name->setText(me->displayName);
    m_nameErrors.addRow(nameForm, tr("Display &name:"), m_name, QStringLiteral("display_name"));
    m_nameStatus = statusLabel(nameBox, QStringLiteral("nameStatus"));
    m_nameErrors.setGeneralLabel(m_nameStatus);
    nameForm->addRow(m_nameStatus);
    m_saveName = new QPushButton(tr("Save &name"), nameBox);
    m_saveName->setAccessibleName(tr("Save name"));
    nameForm->addRow(m_saveName);
    connect(m_saveName, &QPushButton::clicked, this, &AccountDialog::saveName);
    connect(m_name, &QLineEdit::returnPressed, this, &AccountDialog::saveName);
    layout->addWidget(nameBox);

    // Password
    auto *passwordBox = new QGroupBox(tr("Password"), this);
    auto *passwordForm = new QFormLayout(passwordBox);
    m_current = new QLineEdit(passwordBox);
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_current->setEchoMode(QLineEdit::Password);
    m_new = new QLineEdit(passwordBox);
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_new->setEchoMode(QLineEdit::Password);
    m_new->setPlaceholderText(tr("at least 10 characters"));
    m_passwordErrors.addRow(
        passwordForm, tr("&Current password:"), m_current, QStringLiteral("current_password"));
    m_passwordErrors.addRow(
        passwordForm, tr("Ne&w password:"), m_new, QStringLiteral("new_password"));
    m_passwordStatus = statusLabel(passwordBox, QStringLiteral("passwordStatus"));
    m_passwordErrors.setGeneralLabel(m_passwordStatus);
    passwordForm->addRow(m_passwordStatus);
    m_changePassword = new QPushButton(tr("Change &password"), passwordBox);
    m_changePassword->setAccessibleName(tr("Change password"));
    passwordForm->addRow(m_changePassword);
    connect(m_changePassword, &QPushButton::clicked, this, &AccountDialog::changePassword);
    connect(m_new, &QLineEdit::returnPressed, this, &AccountDialog::changePassword);
    layout->addWidget(passwordBox);

    // Devices
    auto *devicesBox = new QGroupBox(tr("Signed-in devices"), this);
    auto *devicesLayout = new QVBoxLayout(devicesBox);
    m_devices = new QTableWidget(0, 3, devicesBox);
    m_devices->setObjectName(QStringLiteral("devices"));
    m_devices->setAccessibleName(tr("Signed-in devices"));
    m_devices->setHorizontalHeaderLabels({tr("Device"), tr("Last used"), QString()});
    m_devices->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_devices->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_devices->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_devices->verticalHeader()->hide();
    m_devices->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_devices->setSelectionMode(QAbstractItemView::NoSelection);
    m_devices->setTextElideMode(Qt::ElideMiddle);
    devicesLayout->addWidget(m_devices);
    m_devicesStatus = statusLabel(devicesBox, QStringLiteral("devicesStatus"));
    devicesLayout->addWidget(m_devicesStatus);
    layout->addWidget(devicesBox, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 560);
    reloadDevices();
}

QString AccountDialog::errorFor(const QString &wireName) const
{
    const QString name = m_nameErrors.errorFor(wireName);
    return name.isEmpty() ? m_passwordErrors.errorFor(wireName) : name;
}

void AccountDialog::saveName()
{
    const QString name = m_name->text().trimmed();
    m_nameErrors.clear();
    m_nameStatus->clear();
    m_saveName->setEnabled(false);
    m_backend->updateMyName(this, name, [this](const Outcome<User> &r) {
        m_saveName->setEnabled(true);
        if (!r.ok()) {
            m_nameErrors.show(r.error);
            return;
        }
        m_name->setText(r.value->displayName);
        m_nameStatus->setText(tr("Saved. Others now see you as %1.").arg(r.value->displayName));
        m_nameStatus->setVisible(true);
        Q_EMIT accountChanged(*r.value);
    });
}

void AccountDialog::changePassword()
{
    m_passwordErrors.clear();
    m_passwordStatus->clear();
    m_changePassword->setEnabled(false);
    m_backend->changePassword(
        this, m_current->text(), m_new->text(), [this](const Outcome<Nothing> &r) {
            m_changePassword->setEnabled(true);
            if (!r.ok()) {
                m_passwordErrors.show(r.error);
                return;
            }
            m_current->clear();
            m_new->clear();
            m_passwordStatus->setText(tr(
                "Password changed. Your other devices are signed out and need the new password."));
            m_passwordStatus->setVisible(true);
            reloadDevices();
        });
}

void AccountDialog::reloadDevices()
{
    m_devicesStatus->setText(tr("Loading…"));
    m_backend->listSessions(this, [this](const Outcome<QList<Session>> &r) {
        if (!r.ok()) {
            m_devicesStatus->setText(tr("Could not load your devices: %1").arg(r.error.message));
            return;
        }
        m_devicesStatus->clear();
        m_devices->setRowCount(0);
        for (const Session &s : *r.value) {
            const int row = m_devices->rowCount();
            m_devices->insertRow(row);
            const QString device = s.device.isEmpty() ? tr("Unknown device") : s.device;
            auto *name
                = new QTableWidgetItem(s.current ? tr("%1 (this device)").arg(device) : device);
            name->setToolTip(device);
            name->setData(Qt::UserRole, s.id);
            if (s.current) {
                QFont bold = name->font();
                bold.setBold(true);
                name->setFont(bold);
            }
            m_devices->setItem(row, 0, name);
            m_devices->setItem(row, 1, new QTableWidgetItem(when(s.lastUsedAt)));
            auto *signOut = new QPushButton(tr("Sign out this device"), m_devices);
            signOut->setAccessibleName(tr("Sign out %1").arg(device));
            if (s.current) {
                signOut->setEnabled(false);
                signOut->setToolTip(tr("To sign out here, use File ▸ Sign out."));
            }
            const QString id = s.id;
            connect(
                signOut, &QPushButton::clicked, this, [this, id, device] { revoke(id, device); });
            m_devices->setCellWidget(row, 2, signOut);
        }
        if (r.value->isEmpty())
            m_devicesStatus->setText(tr("No signed-in devices."));
    });
}

void AccountDialog::revoke(const QString &sessionId, const QString &device)
{
    m_backend->revokeSession(this, sessionId, [this, sessionId, device](const Outcome<Nothing> &r) {
        if (!r.ok()) {
            m_devicesStatus->setText(tr("Could not sign out %1: %2").arg(device, r.error.message));
            return;
        }
        for (int row = 0; row < m_devices->rowCount(); ++row) {
            if (m_devices->item(row, 0)->data(Qt::UserRole).toString() == sessionId) {
                m_devices->removeRow(row);
                break;
            }
        }
        m_devicesStatus->setText(tr("%1 is signed out.").arg(device));
    });
}

} // namespace corkboard::ui
