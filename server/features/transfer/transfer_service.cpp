#include "server/features/transfer/transfer_service.h"

#include "server/features/activity/activity_repository.h"
#include "server/features/boards/board_access.h"
#include "server/features/boards/board_repository.h"
#include "server/features/boards/snapshot_reader.h"
#include "server/features/cards/card_repository.h"
#include "server/features/checklists/checklist_repository.h"
#include "server/features/columns/column_repository.h"
#include "server/features/comments/comment_repository.h"
#include "server/features/common/field_reader.h"
#include "server/features/common/position_key.h"
#include "server/features/common/service_util.h"
#include "server/features/events/event_bus.h"
#include "server/features/events/outbox_repository.h"
#include "server/features/labels/label_repository.h"
#include "server/features/transfer/corkboard_format.h"
#include "server/features/transfer/document_reader.h"
#include "server/features/transfer/transfer_repository.h"
#include "server/features/transfer/trello_format.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "server/platform/log.h"
#include "shared/time_format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace corkboard {

namespace {

QStringList positions(int n)
{
    return n > 0 ? position::spread(QString(), QString(), n) : QStringList();
}

QDateTime orNow(const QDateTime &t, const QDateTime &now)
{
    return t.isValid() ? t : now;
}

} // namespace

QByteArray TransferService::exportBoard(const QString &userId, const QString &boardId)
{
    ReadTransaction read(m_deps.db);
    if (!BoardAccess(m_deps.db).roleOf(boardId, userId))
        throw AppError::notFound(QStringLiteral("board"));
    const auto plan = TransferRepository(m_deps.db).readBoard(boardId);
    if (!plan)
        throw AppError::notFound(QStringLiteral("board"));
    return QJsonDocument(corkboard_format::write(*plan, m_deps.clock.now().toUTC()))
        .toJson(QJsonDocument::Indented);
}

