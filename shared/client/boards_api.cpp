#include "shared/client/boards_api.h"

namespace corkboard::client {

namespace {
const QString kBoards = QStringLiteral("/api/v1/boards/");

template<typename T>
ApiResult<QList<T>> itemsOf(const ApiResult<Page<T>> &page)
{
    if (!page)
        return page.error();
    return page.value().items;
}

ApiRequest withIfMatch(ApiRequest r, std::optional<qint64> version)
{
    if (version)
        r.ifMatch = QByteArray::number(*version);
    return r;
}
} // namespace

QString pathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

QFuture<ApiResult<Page<Board>>> BoardsApi::boards(const PageRequest &page)
{
    QUrlQuery q;
    page.addTo(q);
    return m_client.call<Page<Board>>(ApiRequest::get(QStringLiteral("/api/v1/boards"), q),
        [](const ApiResponse &r) { return decode::page<Board>(r, &boardFromJson); });
}

QFuture<ApiResult<BoardSnapshot>> BoardsApi::createBoard(
    const QString &name, const QString &description)
{
    QJsonObject body {{QStringLiteral("name"), name}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    return m_client.call<BoardSnapshot>(
        ApiRequest::create(QStringLiteral("/api/v1/boards"), body), [](const ApiResponse &r) {
            return decode::object<BoardSnapshot>(r, &boardSnapshotFromJson);
        });
}

QFuture<ApiResult<BoardSnapshot>> BoardsApi::snapshot(const QString &boardId, bool includeArchived)
{
    QUrlQuery q;
    if (includeArchived)
        q.addQueryItem(QStringLiteral("include_archived"), QStringLiteral("true"));
    ApiRequest request = ApiRequest::get(kBoards + pathSegment(boardId), q);
    request.conditional = true; // a board opened again costs a 304, not the whole board
    return m_client.call<BoardSnapshot>(std::move(request), [](const ApiResponse &r) {
        return decode::object<BoardSnapshot>(r, &boardSnapshotFromJson);
    });
}

QFuture<ApiResult<Board>> BoardsApi::updateBoard(
    const QString &boardId, const BoardPatch &patch, std::optional<qint64> ifMatch)
{
    QJsonObject body;
    if (patch.name)
        body.insert(QStringLiteral("name"), *patch.name);
    if (patch.description)
        body.insert(QStringLiteral("description"), *patch.description);
    if (patch.archived)
        body.insert(QStringLiteral("archived"), *patch.archived);
    return m_client.call<Board>(
        withIfMatch(ApiRequest::json("PATCH", kBoards + pathSegment(boardId), body), ifMatch),
        [](const ApiResponse &r) { return decode::object<Board>(r, &boardFromJson); });
}

QFuture<ApiResult<NoContent>> BoardsApi::deleteBoard(
    const QString &boardId, std::optional<qint64> ifMatch)
{
    return m_client.call<NoContent>(
        withIfMatch(ApiRequest::del(kBoards + pathSegment(boardId)), ifMatch), &decode::none);
}

QFuture<ApiResult<QList<BoardMember>>> BoardsApi::members(const QString &boardId)
{
    return m_client.call<QList<BoardMember>>(
        ApiRequest::get(kBoards + pathSegment(boardId) + QStringLiteral("/members")),
        [](const ApiResponse &r) {
            return itemsOf(decode::page<BoardMember>(r, &boardMemberFromJson));
        });
}

QFuture<ApiResult<BoardMember>> BoardsApi::setMember(
    const QString &boardId, const QString &userId, const QString &role)
{
    return m_client.call<BoardMember>(
        ApiRequest::json("PUT",
            kBoards + pathSegment(boardId) + QStringLiteral("/members/") + pathSegment(userId),
            {{QStringLiteral("role"), role}}),
        [](const ApiResponse &r) { return decode::object<BoardMember>(r, &boardMemberFromJson); });
}

QFuture<ApiResult<NoContent>> BoardsApi::removeMember(const QString &boardId, const QString &userId)
{
    return m_client.call<NoContent>(ApiRequest::del(kBoards + pathSegment(boardId)
                                        + QStringLiteral("/members/") + pathSegment(userId)),
        &decode::none);
}

QFuture<ApiResult<Column>> BoardsApi::createColumn(const QString &boardId, const QString &name,
    std::optional<int> wipLimit, const QString &afterColumnId)
{
    QJsonObject body {{QStringLiteral("name"), name}};
    if (wipLimit)
        body.insert(QStringLiteral("wip_limit"), *wipLimit);
    if (!afterColumnId.isEmpty())
        body.insert(QStringLiteral("after_column_id"), afterColumnId);
    return m_client.call<Column>(
        ApiRequest::create(kBoards + pathSegment(boardId) + QStringLiteral("/columns"), body),
        [](const ApiResponse &r) { return decode::object<Column>(r, &columnFromJson); });
}

QFuture<ApiResult<Column>> BoardsApi::updateColumn(
    const QString &columnId, const ColumnPatch &patch, std::optional<qint64> ifMatch)
{
    QJsonObject body;
    if (patch.name)
        body.insert(QStringLiteral("name"), *patch.name);
    if (patch.wipLimit)
        body.insert(QStringLiteral("wip_limit"),
            *patch.wipLimit ? QJsonValue(**patch.wipLimit) : QJsonValue());
    // The server reads null as "first"; an empty string is not an id (422).
    if (patch.afterColumnId)
        body.insert(QStringLiteral("after_column_id"),
            patch.afterColumnId->isEmpty() ? QJsonValue() : QJsonValue(*patch.afterColumnId));
    return m_client.call<Column>(
        withIfMatch(ApiRequest::json(
                        "PATCH", QStringLiteral("/api/v1/columns/") + pathSegment(columnId), body),
            ifMatch),
        [](const ApiResponse &r) { return decode::object<Column>(r, &columnFromJson); });
}

QFuture<ApiResult<NoContent>> BoardsApi::deleteColumn(
    const QString &columnId, const QString &moveCardsTo)
{
    ApiRequest r = ApiRequest::del(QStringLiteral("/api/v1/columns/") + pathSegment(columnId));
    if (!moveCardsTo.isEmpty())
        r.query.addQueryItem(QStringLiteral("move_cards_to"), pathSegment(moveCardsTo));
    return m_client.call<NoContent>(std::move(r), &decode::none);
}

QFuture<ApiResult<QList<Label>>> BoardsApi::labels(const QString &boardId)
{
    return m_client.call<QList<Label>>(
        ApiRequest::get(kBoards + pathSegment(boardId) + QStringLiteral("/labels")),
        [](const ApiResponse &r) { return itemsOf(decode::page<Label>(r, &labelFromJson)); });
}

QFuture<ApiResult<Label>> BoardsApi::createLabel(
    const QString &boardId, const QString &name, const QString &color)
{
    return m_client.call<Label>(
        ApiRequest::create(kBoards + pathSegment(boardId) + QStringLiteral("/labels"),
            {{QStringLiteral("name"), name}, {QStringLiteral("color"), color}}),
        [](const ApiResponse &r) { return decode::object<Label>(r, &labelFromJson); });
}

QFuture<ApiResult<Label>> BoardsApi::updateLabel(const QString &labelId,
    const std::optional<QString> &name, const std::optional<QString> &color,
    std::optional<qint64> ifMatch)
{
    QJsonObject body;
    if (name)
        body.insert(QStringLiteral("name"), *name);
    if (color)
        body.insert(QStringLiteral("color"), *color);
    return m_client.call<Label>(
        withIfMatch(ApiRequest::json(
                        "PATCH", QStringLiteral("/api/v1/labels/") + pathSegment(labelId), body),
            ifMatch),
        [](const ApiResponse &r) { return decode::object<Label>(r, &labelFromJson); });
}

QFuture<ApiResult<NoContent>> BoardsApi::deleteLabel(const QString &labelId)
{
    return m_client.call<NoContent>(
        ApiRequest::del(QStringLiteral("/api/v1/labels/") + pathSegment(labelId)), &decode::none);
}

QFuture<ApiResult<Page<ActivityEntry>>> BoardsApi::activity(
    const QString &boardId, const PageRequest &page, const QString &cardId)
{
    QUrlQuery q;
    page.addTo(q);
    if (!cardId.isEmpty())
        q.addQueryItem(QStringLiteral("card_id"), cardId);
    return m_client.call<Page<ActivityEntry>>(
        ApiRequest::get(kBoards + pathSegment(boardId) + QStringLiteral("/activity"), q),
        [](const ApiResponse &r) {
            return decode::page<ActivityEntry>(r, &activityEntryFromJson);
        });
}

QFuture<ApiResult<Page<SearchHit>>> BoardsApi::search(
    const QString &query, const QString &boardId, const PageRequest &page)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("q"), pathSegment(query));
    if (!boardId.isEmpty())
        q.addQueryItem(QStringLiteral("board_id"), pathSegment(boardId));
    page.addTo(q);
    return m_client.call<Page<SearchHit>>(ApiRequest::get(QStringLiteral("/api/v1/search"), q),
        [](const ApiResponse &r) { return decode::page<SearchHit>(r, &searchHitFromJson); });
}

} // namespace corkboard::client
