#pragma once

#include "server/features/cards/card_service.h"
#include "server/features/events/event_bus.h"
#include "server/features/events/mutation.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/database.h"
#include "shared/error_code.h"

#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace corkboard::test {

//! The code of the AppError `f` throws; Internal when it throws none (shows up as a mismatch).
ErrorCode codeOf(const std::function<void()> &f);
//! A card titled `title` for `column`, nothing else set.
CardInput cardIn(const QString &column, const QString &title);

//! A migrated SQLite file with services' dependencies, for service-level tests (no HTTP).
class BoardFixture
{
public:
    BoardFixture();
    ~BoardFixture();

    Database &db() { return *m_db; }
    ServiceDeps deps() { return ServiceDeps {*m_db, m_clock, m_bus}; }
    ManualClock &clock() { return m_clock; }
    EventBus &bus() { return m_bus; }
    //! Inserts a users row directly and returns its id.
    QString addUser(const QString &displayName, const QString &role = QStringLiteral("member"));
    //! A second connection to the same file (for concurrency tests).
    std::unique_ptr<Database> openConnection(const QString &name);
    qint64 scalar(const QString &sql);

private:
    QTemporaryDir m_dir;
    Config m_config;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock;
    EventBus m_bus;
};

} // namespace corkboard::test
