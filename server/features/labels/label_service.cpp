#include "server/features/labels/label_service.h"

#include "server/features/boards/board_access.h"
#include "server/features/common/service_util.h"
#include "server/features/labels/label_repository.h"
#include "server/platform/crypto.h"

namespace corkboard {

QList<Label> LabelService::list(const QString &userId, const QString &boardId)
{
    BoardAccess(m_deps.db).require(boardId, userId, BoardRole::Viewer);
    return LabelRepository(m_deps.db).listForBoard(boardId);
}

Label LabelService::load(const QString &userId, const QString &labelId)
{
    const auto label = LabelRepository(m_deps.db).find(labelId);
    if (!label)
        throw AppError::notFound(QStringLiteral("label"));
    BoardAccess(m_deps.db).require(
        label->boardId, userId, BoardRole::Editor, QStringLiteral("label"));
    return *label;
}

Label LabelService::create(
    const QString &userId, const QString &boardId, const QString &name, const QString &color)
{
    Mutation m(m_deps, userId);
    BoardAccess(m_deps.db).require(boardId, userId, BoardRole::Editor);
    LabelRepository repo(m_deps.db);
    if (repo.countForBoard(boardId) >= kMaxPerBoard)
        throw AppError::validation(QStringLiteral("name"), QStringLiteral("limit_reached"),
            QStringLiteral("a board has at most %1 labels").arg(kMaxPerBoard));
    Label l;
    l.id = crypto::newId();
    l.boardId = boardId;
    l.name = name;
    l.color = color;
    l.createdAt = l.updatedAt = m.now();
    repo.insert(l);
    m.record(QStringLiteral("label.created"), boardId, l.id, l.name, encodeJson(l));
    m.commit();
    return l;
}

Label LabelService::update(const QString &userId, const QString &labelId,
    const std::optional<QString> &name, const std::optional<QString> &color,
    std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    Label l = load(userId, labelId);
    requireVersion(ifMatch, l.version, l);
    if (name)
        l.name = *name;
    if (color)
        l.color = *color;
    l.version += 1;
    l.updatedAt = m.now();
    LabelRepository(m_deps.db).update(l);
    m.record(QStringLiteral("label.updated"), l.boardId, l.id, l.name, encodeJson(l));
    m.commit();
    return l;
}

void LabelService::remove(
    const QString &userId, const QString &labelId, std::optional<qint64> ifMatch)
{
    Mutation m(m_deps, userId);
    const Label l = load(userId, labelId);
    requireVersion(ifMatch, l.version, l);
    LabelRepository(m_deps.db).remove(l.id); // card_labels rows go with it (cascade)
    m.record(QStringLiteral("label.deleted"), l.boardId, l.id, l.name, Mutation::idData(l.id));
    m.commit();
}

} // namespace corkboard
