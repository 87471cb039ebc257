#include "server/features/idempotency/idempotency_store.h"

#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"

namespace corkboard {

namespace {
bool validKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > 64)
        return false;
    for (const char c : key) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}
} // namespace

void IdempotencyStore::forget(const QString &userId, const QString &key)
{
    SqlQuery q(m_db, QStringLiteral("DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?"));
    q.bind(0, userId).bind(1, key).exec();
}

Response IdempotencyStore::run(const Request &request, const std::function<Response()> &create)
{
    if (!request.hasHeader("Idempotency-Key"))
        return create();
    const QByteArray rawKey = request.header("Idempotency-Key");
    if (!validKey(rawKey))
        throw AppError::validation(QStringLiteral("Idempotency-Key"), QStringLiteral("invalid"),
            QStringLiteral("must be 1–64 visible ASCII characters"));
    const QString key = QString::fromLatin1(rawKey);
    const QString userId = request.user().userId;
    const QString hash = QString::fromLatin1(
        crypto::sha256(request.method + ' ' + request.path.toUtf8() + '\n' + request.body).toHex());
    const qint64 now = m_clock.nowMs();

    SqlQuery find(m_db,
        QStringLiteral(
            "SELECT request_hash, status, body, etag, created_at_ms FROM idempotency_keys "
            "WHERE user_id = ? AND key = ?"));
    find.bind(0, userId).bind(1, key).exec();
    if (find.next()) {
        if (find.value(4).toLongLong() >= now - kRetentionMs) {
            if (find.value(0).toString() != hash)
                throw AppError::validation(QStringLiteral("Idempotency-Key"),
                    QStringLiteral("reused"),
                    QStringLiteral("this key was used for a different request"));
            if (find.value(1).toInt() == 0)
                throw AppError(ErrorCode::Conflict,
                    QStringLiteral("a request with this Idempotency-Key is in progress"));
            Response replay = Response::json(find.value(1).toInt(), find.value(2).toByteArray());
            if (!find.value(3).toString().isEmpty())
                replay.withHeader("ETag", find.value(3).toString().toLatin1());
            replay.withHeader("Idempotent-Replayed", "true");
            return replay;
        }
        forget(userId, key);
    }
    SqlQuery purge(m_db, QStringLiteral("DELETE FROM idempotency_keys WHERE created_at_ms < ?"));
    purge.bind(0, now - kRetentionMs).exec();
    SqlQuery claim(m_db,
        QStringLiteral(
            "INSERT INTO idempotency_keys (user_id, key, request_hash, status, created_at_ms) "
            "VALUES (?, ?, ?, 0, ?)"));
    claim.bind(0, userId).bind(1, key).bind(2, hash).bind(3, now);
    try {
        claim.exec();
    } catch (const AppError &) {
        throw AppError(ErrorCode::Conflict,
            QStringLiteral("a request with this Idempotency-Key is in progress"));
    }
    Response response;
    try {
        response = create();
    } catch (...) {
        forget(userId, key);
        throw;
    }
    if (response.status >= 200 && response.status < 300) {
        SqlQuery store(m_db,
            QStringLiteral("UPDATE idempotency_keys SET status = ?, body = ?, etag = ? "
                           "WHERE user_id = ? AND key = ?"));
        store.bind(0, response.status)
            .bind(1, response.body)
            .bind(2, QString::fromLatin1(response.header("ETag")));
        store.bind(3, userId).bind(4, key).exec();
    } else {
        forget(userId, key);
    }
    return response;
}

} // namespace corkboard
