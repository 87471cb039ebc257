#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace corkboard {

class JsonWriter;

//! A user account as the API shows it (GET /users/me, register, login, admin PATCH).
struct User
{
    QString id;
    QString email;
    QString displayName;
    QString role; //!< admin | member
    bool disabled = false;
    qint64 version = 1;
    QDateTime createdAt;
    QDateTime updatedAt;
};

//! An entry of the user directory (GET /users?q=): what teammates may see of each other.
struct UserSummary
{
    QString id;
    QString displayName;
    QString email;
    //! Only in an administrator's view of the directory: server role and disabled flag.
    std::optional<QString> role;
    std::optional<bool> disabled;
};

void writeJson(JsonWriter &w, const User &user);
void writeJson(JsonWriter &w, const UserSummary &user);
//! Decodes a user object; false when a required member is missing or of the wrong type.
bool fromJson(const QJsonObject &json, User &out);
bool fromJson(const QJsonObject &json, UserSummary &out);

} // namespace corkboard
