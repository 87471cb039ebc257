#pragma once

#include "tests/support/auth_helpers.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace corkboard::test {

//! Board-domain calls through the real HTTP API, for the jobs/notifications/webhook tests.
struct BoardApi
{
    TestServer &server;

    //! Creates a board owned by `owner` and adds `editors`; returns {board id, first column id}.
    QPair<QString, QString> createBoard(
        const RegisteredUser &owner, const QList<RegisteredUser> &editors);
    //! Creates a card; returns its id.
    QString createCard(const RegisteredUser &who, const QString &boardId, const QString &columnId,
        const QString &title, const QStringList &assignees, const QString &dueAt);
    HttpResult patchCard(
        const RegisteredUser &who, const QString &cardId, const QJsonObject &patch);
};

} // namespace corkboard::test
