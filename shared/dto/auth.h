#pragma once

#include "shared/dto/user.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace corkboard {

class JsonWriter;

//! The token pair register, login and refresh answer with.
struct Tokens
{
    QString accessToken;
    QString tokenType = QStringLiteral("Bearer");
    qint64 expiresIn = 0; //!< seconds the access token lives
    QString refreshToken;
};

//! {user, tokens}: what register and login answer with.
struct AuthResult
{
    User user;
    Tokens tokens;
};

//! One signed-in device (a refresh-token family), as GET /auth/sessions lists it.
struct Session
{
    QString id;
    QString device;
    QDateTime createdAt;
    QDateTime lastUsedAt;
    QDateTime expiresAt;
    bool current = false;
};

//! An invite; `code` is only filled in the answer that creates it (the server keeps a hash).
struct Invite
{
    QString code;
    QString codePrefix;
    QString role;
    QString createdBy;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime usedAt; //!< invalid while unused
};

void writeJson(JsonWriter &w, const Tokens &tokens);
void writeJson(JsonWriter &w, const AuthResult &result);
void writeJson(JsonWriter &w, const Session &session);
void writeJson(JsonWriter &w, const Invite &invite);
bool fromJson(const QJsonObject &json, Tokens &out);
bool fromJson(const QJsonObject &json, AuthResult &out);
bool fromJson(const QJsonObject &json, Session &out);
bool fromJson(const QJsonObject &json, Invite &out);

} // namespace corkboard
