#include "app/boards/members_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace corkboard::ui {

namespace {
QStringList boardRoles()
{
    return {QStringLiteral("owner"), QStringLiteral("editor"), QStringLiteral("viewer")};
}

QString roleName(const QString &role)
{
    if (role == QLatin1String("owner"))
        return MembersDialog::tr("Owner");
    if (role == QLatin1String("editor"))
        return MembersDialog::tr("Editor");
    return MembersDialog::tr("Viewer");
}
} // namespace

MembersDialog::MembersDialog(Backend *backend, const QString &boardId, QWidget *parent)
    : QDialog(parent)
    , m_backend(backend)
    , m_boardId(boardId)
{
    setWindowTitle(tr("Members and sharing"));
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 3, this);
    m_table->setAccessibleName(tr("Members"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("E-mail"), tr("Role")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_table);

    auto *add = new QHBoxLayout;
    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("E-mail or name of a person to add"));
    m_find->setAccessibleName(tr("Person to add"));
    m_role = new QComboBox(this);
    m_role->setAccessibleName(tr("Role"));
    for (const QString &r : boardRoles())
        m_role->addItem(roleName(r), r);
    m_role->setCurrentIndex(1);
    auto *addButton = new QPushButton(tr("&Add"), this);
    add->addWidget(m_find, 1);
    add->addWidget(m_role);
    add->addWidget(addButton);
    layout->addLayout(add);
    connect(addButton, &QPushButton::clicked, this, &MembersDialog::addPerson);

    auto *remove = new QPushButton(tr("&Remove selected"), this);
    layout->addWidget(remove, 0, Qt::AlignLeft);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        const QString userId = m_table->item(row, 0)->data(Qt::UserRole).toString();
        m_backend->removeMember(this, m_boardId, userId, [this](const Outcome<Nothing> &r) {
            m_status->setText(r.ok() ? QString() : r.error.message);
            reload();
        });
    });
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 380);
    reload();
}

void MembersDialog::reload()
{
    m_status->setText(tr("Loading…"));
    // Members carry names and roles; their e-mails come from the directory.
    m_backend->findUsers(this, QString(), [this](const Outcome<QList<UserSummary>> &r) {
        if (!r.ok())
            return;
        for (const UserSummary &u : *r.value)
            m_emails.insert(u.id, u.email);
        for (int row = 0; row < m_table->rowCount(); ++row) {
            const QString id = m_table->item(row, 0)->data(Qt::UserRole).toString();
            m_table->setItem(row, 1, new QTableWidgetItem(m_emails.value(id)));
        }
    });
    m_backend->listMembers(this, m_boardId, [this](const Outcome<QList<BoardMember>> &r) {
        m_status->setText(r.ok() ? QString() : r.error.message);
        if (!r.ok())
            return;
        m_table->setRowCount(0);
        for (const BoardMember &p : *r.value) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            auto *name = new QTableWidgetItem(p.displayName);
            name->setData(Qt::UserRole, p.userId);
            m_table->setItem(row, 0, name);
            m_table->setItem(row, 1, new QTableWidgetItem(m_emails.value(p.userId)));
            auto *role = new QComboBox(m_table);
            role->setAccessibleName(tr("Role of %1").arg(p.displayName));
            for (const QString &r2 : boardRoles())
                role->addItem(roleName(r2), r2);
            role->setCurrentIndex(int(boardRoles().indexOf(p.role)));
            connect(role, &QComboBox::activated, this, [this, role, id = p.userId] {
                m_backend->setMemberRole(this, m_boardId, id, role->currentData().toString(),
                    [this](const Outcome<BoardMember> &res) {
                        m_status->setText(res.ok() ? QString() : res.error.message);
                        if (!res.ok())
                            reload();
                    });
            });
            m_table->setCellWidget(row, 2, role);
        }
    });
}

void MembersDialog::addPerson()
{
    const QString query = m_find->text().trimmed();
    if (query.isEmpty())
        return;
    m_backend->findUsers(this, query, [this](const Outcome<QList<UserSummary>> &r) {
        if (!r.ok() || r.value->isEmpty()) {
            m_status->setText(
                r.ok() ? tr("Nobody found with that name or e-mail.") : r.error.message);
            return;
        }
        const UserSummary person = r.value->first();
        m_emails.insert(person.id, person.email);
        m_backend->setMemberRole(this, m_boardId, person.id, m_role->currentData().toString(),
            [this](const Outcome<BoardMember> &res) {
                m_status->setText(res.ok() ? QString() : res.error.message);
                m_find->clear();
                reload();
            });
    });
}

} // namespace corkboard::ui
