#include "tests/support/board_api.h"

#include <QTest>

namespace corkboard::test {

QPair<QString, QString> BoardApi::createBoard(
    const RegisteredUser &owner, const QList<RegisteredUser> &editors)
{
    const auto created = httpJson("POST", server.url(QStringLiteral("/api/v1/boards")),
        {{QStringLiteral("name"), QStringLiteral("Launch")}}, owner.accessToken);
    if (created.status != 201)
        qWarning("create board: %d %s", created.status, created.body.constData());
    // A new board answers with its snapshot: {board, columns, …}.
    const QString boardId = created.data()
                                .value(QStringLiteral("board"))
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
    for (const auto &e : editors) {
        const auto put = httpJson("PUT",
            server.url(QStringLiteral("/api/v1/boards/%1/members/%2").arg(boardId, e.userId)),
            {{QStringLiteral("role"), QStringLiteral("editor")}}, owner.accessToken);
        if (put.status / 100 != 2)
            qWarning("add member: %d %s", put.status, put.body.constData());
    }
    const auto board = httpAuth(
        "GET", server.url(QStringLiteral("/api/v1/boards/%1").arg(boardId)), owner.accessToken);
    const QString columnId = board.data()
                                 .value(QStringLiteral("columns"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
    return {boardId, columnId};
}

QString BoardApi::createCard(const RegisteredUser &who, const QString &boardId,
    const QString &columnId, const QString &title, const QStringList &assignees,
    const QString &dueAt)
{
    QJsonObject body {{QStringLiteral("column_id"), columnId}, {QStringLiteral("title"), title},
        {QStringLiteral("assignee_ids"), QJsonArray::fromStringList(assignees)}};
    if (!dueAt.isEmpty())
        body.insert(QStringLiteral("due_at"), dueAt);
    const auto r = httpJson("POST",
        server.url(QStringLiteral("/api/v1/boards/%1/cards").arg(boardId)), body, who.accessToken);
    if (r.status != 201)
        qWarning("create card: %d %s", r.status, r.body.constData());
    return r.data().value(QStringLiteral("id")).toString();
}

HttpResult BoardApi::patchCard(
    const RegisteredUser &who, const QString &cardId, const QJsonObject &patch)
{
    return httpJson("PATCH", server.url(QStringLiteral("/api/v1/cards/%1").arg(cardId)), patch,
        who.accessToken);
}

} // namespace corkboard::test
