#pragma once

#include "server/features/auth/jwt_key_store.h"
#include "server/features/auth/password_hasher.h"
#include "server/features/auth/revocation_list.h"
#include "server/features/auth/setup_gate.h"
#include "server/features/events/event_bus.h"
#include "server/features/events/live_bus.h"
#include "server/features/users/user_cache.h"
#include "server/http/connection_limits.h"
#include "server/http/metrics.h"
#include "server/http/rate_limiter.h"
#include "server/http/tls_context.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"

#include <QDateTime>
#include <atomic>
#include <memory>

namespace corkboard {

//! Process-wide, thread-safe services every server thread shares. Per-thread things (the
//! database connection, router, controllers) live in ThreadContext instead.
struct ServerContext
{
    ServerContext(Config cfg, std::shared_ptr<Clock> clk)
        : config(std::move(cfg))
        , clock(std::move(clk))
        , rateLimiter(*clock, config.rateLimitPerSecond, config.rateLimitBurst)
        , authLimiter(*clock, config.authRateLimitPerMinute / 60.0, config.authRateLimitPerMinute)
        , passwords(config.passwordOpsLimit, config.passwordMemLimit)
        , jwtKeys(config, *clock)
        , userCache(*clock)
        , liveBus(*clock)
        , revocations(*clock)
        , connectionLimiter(config.maxConnections, config.maxConnectionsPerAddress)
    {
        connectionLimiter.setUncappedPeers(config.trustedProxies);
        // After each commit the hubs of every server thread are told (queued, never blocking).
        eventBus.subscribe([this](const EventEnvelope &event) {
            liveBus.notifyCommitted(event.boardId, event.seq);
        });
        // A revocation (from this process or read from the database) drops cached user state and
        // ends the live connections it concerns on every server thread.
        revocations.subscribe([this](const QList<Revocation> &fresh) {
            QSet<QString> sessions;
            QSet<QString> users;
            for (const Revocation &r : fresh) {
                if (r.kind == Revocation::Kind::Session) {
                    sessions.insert(r.subject);
                    continue;
                }
                userCache.invalidate(r.subject);
                if (r.kind == Revocation::Kind::UserDisabled)
                    users.insert(r.subject);
            }
            if (!sessions.isEmpty() || !users.isEmpty())
                liveBus.notifyRevoked(sessions, users);
        });
    }

    const Config config;
    const std::shared_ptr<Clock> clock;
    Metrics metrics;
    RateLimiter rateLimiter;
    //! Events of committed mutations are published here (live-update hubs subscribe).
    EventBus eventBus;
    //! Failed sign-ins and registrations, per address and per account (per minute).
    RateLimiter authLimiter;
    PasswordHasher passwords;
    JwtKeyStore jwtKeys; //!< loaded by ServerHost::start
    //! The per-request user check (role, disabled), invalidated by every write to those.
    UserCache userCache;
    //! Post-commit fan-out of events to the live hubs of every server thread.
    LiveBus liveBus;
    //! Signed-out sessions every request is checked against (fed from the database).
    RevocationList revocations;
    //! First start beyond loopback: the setup code the first registration must present.
    SetupGate setupGate;
    //! Open connections, server-wide and per address (the acceptor admits, guards release).
    ConnectionLimiter connectionLimiter;
    //! HTTPS: the certificate every new connection uses (disabled: plain HTTP).
    TlsContext tls;
    //! Plain HTTP beyond loopback (--insecure-http): /ready says so.
    bool insecureHttp = false;
    QDateTime startedAt = QDateTime::currentDateTimeUtc();
    //! Last heartbeat of the background worker (ms since epoch; 0: none yet).
    std::atomic<qint64> workerHeartbeatMs {0};
    //! False when no worker is expected (tests, --worker itself).
    bool expectWorker = false;
};

class Database;

//! What a feature sees on one server thread.
struct ThreadContext
{
    ServerContext &server;
    Database &db;
    int threadIndex = 0;
};

} // namespace corkboard
