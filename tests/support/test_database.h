#pragma once

#include <QString>

namespace corkboard {
struct Config;
}

namespace corkboard::test {

//! True when this test runs on PostgreSQL: CTest's postgres variants set
//! CORKBOARD_TEST_ENGINE=postgres (and the cluster's URL in CORKBOARD_TEST_POSTGRES_URL).
bool testUsesPostgres();

//! PostgreSQL: a new, empty database on the test cluster (one per call), as a postgres:// URL.
//! Throws (the test fails, it is never skipped) when no cluster was given.
QString freshPostgresDatabase();

//! Points `config` at the engine this test runs on: a fresh PostgreSQL database, or leaves the
//! SQLite file in the data dir as it is.
void useTestDatabase(Config &config);

//! One number from the test's database (both engines), e.g. a count.
qint64 countRows(const Config &config, const QString &sql);

} // namespace corkboard::test
