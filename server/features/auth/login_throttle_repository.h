#pragma once

#include <QString>

namespace corkboard {

class Database;

//! Per-account sign-in throttles in the database (PostgreSQL, several instances): a token bucket
//! per key in `auth_throttles`, taken from in one statement, so attempts spread over any number
//! of instances still get only the limit through.
class LoginThrottleRepository
{
public:
    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0;
    };

    explicit LoginThrottleRepository(Database &db)
        : m_db(db)
    {
    }
    //! Takes one token from the key's bucket (refilled at perSecond up to burst) if it has one.
    Decision take(const QString &key, qint64 nowMs, double perSecond, double burst);
    //! A success: the bucket is full again.
    void reset(const QString &key);

private:
    Database &m_db;
};

} // namespace corkboard
