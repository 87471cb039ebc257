#pragma once

#include "server/http/request.h"
#include "server/http/response.h"

#include <functional>

namespace corkboard {

class Database;
class Clock;

//! Idempotency-Key on creating POSTs: the first response per (user, key) is stored for 24 h and
//! replayed for repeats; the same key with a different request is refused (422), a repeat while
//! the first is still running gets 409.
class IdempotencyStore
{
public:
    IdempotencyStore(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    Response run(const Request &request, const std::function<Response()> &create);

    static constexpr qint64 kRetentionMs = 24LL * 60 * 60 * 1000;

private:
    void forget(const QString &userId, const QString &key);
    Database &m_db;
    const Clock &m_clock;
};

} // namespace corkboard