QByteArray TransferService::exportInstance(bool callerIsAdmin)
{
    if (!callerIsAdmin)
        throw AppError(
            ErrorCode::Forbidden, QStringLiteral("only server admins export the server"));
    ReadTransaction read(m_deps.db);
    TransferRepository repo(m_deps.db);
    const QDateTime now = m_deps.clock.now().toUTC();
    QJsonArray boards;
    const QStringList ids = repo.allBoardIds();
    for (const auto &id : ids) {
        if (const auto plan = repo.readBoard(id))
            boards.append(corkboard_format::write(*plan, now));
    }
    QJsonObject doc {{QStringLiteral("format"), corkboard_format::instanceFormat()},
        {QStringLiteral("format_version"), corkboard_format::kFormatVersion},
        {QStringLiteral("exported_at"), toRfc3339(now)}, {QStringLiteral("boards"), boards}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

ImportReport TransferService::importBoard(const QString &userId, const QJsonObject &document)
{
    DocumentReader reader;
    ImportPlan plan;
    if (reader.checkDepth(document, import_limits::kMaxDepth)) {
        if (corkboard_format::isOurs(document)) {
            plan = corkboard_format::read(document, reader);
        } else if (document.value(QStringLiteral("format")).toString()
            == corkboard_format::instanceFormat()) {
            reader.fail(QStringLiteral("format"), QStringLiteral("unsupported_document"),
                QStringLiteral("this is a whole-server export; import its boards one at a time"));
        } else if (trello_format::looksLikeTrello(document)) {
            plan = trello_format::read(document, reader);
        } else {
            reader.fail(QStringLiteral("format"), QStringLiteral("unsupported_document"),
                QStringLiteral("expected a Corkboard board export (format "
                               "\"corkboard.board-export\") or a Trello board JSON export"));
        }
    }
    reader.finish();
    return write(userId, plan);
}

ImportReport TransferService::write(const QString &userId, const ImportPlan &plan)
{
    Transaction tx(m_deps.db);
    const QDateTime now = m_deps.clock.now().toUTC();
    TransferRepository transfer(m_deps.db);

    // People: everyone the document names, matched to accounts by e-mail.
    QStringList emails;
    auto want = [&emails](const QString &e) {
        if (!e.isEmpty())
            emails.append(e.toLower());
    };
    for (const auto &m : plan.members)
        want(m.email);
    for (const auto &c : plan.cards) {
        want(c.createdByEmail);
        for (const auto &e : c.assigneeEmails)
            want(e);
        for (const auto &m : c.comments)
            want(m.authorEmail);
    }
    for (const auto &a : plan.activity)
        want(a.actorEmail);
    emails.removeDuplicates();
    const QHash<QString, QString> users = transfer.usersByEmail(emails);
    auto userOf = [&users](const QString &email) { return users.value(email.toLower()); };

    ImportReport report;
    report.source = plan.source;
    Board board;
    board.id = crypto::newId();
    board.name = plan.name;
    board.description = plan.description;
    board.archived = plan.archived;
    board.createdBy = userId;
    board.createdAt = orNow(plan.createdAt, now);
    board.updatedAt = orNow(plan.updatedAt, now);
    BoardRepository boards(m_deps.db);
    boards.insert(board);
    boards.upsertMember(board.id, userId, QStringLiteral("owner"), now);
    QSet<QString> memberIds {userId};
    for (const auto &m : plan.members) {
        const QString id = userOf(m.email);
        if (id.isEmpty()) {
            report.unmatchedMembers.append(m.email.isEmpty()
                    ? m.displayName
                    : (m.displayName.isEmpty()
                            ? m.email
                            : QStringLiteral("%1 <%2>").arg(m.displayName, m.email)));
            continue;
        }
        if (memberIds.contains(id))
            continue; // the importer stays owner
        boards.upsertMember(board.id, id, m.role, now);
        memberIds.insert(id);
    }
    report.members = int(memberIds.size());

    QHash<QString, QString> labelIds;
    LabelRepository labels(m_deps.db);
    for (const auto &l : plan.labels) {
        Label label;
        label.id = crypto::newId();
        label.boardId = board.id;
        label.name = l.name;
        label.color = l.color;
        label.createdAt = label.updatedAt = now;
        labels.insert(label);
        labelIds.insert(l.key, label.id);
    }
    report.labels = int(plan.labels.size());

    QHash<QString, QString> columnIds;
    ColumnRepository columns(m_deps.db);
    const QStringList columnKeys = positions(int(plan.columns.size()));
    for (qsizetype i = 0; i < plan.columns.size(); ++i) {
        Column column;
        column.id = crypto::newId();
        column.boardId = board.id;
        column.name = plan.columns.at(i).name;
        column.position = columnKeys.at(i);
        column.wipLimit = plan.columns.at(i).wipLimit;
        column.createdAt = column.updatedAt = now;
        columns.insert(column);
        columnIds.insert(plan.columns.at(i).key, column.id);
    }
    report.columns = int(plan.columns.size());

    QHash<QString, int> perColumn;
    for (const auto &c : plan.cards)
        ++perColumn[c.columnKey];
    QHash<QString, QStringList> cardKeys;
    for (auto it = perColumn.cbegin(); it != perColumn.cend(); ++it)
        cardKeys.insert(it.key(), positions(it.value()));
    QHash<QString, int> used;
    CardRepository cards(m_deps.db);
    ChecklistRepository checklist(m_deps.db);
    CommentRepository comments(m_deps.db);
    int droppedAssignees = 0;
    for (const auto &c : plan.cards) {
        Card card;
        card.id = crypto::newId();
        card.boardId = board.id;
        card.columnId = columnIds.value(c.columnKey);
        card.position = cardKeys.value(c.columnKey).at(used[c.columnKey]++);
        card.title = c.title;
        card.description = c.description;
        card.dueAt = c.dueAt;
        card.archived = c.archived;
        const QString creator = userOf(c.createdByEmail);
        card.createdBy = creator.isEmpty() ? userId : creator;
        card.createdAt = orNow(c.createdAt, now);
        card.updatedAt = orNow(c.updatedAt, now);
        cards.insert(card);
        QStringList cardLabels;
        for (const auto &k : c.labelKeys)
            cardLabels.append(labelIds.value(k));
        if (!cardLabels.isEmpty())
            cards.setLabels(card.id, cardLabels);
        QStringList assignees;
        for (const auto &e : c.assigneeEmails) {
            const QString id = userOf(e);
            if (memberIds.contains(id))
                assignees.append(id);
            else
                ++droppedAssignees;
        }
        if (!assignees.isEmpty())
            cards.setAssignees(card.id, assignees);
        const QStringList itemKeys = positions(int(c.checklist.size()));
        for (qsizetype i = 0; i < c.checklist.size(); ++i) {
            ChecklistItem item;
            item.id = crypto::newId();
            item.cardId = card.id;
            item.text = c.checklist.at(i).text;
            item.done = c.checklist.at(i).done;
            item.position = itemKeys.at(i);
            item.createdAt = item.updatedAt = now;
            checklist.insert(item);
        }
        report.checklistItems += int(c.checklist.size());
        for (const auto &m : c.comments) {
            Comment comment;
            comment.id = crypto::newId();
            comment.cardId = card.id;
            comment.boardId = board.id;
            comment.authorId = userOf(m.authorEmail);
            comment.body = m.body;
            if (comment.authorId.isEmpty()) {
                // No account here: the importer posts it, saying who wrote it.
                comment.authorId = userId;
                const QString who = m.authorName.isEmpty() ? m.authorEmail : m.authorName;
                const QString prefixed = QStringLiteral("%1 wrote:\n\n%2").arg(who, m.body);
                if (!who.isEmpty() && characterCount(prefixed) <= import_limits::kTextMax)
                    comment.body = prefixed;
            }
            comment.createdAt = orNow(m.createdAt, now);
            comment.updatedAt = orNow(m.updatedAt, comment.createdAt);
            comments.insert(comment);
        }
        report.comments += int(c.comments.size());
        ++report.cards;
        if (c.archived)
            ++report.archivedCards;
    }

    // The board's creation event (live updates, webhooks); the document's own history is kept
    // as the activity feed, unchanged, so an export of the import equals the original.
    // The snapshot's one read path (the same bytes the DTO encoder wrote for these rows).
    Board shared = board;
    shared.role.clear();
    QByteArray snapshot;
    SnapshotReader(m_deps.db).write(snapshot, shared, false);
    EventEnvelope event;
    event.type = QStringLiteral("board.created");
    event.boardId = board.id;
    event.actorId = userId;
    event.at = now;
    event.data = snapshot;
    OutboxRepository(m_deps.db).append(event);
    ActivityRepository activity(m_deps.db);
    for (const auto &a : plan.activity) {
        ActivityRepository::NewEntry entry;
        entry.boardId = board.id;
        entry.actorId = userOf(a.actorEmail);
        if (entry.actorId.isEmpty())
            entry.actorId = userId;
        entry.action = a.action;
        entry.entityId = board.id;
        entry.summary = a.summary;
        entry.seq = event.seq;
        entry.at = orNow(a.at, now);
        activity.insert(entry);
    }
    report.activity = int(plan.activity.size());
    tx.commit();
    m_deps.bus.publish({event});

    report.boardId = board.id;
    report.boardName = board.name;
    report.skipped = plan.skipped;
    if (droppedAssignees > 0)
        report.skipped.append({QStringLiteral("card assignees"),
            QStringLiteral("people with no account here, or not members of the board"),
            droppedAssignees});
    logging::write(lcServer(), QtInfoMsg, QStringLiteral("board imported"),
        {{QStringLiteral("board_id"), board.id}, {QStringLiteral("source"), plan.source},
            {QStringLiteral("cards"), report.cards}});
    return report;
}

} // namespace corkboard
