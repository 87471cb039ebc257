#include "server/features/health/health_controller.h"

#include "server/features/common/server_context.h"
#include "server/http/router.h"
#include "server/platform/migrator.h"
#include "shared/json_writer.h"
#include "shared/time_format.h"

#include <QFile>

namespace corkboard {

HealthController::HealthController(ThreadContext &context, const Router &)
    : m_context(context)
    , m_repository(context.server.config)
{
    const auto migrations = Migrator::builtinMigrations(
        context.server.config.usesPostgres() ? SqlEngine::Postgres : SqlEngine::Sqlite);
    m_expectedMigrations = migrations.isEmpty() ? 0 : migrations.last().version;
    QFile f(QStringLiteral(":/openapi/openapi.json"));
    if (f.open(QIODevice::ReadOnly))
        m_openApi = f.readAll();
}

void HealthController::registerRoutes(Router &router)
{
    RouteOptions open;
    open.auth = false;
    router.add(
        "GET", QStringLiteral("/health"), [this](Request &r) { return health(r); }, open);
    router.add(
        "GET", QStringLiteral("/ready"), [this](Request &r) { return ready(r); }, open);
    router.add(
        "GET", QStringLiteral("/metrics"), [this](Request &r) { return metrics(r); }, open);
    router.add(
        "GET", QStringLiteral("/api/v1/server-info"), [this](Request &r) { return serverInfo(r); },
        open);
    router.add(
        "GET", QStringLiteral("/api/openapi.json"), [this](Request &r) { return openApi(r); },
        open);
}

Response HealthController::health(const Request &)
{
    return Response::json(200, QByteArrayLiteral("{\"status\":\"ok\"}"));
}

Response HealthController::ready(const Request &)
{
    const auto probe = m_repository.probe();
    const bool migrationsOk = probe.databaseOk && probe.latestMigration >= m_expectedMigrations;
    const ServerContext &server = m_context.server;
    const qint64 beat = server.workerHeartbeatMs.load();
    const qint64 ageMs = server.clock->nowMs() - beat;
    const bool workerOk = !server.expectWorker || (beat > 0 && ageMs < 30000);

    JsonWriter w;
    w.beginObject();
    const bool ok = probe.databaseOk && migrationsOk && workerOk;
    w.field("status", ok ? "ok" : "unavailable");
    w.key("checks").beginObject();
    w.key("database").beginObject().field("status", probe.databaseOk ? "ok" : "failing");
    if (!probe.databaseOk)
        w.field("detail", probe.databaseError);
    w.endObject();
    w.key("migrations").beginObject().field("status", migrationsOk ? "ok" : "failing");
    w.field("applied", qint64(probe.latestMigration))
        .field("expected", qint64(m_expectedMigrations));
    w.endObject();
    w.key("worker").beginObject().field("status", workerOk ? "ok" : "failing");
    if (server.expectWorker && beat > 0)
        w.field("last_heartbeat_ms_ago", ageMs);
    w.endObject();
    // Informational (never makes /ready fail): how the LAN link is protected.
    w.key("transport").beginObject();
    if (server.tls.isEnabled()) {
        w.field("status", "ok").field("tls", true);
        w.field("fingerprint_sha256", server.tls.fingerprint());
        w.field("certificate_expires_at", toRfc3339(server.tls.expiresAt()));
        w.field("self_signed", server.tls.isSelfSigned());
    } else if (server.insecureHttp) {
        w.field("status", "warning").field("tls", false);
        w.field("detail",
            "plain HTTP beyond loopback (--insecure-http): passwords and tokens cross the "
            "network unencrypted");
    } else {
        w.field("status", "ok").field("tls", false);
        w.field("detail", "plain HTTP on loopback only");
    }
    w.endObject();
    w.endObject();
    w.endObject();
    return Response::json(ok ? 200 : 503, w.take());
}

Response HealthController::metrics(const Request &)
{
    return Response::text(
        200, m_context.server.metrics.render(), QByteArrayLiteral("text/plain; version=0.0.4"));
}

Response HealthController::serverInfo(const Request &)
{
    JsonWriter w;
    w.beginObject();
    w.field("name", "Corkboard");
    w.field("version", CORKBOARD_VERSION);
    w.field("api_version", "v1");
    w.field("registration", m_context.server.config.openRegistration ? "open" : "invite");
    // No account yet: clients open on "Create the first account" (with the setup code field
    // when the server printed one).
    w.field("setup_required", m_context.server.setupGate.firstAccountPending(m_context.db));
    w.field("setup_code_required", m_context.server.setupGate.codeRequired());
    w.field("started_at", toRfc3339(m_context.server.startedAt));
    w.endObject();
    return Response::data(200, w.take());
}

Response HealthController::openApi(const Request &)
{
    Response r = Response::json(200, m_openApi);
    r.withHeader("Cache-Control", "no-cache");
    return r;
}

} // namespace corkboard
