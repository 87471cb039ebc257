#pragma once

#include "shared/client/api_decode.h"
#include "shared/dto/activity.h"
#include "shared/dto/board.h"
#include "shared/dto/column.h"
#include "shared/dto/label.h"
#include "shared/dto/snapshot.h"

#include <optional>

namespace corkboard::client {

//! Fields of PATCH /boards/{id}; unset members are left alone.
struct BoardPatch
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<bool> archived;
};

//! Fields of PATCH /columns/{id}; `wipLimit` holding nullopt inside clears the limit.
struct ColumnPatch
{
    std::optional<QString> name;
    std::optional<std::optional<int>> wipLimit;
    //! Reorder: place after this column; an empty id puts it first (sent as null).
    std::optional<QString> afterColumnId;
};

//! Typed calls for boards, members, columns, labels, activity and search.
class BoardsApi
{
public:
    explicit BoardsApi(ApiClient &client)
        : m_client(client)
    {
    }

    QFuture<ApiResult<Page<Board>>> boards(const PageRequest &page = {});
    //! POST /boards (with an Idempotency-Key, so it is safely retried) → the new board's
    //! snapshot (with its three starting columns).
    QFuture<ApiResult<BoardSnapshot>> createBoard(
        const QString &name, const QString &description = QString());
    //! GET /boards/{id}: the whole board; its `board.seq` is what LiveClient subscribes with.
    //! Conditional: the client keeps the last body per board and the server answers 304 when
    //! it is still current.
    QFuture<ApiResult<BoardSnapshot>> snapshot(
        const QString &boardId, bool includeArchived = false);
    QFuture<ApiResult<Board>> updateBoard(const QString &boardId, const BoardPatch &patch,
        std::optional<qint64> ifMatch = std::nullopt);
    QFuture<ApiResult<NoContent>> deleteBoard(
        const QString &boardId, std::optional<qint64> ifMatch = std::nullopt);

    QFuture<ApiResult<QList<BoardMember>>> members(const QString &boardId);
    QFuture<ApiResult<BoardMember>> setMember(
        const QString &boardId, const QString &userId, const QString &role);
    QFuture<ApiResult<NoContent>> removeMember(const QString &boardId, const QString &userId);

    QFuture<ApiResult<Column>> createColumn(const QString &boardId, const QString &name,
        std::optional<int> wipLimit = std::nullopt, const QString &afterColumnId = QString());
    QFuture<ApiResult<Column>> updateColumn(const QString &columnId, const ColumnPatch &patch,
        std::optional<qint64> ifMatch = std::nullopt);
    //! DELETE /columns/{id}?move_cards_to= (empty: the server's rule for a non-empty column).
    QFuture<ApiResult<NoContent>> deleteColumn(
        const QString &columnId, const QString &moveCardsTo = QString());

    QFuture<ApiResult<QList<Label>>> labels(const QString &boardId);
    QFuture<ApiResult<Label>> createLabel(
        const QString &boardId, const QString &name, const QString &color);
    QFuture<ApiResult<Label>> updateLabel(const QString &labelId,
        const std::optional<QString> &name, const std::optional<QString> &color,
        std::optional<qint64> ifMatch = std::nullopt);
    QFuture<ApiResult<NoContent>> deleteLabel(const QString &labelId);

    //! GET /boards/{id}/activity, newest first; with a cardId only that card's history.
    QFuture<ApiResult<Page<ActivityEntry>>> activity(
        const QString &boardId, const PageRequest &page = {}, const QString &cardId = QString());
    //! GET /search?q=&board_id= over cards and comments I may see.
    QFuture<ApiResult<Page<SearchHit>>> search(
        const QString &query, const QString &boardId = QString(), const PageRequest &page = {});

private:
    ApiClient &m_client;
};

//! Percent-encodes one path segment (ids are opaque strings).
QString pathSegment(const QString &segment);

} // namespace corkboard::client
