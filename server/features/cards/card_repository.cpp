#include "server/features/cards/card_repository.h"

#include "server/platform/database.h"
#include "server/platform/sql_dialect.h"
#include "shared/dto/fast_time.h"
#include "shared/time_format.h"

namespace corkboard {

namespace {
// NOT NULL text columns: a null QString would bind as SQL NULL.
QVariant notNull(const QString &s)
{
    return s.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(s);
}

const QString kSelectTemplate = QStringLiteral(
    "SELECT c.id, c.board_id, c.column_id, c.position, c.title, c.description, c.due_at, "
    "c.archived, c.created_by, "
    "c.version, c.created_at, c.updated_at, "
    "(SELECT %1 FROM card_labels WHERE card_id = c.id), "
    "(SELECT %2 FROM card_assignees WHERE card_id = c.id), "
    "(SELECT COUNT(*) FROM checklist_items WHERE card_id = c.id), "
    "(SELECT COALESCE(SUM(done), 0) FROM checklist_items WHERE card_id = c.id), "
    "(SELECT COUNT(*) FROM comments WHERE card_id = c.id), "
    "(SELECT COUNT(*) FROM attachments WHERE card_id = c.id), "
    "(SELECT id FROM attachments WHERE card_id = c.id AND thumbnail_state = 'ready' "
    "ORDER BY rid DESC LIMIT 1) "
    "FROM cards c ");

const QString &selectSql(const Database &db)
{
    return sql::perEngine(db, [](SqlEngine engine) {
        return kSelectTemplate.arg(
            sql::groupConcat(engine, "label_id"), sql::groupConcat(engine, "user_id"));
    });
}

QStringList idList(const QVariant &v)
{
    if (v.isNull())
        return {};
    QStringList ids = v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    ids.sort();
    return ids;
}

QString placeholders(qsizetype n)
{
    QString s;
    s.reserve(n * 3);
    for (qsizetype i = 0; i < n; ++i)
        s += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return s;
}

QVariant nullableTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(toRfc3339(t)) : QVariant(QMetaType(QMetaType::QString));
}

// The twelve card columns every card query starts with, in this order.
Card readCardColumns(SqlQuery &q)
{
    Card c;
    c.id = q.value(0).toString();
    c.boardId = q.value(1).toString();
    c.columnId = q.value(2).toString();
    c.position = q.value(3).toString();
    c.title = q.value(4).toString();
    c.description = q.value(5).toString();
    const QVariant due = q.value(6);
    if (!due.isNull())
        c.dueAt = fasttime::storedTime(due.toString());
    c.archived = q.value(7).toInt() != 0;
    c.createdBy = q.value(8).toString();
    c.version = q.value(9).toLongLong();
    c.createdAt = fasttime::storedTime(q.value(10).toString());
    c.updatedAt = fasttime::storedTime(q.value(11).toString());
    return c;
}
} // namespace

QList<Card> CardRepository::readAll(const QString &where, const QVariantList &binds)
{
    SqlQuery q(m_db, selectSql(m_db) + where);
    q.raw().setForwardOnly(true);
    for (int i = 0; i < binds.size(); ++i)
        q.bind(i, binds.at(i));
    q.exec();
    QList<Card> out;
    while (q.next()) {
        Card c = readCardColumns(q);
        c.labelIds = idList(q.value(12));
        c.assigneeIds = idList(q.value(13));
        c.checklistTotal = q.value(14).toInt();
        c.checklistDone = q.value(15).toInt();
        c.commentCount = q.value(16).toInt();
        c.attachmentCount = q.value(17).toInt();
        c.coverAttachmentId = q.value(18).toString();
        out.append(std::move(c));
    }
    return out;
}

std::optional<Card> CardRepository::find(const QString &id)
{
    auto list = readAll(QStringLiteral("WHERE c.id = ?"), {id});
    if (list.isEmpty())
        return std::nullopt;
    return list.first();
}

QList<Card> CardRepository::listForColumn(const QString &columnId)
{
    return readAll(QStringLiteral("WHERE c.column_id = ? ORDER BY c.position"), {columnId});
}

void CardRepository::insert(const Card &c)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "INSERT INTO cards (id, board_id, column_id, position, title, description, due_at, "
            "archived, created_by, version, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(0, c.id).bind(1, c.boardId).bind(2, c.columnId).bind(3, c.position).bind(4, c.title);
    q.bind(5, notNull(c.description))
        .bind(6, nullableTime(c.dueAt))
        .bind(7, c.archived ? 1 : 0)
        .bind(8, c.createdBy);
    q.bind(9, c.version).bind(10, toRfc3339(c.createdAt)).bind(11, toRfc3339(c.updatedAt)).exec();
}

