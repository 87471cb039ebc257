#pragma once

#include <QString>

namespace corkboard {

//! Readiness facts straight from the database file (a fresh read-only connection each time,
//! so a file that went missing or unreadable is noticed even while pooled connections live).
class HealthRepository
{
public:
    explicit HealthRepository(QString sqlitePath);

    struct Probe
    {
        bool databaseOk = false;
        QString databaseError;
        int appliedMigrations = 0;
        int latestMigration = 0;
    };
    Probe probe() const;

private:
    QString m_path;
};

} // namespace corkboard
