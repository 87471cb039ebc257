#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace corkboard::live {

//! WebSocket close codes of the live-update protocol (API.md "Live updates").
enum CloseCode : int
{
    CloseGoingAway = 1001, //!< the server is shutting down
    CloseTooBig = 1009, //!< a frame or message over the size limit
    CloseUnauthenticated = 4401, //!< no valid auth, or the token expired without a fresh one
    CloseForbidden = 4403, //!< sent as an error message only; the socket stays open
    CloseAuthTimeout = 4408, //!< no auth message in time
    CloseTooSlowOrChatty = 4429, //!< send queue over its cap, or too many messages
};

//! Largest `since` a subscribe may carry (far beyond any real event sequence).
inline constexpr qint64 kMaxSince = 9'000'000'000'000'000;

//! One client message, parsed and checked: the shape rules of API.md "Live updates" in one
//! place, with every number range-checked before it becomes an integer.
struct ClientMessage
{
    enum class Type
    {
        Invalid, //!< see errorCode/errorDetail
        Auth,
        Subscribe,
        Unsubscribe,
        Ping,
    };
    Type type = Type::Invalid;
    QJsonObject json; //!< the whole message (auth reads its token from it)
    QString boardId; //!< subscribe and unsubscribe; on an invalid subscribe, when it was valid
    std::optional<qint64> since; //!< subscribe: the last seq the client saw
    QJsonValue pingId; //!< ping: a whole number, a string of at most 64 characters, or null
    bool notAnObject = false; //!< not JSON, or not an object
    const char *errorCode = ""; //!< MALFORMED_REQUEST | VALIDATION_FAILED (when Invalid)
    QString errorDetail;
};

//! Parses one text frame; never throws, whatever the bytes.
ClientMessage parseClientMessage(const QString &text);

} // namespace corkboard::live
