#include "shared/live_protocol.h"

#include "shared/json_number.h"

#include <QJsonDocument>

namespace corkboard::live {

namespace {

ClientMessage invalid(ClientMessage m, const char *code, const QString &detail)
{
    m.type = ClientMessage::Type::Invalid;
    m.errorCode = code;
    m.errorDetail = detail;
    return m;
}

bool readBoardId(const QJsonObject &json, QString &out)
{
    const QJsonValue board = json.value(QLatin1String("board_id"));
    if (!board.isString() || board.toString().isEmpty() || board.toString().size() > 64)
        return false;
    out = board.toString();
    return true;
}

} // namespace

ClientMessage parseClientMessage(const QString &text)
{
    ClientMessage m;
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        m.notAnObject = true;
        return invalid(
            m, "MALFORMED_REQUEST", QStringLiteral("each message must be a JSON object"));
    }
    m.json = doc.object();
    const QString type = m.json.value(QLatin1String("type")).toString();
    if (type == QLatin1String("auth")) {
        m.type = ClientMessage::Type::Auth;
    } else if (type == QLatin1String("subscribe") || type == QLatin1String("unsubscribe")) {
        if (!readBoardId(m.json, m.boardId)) {
            return invalid(
                m, "VALIDATION_FAILED", QStringLiteral("board_id is required (a string id)"));
        }
        m.type = type == QLatin1String("subscribe") ? ClientMessage::Type::Subscribe
                                                    : ClientMessage::Type::Unsubscribe;
        const QJsonValue since = m.json.value(QLatin1String("since"));
        if (m.type == ClientMessage::Type::Subscribe && !since.isNull() && !since.isUndefined()) {
            m.since = wholeNumber(since, 0, kMaxSince);
            if (!m.since) {
                return invalid(m, "VALIDATION_FAILED",
                    QStringLiteral("since must be a whole number ≥ 0 or null"));
            }
        }
    } else if (type == QLatin1String("ping")) {
        m.type = ClientMessage::Type::Ping;
        const QJsonValue id = m.json.value(QLatin1String("id"));
        if (id.isDouble()) {
            const auto n = wholeNumber(id);
            if (!n) {
                return invalid(m, "VALIDATION_FAILED",
                    QStringLiteral("id must be a whole number of at most 2^53, a string or null"));
            }
            m.pingId = QJsonValue(*n);
        } else if (id.isString()) {
            m.pingId = id.toString().left(64);
        }
    } else if (type.isEmpty()) {
        return invalid(m, "VALIDATION_FAILED", QStringLiteral("type is required"));
    } else {
        return invalid(m, "MALFORMED_REQUEST", QStringLiteral("unknown message type"));
    }
    return m;
}

} // namespace corkboard::live
