#include "server/features/transfer/transfer_repository.h"

#include "server/platform/database.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
QDateTime timeOf(const QVariant &v)
{
    return v.isNull() ? QDateTime() : fromRfc3339(v.toString());
}
} // namespace

std::optional<ImportPlan> TransferRepository::readBoard(const QString &boardId)
{
    ImportPlan plan;
    plan.source = QStringLiteral("corkboard");
    {
        SqlQuery q(m_db,
            QStringLiteral("SELECT name, description, archived, created_at, updated_at FROM boards "
                           "WHERE id = ?"));
        q.bind(0, boardId).exec();
        if (!q.next())
            return std::nullopt;
        plan.name = q.value(0).toString();
        plan.description = q.value(1).toString();
        plan.archived = q.value(2).toInt() != 0;
        plan.createdAt = timeOf(q.value(3));
        plan.updatedAt = timeOf(q.value(4));
    }
    {
        SqlQuery q(m_db,
            QStringLiteral("SELECT u.email, u.display_name, m.role FROM board_members m "
                           "JOIN users u ON u.id = m.user_id WHERE m.board_id = ? "
                           "ORDER BY u.email_normalized"));
        q.bind(0, boardId).exec();
        while (q.next())
            plan.members.append(
                {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    }
    {
        // rowid: the order the labels were made in.
        SqlQuery q(m_db,
            QStringLiteral("SELECT id, name, color FROM labels WHERE board_id = ? ORDER BY rowid"));
        q.bind(0, boardId).exec();
        while (q.next())
            plan.labels.append(
                {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    }
    QHash<QString, int> columnOrder;
    {
        SqlQuery q(m_db,
            QStringLiteral("SELECT id, name, wip_limit FROM board_columns WHERE board_id = ? "
                           "ORDER BY position"));
        q.bind(0, boardId).exec();
        while (q.next()) {
            ImportPlan::Column c;
            c.key = q.value(0).toString();
            c.name = q.value(1).toString();
            if (!q.value(2).isNull())
                c.wipLimit = q.value(2).toInt();
            columnOrder.insert(c.key, int(plan.columns.size()));
            plan.columns.append(c);
        }
    }
    QHash<QString, int> cardIndex;
    {
        SqlQuery q(m_db,
            QStringLiteral(
                "SELECT c.id, c.column_id, c.title, c.description, c.due_at, c.archived, "
                "coalesce(u.email, ''), c.created_at, c.updated_at FROM cards c "
                "JOIN board_columns col ON col.id = c.column_id "
                "LEFT JOIN users u ON u.id = c.created_by WHERE c.board_id = ? "
                "ORDER BY col.position, c.position"));
        q.bind(0, boardId).exec();
        while (q.next()) {
            ImportPlan::Card c;
            cardIndex.insert(q.value(0).toString(), int(plan.cards.size()));
            c.columnKey = q.value(1).toString();
            c.title = q.value(2).toString();
            c.description = q.value(3).toString();
            c.dueAt = timeOf(q.value(4));
            c.archived = q.value(5).toInt() != 0;
            c.createdByEmail = q.value(6).toString();
            c.createdAt = timeOf(q.value(7));
            c.updatedAt = timeOf(q.value(8));
            plan.cards.append(c);
        }
    }
    {
        SqlQuery q(m_db,
            QStringLiteral("SELECT cl.card_id, cl.label_id FROM card_labels cl "
                           "JOIN cards c ON c.id = cl.card_id JOIN labels l ON l.id = cl.label_id "
                           "WHERE c.board_id = ? ORDER BY cl.card_id, l.rowid"));
        q.bind(0, boardId).exec();
        while (q.next()) {
            const auto it = cardIndex.constFind(q.value(0).toString());
            if (it != cardIndex.constEnd())
                plan.cards[*it].labelKeys.append(q.value(1).toString());
        }
    }
    {
        SqlQuery q(m_db,
            QStringLiteral("SELECT ca.card_id, u.email FROM card_assignees ca "
                           "JOIN cards c ON c.id = ca.card_id JOIN users u ON u.id = ca.user_id "
                           "WHERE c.board_id = ? ORDER BY ca.card_id, u.email_normalized"));
        q.bind(0, boardId).exec();
        while (q.next()) {
            const auto it = cardIndex.constFind(q.value(0).toString());
            if (it != cardIndex.constEnd())
                plan.cards[*it].assigneeEmails.append(q.value(1).toString());
        }
    }
    {
        SqlQuery q(m_db,
            QStringLiteral("SELECT i.card_id, i.text, i.done FROM checklist_items i "
                           "JOIN cards c ON c.id = i.card_id WHERE c.board_id = ? "
                           "ORDER BY i.card_id, i.position"));
        q.bind(0, boardId).exec();
        while (q.next()) {
            const auto it = cardIndex.constFind(q.value(0).toString());
            if (it != cardIndex.constEnd())
                plan.cards[*it].checklist.append({q.value(1).toString(), q.value(2).toInt() != 0});
        }
    }
    {
        SqlQuery q(m_db,
            QStringLiteral("SELECT m.card_id, coalesce(u.email, ''), coalesce(u.display_name, ''), "
                           "m.body, m.created_at, m.updated_at FROM comments m "
                           "LEFT JOIN users u ON u.id = m.author_id WHERE m.board_id = ? "
                           "ORDER BY m.rid"));
        q.bind(0, boardId).exec();
        while (q.next()) {
            const auto it = cardIndex.constFind(q.value(0).toString());
            if (it == cardIndex.constEnd())
                continue;
            plan.cards[*it].comments.append({q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString(), timeOf(q.value(4)), timeOf(q.value(5))});
        }
    }
    {
        SqlQuery q(m_db,
            QStringLiteral(
                "SELECT coalesce(u.email, ''), a.action, a.summary, a.at FROM activity a "
                "LEFT JOIN users u ON u.id = a.actor_id WHERE a.board_id = ? "
                "ORDER BY a.id"));
        q.bind(0, boardId).exec();
        while (q.next()) {
            plan.activity.append({q.value(0).toString(), q.value(1).toString(),
                q.value(2).toString(), timeOf(q.value(3))});
        }
    }
    return plan;
}

QStringList TransferRepository::allBoardIds()
{
    SqlQuery q(m_db, QStringLiteral("SELECT id FROM boards ORDER BY created_at, id"));
    q.exec();
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

QHash<QString, QString> TransferRepository::usersByEmail(const QStringList &emails)
{
    QHash<QString, QString> out;
    // In batches: SQLite allows a bounded number of parameters per statement.
    constexpr int kBatch = 500;
    for (qsizetype start = 0; start < emails.size(); start += kBatch) {
        const QStringList batch = emails.mid(start, kBatch);
        QStringList marks;
        for (qsizetype i = 0; i < batch.size(); ++i)
            marks.append(QStringLiteral("?"));
        SqlQuery q(m_db,
            QStringLiteral("SELECT id, email_normalized FROM users WHERE disabled = 0 AND "
                           "email_normalized IN (%1)")
                .arg(marks.join(QLatin1Char(','))));
        for (qsizetype i = 0; i < batch.size(); ++i)
            q.bind(int(i), batch.at(i).toLower());
        q.exec();
        while (q.next())
            out.insert(q.value(1).toString(), q.value(0).toString());
    }
    return out;
}

QString TransferRepository::emailOf(const QString &userId)
{
    SqlQuery q(m_db, QStringLiteral("SELECT email FROM users WHERE id = ?"));
    q.bind(0, userId).exec();
    return q.next() ? q.value(0).toString() : QString();
}

} // namespace corkboard
