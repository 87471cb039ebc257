#include "tests/bench/bench_seed.h"

#include "server/features/boards/board_service.h"
#include "server/features/boards/member_service.h"
#include "server/features/cards/card_service.h"
#include "server/features/checklists/checklist_service.h"
#include "server/features/columns/column_service.h"
#include "server/features/comments/comment_service.h"
#include "server/features/common/field_reader.h"
#include "server/features/events/event_bus.h"
#include "server/features/labels/label_service.h"
#include "server/platform/clock.h"
#include "server/platform/database.h"

namespace corkboard::bench {

SeededBoard seedBoard(
    Database &db, const QString &ownerId, const QStringList &memberIds, int cardCount)
{
    SystemClock clock;
    EventBus bus;
    ServiceDeps deps {db, clock, bus};
    Transaction tx(db);
    const auto s = BoardService(deps).create(
        ownerId, QStringLiteral("Bench %1").arg(cardCount), QStringLiteral("seeded"));
    QStringList columns;
    for (const auto &c : s.columns)
        columns.append(c.id);
    ColumnService columnService(deps);
    while (columns.size() < 8) {
        ColumnInput in;
        in.name = QStringLiteral("Stage %1").arg(columns.size() + 1);
        in.afterColumnId = Patch<QString> {true, columns.last()};
        columns.append(columnService.create(ownerId, s.board.id, in).id);
    }
    MemberService members(deps);
    QStringList people {ownerId};
    for (const auto &m : memberIds.mid(0, 9)) {
        members.put(ownerId, s.board.id, m, QStringLiteral("editor"));
        people.append(m);
    }
    QStringList labels;
    for (int i = 0; i < 10; ++i)
        labels.append(LabelService(deps)
                          .create(ownerId, s.board.id, QStringLiteral("label %1").arg(i),
                              QStringLiteral("#33aa%1").arg(i * 11, 2, 10, QLatin1Char('0')))
                          .id);
    CardService cards(deps);
    ChecklistService checklists(deps);
    CommentService comments(deps);
    const QDateTime due = QDateTime(QDate(2027, 1, 15), QTime(9, 30), Qt::UTC);
    for (int i = 0; i < cardCount; ++i) {
        CardInput in;
        in.columnId = columns.at(i % columns.size());
        in.title = QStringLiteral("Card %1: make the thing work properly").arg(i);
        in.description = QStringLiteral(
            "Some description text for card %1, long enough to look like real notes.")
                             .arg(i);
        if (i % 2 == 0)
            in.labelIds = {labels.at(i % labels.size())};
        if (i % 6 == 0)
            in.labelIds.append(labels.at((i / 6 + 3) % labels.size()));
        if (i % 3 == 0)
            in.assigneeIds = {people.at(i % people.size())};
        if (i % 7 == 0)
            in.dueAt = due.addDays(i % 30);
        const auto card = cards.create(ownerId, s.board.id, in);
        if (i % 4 == 0) {
            const auto item = checklists.add(ownerId, card.card.id, QStringLiteral("step one"));
            checklists.add(ownerId, card.card.id, QStringLiteral("step two"));
            checklists.update(ownerId, item.id, std::nullopt, true, {}, std::nullopt);
        }
        if (i % 5 == 0)
            comments.create(ownerId, card.card.id, QStringLiteral("looks good"), {});
    }
    tx.commit();
    return {s.board.id, columns.first()};
}

} // namespace corkboard::bench
