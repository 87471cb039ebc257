#include "app/admin/admin_dialog.h"

#include "app/admin/backups_panel.h"
#include "app/shell/api_backend.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
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
    m_invites = new QTableWidget(0, 3, invitesPage);
    m_invites->setAccessibleName(tr("Invites"));
    m_invites->setHorizontalHeaderLabels({tr("Code"), tr("Role"), tr("Expires")});
    m_invites->horizontalHeader()->setStretchLastSection(true);
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
            m_invites->setItem(
                row, 0, new QTableWidgetItem(i.code.isEmpty() ? i.codePrefix : i.code));
            m_invites->setItem(row, 1, new QTableWidgetItem(i.role));
            m_invites->setItem(row, 2,
                new QTableWidgetItem(
                    QLocale().toString(i.expiresAt.toLocalTime(), QLocale::ShortFormat)));
        }
    });
}

} // namespace corkboard::ui