void CardRepository::update(const Card &c)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "UPDATE cards SET column_id = ?, position = ?, title = ?, description = ?, due_at = ?, "
            "archived = ?, version = ?, updated_at = ? WHERE id = ?"));
    q.bind(0, c.columnId)
        .bind(1, c.position)
        .bind(2, c.title)
        .bind(3, notNull(c.description))
        .bind(4, nullableTime(c.dueAt));
    q.bind(5, c.archived ? 1 : 0)
        .bind(6, c.version)
        .bind(7, toRfc3339(c.updatedAt))
        .bind(8, c.id)
        .exec();
}

void CardRepository::remove(const QString &id)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM cards WHERE id = ?"));
    q.bind(0, id).exec();
}

void CardRepository::setLabels(const QString &cardId, const QStringList &labelIds)
{
    SqlQuery del(m_db, QStringLiteral("DELETE FROM card_labels WHERE card_id = ?"));
    del.bind(0, cardId).exec();
    addLabels(cardId, labelIds);
}

void CardRepository::setAssignees(const QString &cardId, const QStringList &userIds)
{
    SqlQuery del(m_db, QStringLiteral("DELETE FROM card_assignees WHERE card_id = ?"));
    del.bind(0, cardId).exec();
    addAssignees(cardId, userIds);
}

void CardRepository::addLabels(const QString &cardId, const QStringList &labelIds)
{
    for (const auto &id : labelIds) {
        SqlQuery q(
            m_db, QStringLiteral("INSERT INTO card_labels (card_id, label_id) VALUES (?, ?)"));
        q.bind(0, cardId).bind(1, id).exec();
    }
}

void CardRepository::addAssignees(const QString &cardId, const QStringList &userIds)
{
    for (const auto &id : userIds) {
        SqlQuery q(
            m_db, QStringLiteral("INSERT INTO card_assignees (card_id, user_id) VALUES (?, ?)"));
        q.bind(0, cardId).bind(1, id).exec();
    }
}

int CardRepository::countBoardLabels(const QString &boardId, const QStringList &ids)
{
    if (ids.isEmpty())
        return 0;
    SqlQuery q(m_db,
        QStringLiteral("SELECT COUNT(*) FROM labels WHERE board_id = ? AND id IN (%1)")
            .arg(placeholders(ids.size())));
    q.bind(0, boardId);
    for (int i = 0; i < ids.size(); ++i)
        q.bind(i + 1, ids.at(i));
    q.exec();
    return q.next() ? q.value(0).toInt() : 0;
}

int CardRepository::countBoardMembers(const QString &boardId, const QStringList &ids)
{
    if (ids.isEmpty())
        return 0;
    SqlQuery q(m_db,
        QStringLiteral("SELECT COUNT(*) FROM board_members WHERE board_id = ? AND user_id IN (%1)")
            .arg(placeholders(ids.size())));
    q.bind(0, boardId);
    for (int i = 0; i < ids.size(); ++i)
        q.bind(i + 1, ids.at(i));
    q.exec();
    return q.next() ? q.value(0).toInt() : 0;
}

QString CardRepository::nextKey(
    const QString &columnId, const QString &position, const QString &exceptId)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT position FROM cards WHERE column_id = ? AND position > ? AND id != ? "
            "ORDER BY position LIMIT 1"));
    q.bind(0, columnId).bind(1, notNull(position)).bind(2, notNull(exceptId)).exec();
    return q.next() ? q.value(0).toString() : QString();
}

QString CardRepository::previousKey(
    const QString &columnId, const QString &position, const QString &exceptId)
{
    SqlQuery q(m_db,
        QStringLiteral(
            "SELECT position FROM cards WHERE column_id = ? AND position < ? AND id != ? "
            "ORDER BY position DESC LIMIT 1"));
    q.bind(0, columnId).bind(1, notNull(position)).bind(2, notNull(exceptId)).exec();
    return q.next() ? q.value(0).toString() : QString();
}

QString CardRepository::lastKey(const QString &columnId, const QString &exceptId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT position FROM cards WHERE column_id = ? AND id != ? "
                       "ORDER BY position DESC LIMIT 1"));
    q.bind(0, columnId).bind(1, notNull(exceptId)).exec();
    return q.next() ? q.value(0).toString() : QString();
}

QStringList CardRepository::orderedIds(const QString &columnId, const QString &exceptId)
{
    SqlQuery q(m_db,
        QStringLiteral("SELECT id FROM cards WHERE column_id = ? AND id != ? ORDER BY position"));
    q.bind(0, columnId).bind(1, notNull(exceptId)).exec();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

void CardRepository::parkPositions(const QString &columnId)
{
    // '~' sorts after every key digit and is never a valid key, so these never collide.
    SqlQuery q(m_db, QStringLiteral("UPDATE cards SET position = '~' || id WHERE column_id = ?"));
    q.bind(0, columnId).exec();
}

void CardRepository::setPosition(const QString &cardId, const QString &position)
{
    SqlQuery q(m_db, QStringLiteral("UPDATE cards SET position = ? WHERE id = ?"));
    q.bind(0, position).bind(1, cardId).exec();
}

} // namespace corkboard
