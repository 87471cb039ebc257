#pragma once

#include <QString>

namespace corkboard {

struct Config;

//! Readiness facts straight from the database (a fresh connection each time, so a file that went
//! missing or unreadable, or a PostgreSQL server that is down or restarting, is noticed even
//! while pooled connections live).
class HealthRepository
{
public:
    explicit HealthRepository(const Config &config);

    struct Probe
    {
        bool databaseOk = false;
        QString databaseError;
        int appliedMigrations = 0;
        int latestMigration = 0;
    };
    Probe probe() const;

private:
    QString m_path; // SQLite
    QString m_url; // PostgreSQL
    QString m_password;
};

} // namespace corkboard
