#include "app/admin/admin_dialog.h"

#include "app/admin/backups_panel.h"
#include "app/shell/api_backend.h"
#include "app/widgets/message_box.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace corkboard::ui {

AdminDialog::AdminDialog(Backend *backend, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
{
    setWindowTitle(tr("Administration"));
    setObjectName(QStringLiteral("adminDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *tabs = new QTabWidget(this);
    m_users = new QTableWidget(0, 4, tabs);
    m_users->setAccessibleName(tr("People"));
    m_users->setHorizontalHeaderLabels({tr("Name"), tr("E-mail"), tr("Role"), tr("Disabled")});
    m_users->horizontalHeader()->setStretchLastSection(true);
    m_users->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tabs->addTab(m_users, tr("People"));

    auto *invitesPage = new QWidget(tabs);
    auto *il = new QVBoxLayout(invitesPage);
    m_invites = new QTableWidget(0, 4, invitesPage);
    m_invites->setObjectName(QStringLiteral("invites"));
    m_invites->setAccessibleName(tr("Invites"));
    m_invites->setHorizontalHeaderLabels({tr("Code"), tr("Role"), tr("Expires"), QString()});
    m_invites->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_invites->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_invites->setEditTriggers(QAbstractItemView::NoEditTriggers);
    il->addWidget(m_invites);
    auto *row = new QHBoxLayout;
    auto *role = new QComboBox(invitesPage);
    role->setAccessibleName(tr("Role for the invite"));
    role->addItem(tr("Member"), QStringLiteral("member"));
    role->addItem(tr("Administrator"), QStringLiteral("admin"));
    auto *create = new QPushButton(tr("&New invite"), invitesPage);
    row->addWidget(role);
    row->addWidget(create);
    row->addStretch(1);
    il->addLayout(row);
    tabs->addTab(invitesPage, tr("Invites"));
    if (auto *api = qobject_cast<ApiBackend *>(backend))
        tabs->addTab(new BackupsPanel(api->api(), tabs), tr("Backups"));
    connect(create, &QPushButton::clicked, this, [this, role] {
        m_backend->createInvite(
            this, role->currentData().toString(), [this](const Outcome<Invite> &r) {
                if (!r.ok()) {
                    m_status->setText(r.error.message);
                    return;
                }
                m_codes.insert(r.value->codePrefix, r.value->code);
                QApplication::clipboard()->setText(r.value->code);
                m_status->setText(tr("Invite code %1 copied to the clipboard.").arg(r.value->code));
                reload();
            });
    });

    layout->addWidget(tabs, 1);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(600, 420);
    reload();
}

void AdminDialog::reload()
{
    m_backend->listPeople(this, [this](const Outcome<QList<UserSummary>> &r) {
        if (!r.ok()) {
            m_status->setText(r.error.message);
            return;
        }
        m_users->setRowCount(0);
        for (const UserSummary &p : *r.value) {
            const int row = m_users->rowCount();
            m_users->insertRow(row);
            m_users->setItem(row, 0, new QTableWidgetItem(p.displayName));
            m_users->setItem(row, 1, new QTableWidgetItem(p.email));
            auto *role = new QComboBox(m_users);
            role->setAccessibleName(tr("Role of %1").arg(p.displayName));
            role->addItem(tr("Member"), QStringLiteral("member"));
            role->addItem(tr("Administrator"), QStringLiteral("admin"));
            role->setCurrentIndex(p.role.value_or(QString()) == QLatin1String("admin") ? 1 : 0);
            auto *disabled = new QCheckBox(m_users);
            disabled->setAccessibleName(tr("%1 disabled").arg(p.displayName));
            disabled->setChecked(p.disabled.value_or(false));
            auto send = [this, role, disabled, id = p.id] {
                m_backend->setUserRole(this, id, role->currentData().toString(),
                    disabled->isChecked(), [this](const Outcome<User> &res) {
                        m_status->setText(res.ok() ? QString() : res.error.message);
                    });
            };
            connect(role, &QComboBox::activated, this, send);
            connect(disabled, &QCheckBox::clicked, this, send);
            m_users->setCellWidget(row, 2, role);
            m_users->setCellWidget(row, 3, disabled);
        }
    });
    m_backend->listInvites(this, [this](const Outcome<QList<Invite>> &r) {
        if (!r.ok())
            return;
        m_invites->setRowCount(0);
        for (const Invite &i : *r.value) {
            const int row = m_invites->rowCount();
            m_invites->insertRow(row);
            const QString known = i.code.isEmpty() ? m_codes.value(i.codePrefix) : i.code;
            auto *code
                = new QTableWidgetItem(known.isEmpty() ? tr("%1…").arg(i.codePrefix) : known);
            code->setToolTip(
                known.isEmpty() ? tr("Only the first characters are kept on the server.") : known);
            m_invites->setItem(row, 0, code);
            auto *revoke = new QPushButton(tr("Revoke"), m_invites);
            revoke->setAccessibleName(tr("Revoke invite %1").arg(i.codePrefix));
            revoke->setEnabled(!i.usedAt.isValid());
            connect(revoke, &QPushButton::clicked, this,
                [this, prefix = i.codePrefix] { revokeInvite(prefix); });
            m_invites->setCellWidget(row, 3, revoke);
            m_invites->setItem(row, 1, new QTableWidgetItem(i.role));
            m_invites->setItem(row, 2,
                new QTableWidgetItem(
                    QLocale().toString(i.expiresAt.toLocalTime(), QLocale::ShortFormat)));
        }
    });
}

void AdminDialog::revokeInvite(const QString &prefix)
{
    const QString code = m_codes.value(prefix);
    if (!code.isEmpty()) {
        MessageBox::ask(this, tr("Revoke invite"),
            tr("Revoke the invite %1? Nobody can register with it any more.").arg(code), QString(),
            {{ConfirmRevoke, tr("&Revoke"), QMessageBox::DestructiveRole},
                {CancelRevoke, tr("&Cancel"), QMessageBox::RejectRole}},
            [self = QPointer<AdminDialog>(this), code](int choice) {
                if (self && choice == ConfirmRevoke)
                    self->sendRevoke(code);
            });
        return;
    }
    // The server keeps only a hash of the code: withdrawing it takes the whole code.
    auto *input = new QInputDialog(this);
    input->setObjectName(QStringLiteral("inviteCode"));
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowTitle(tr("Revoke invite"));
    input->setLabelText(
        tr("To revoke the invite %1…, paste its whole code (it was copied when the invite was "
           "made):")
            .arg(prefix));
    input->setOkButtonText(tr("&Revoke"));
    connect(input, &QInputDialog::textValueSelected, this, [this, prefix](const QString &text) {
        const QString whole = text.trimmed();
        if (!whole.startsWith(prefix)) {
            m_status->setText(tr("That is not the code of the invite %1….").arg(prefix));
            return;
        }
        sendRevoke(whole);
    });
    input->open();
}

void AdminDialog::sendRevoke(const QString &code)
{
    m_backend->deleteInvite(this, code, [this, code](const Outcome<Nothing> &r) {
        if (!r.ok()) {
            m_status->setText(tr("Could not revoke the invite: %1").arg(r.error.message));
            return;
        }
        m_status->setText(tr("Invite %1 revoked.").arg(code));
        reload();
    });
}

} // namespace corkboard::ui
