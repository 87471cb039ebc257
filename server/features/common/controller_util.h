#pragma once

#include "server/features/auth/account_deps.h"
#include "server/features/common/server_context.h"
#include "server/features/events/mutation.h"
#include "server/http/response.h"
#include "shared/json_writer.h"

#include <QList>

namespace corkboard {

//! {"data": <resource>} with the given status.
template<typename T>
Response resourceResponse(int status, const T &value)
{
    JsonWriter w(1024);
    w.beginObject().key("data");
    writeJson(w, value);
    w.endObject();
    return Response::json(status, w.take());
}

//! {"data": [...], "next_cursor": "…" | null}.
template<typename T>
Response listResponse(const QList<T> &items, const QString &nextCursor)
{
    JsonWriter w(256 + items.size() * 256);
    w.beginObject().key("data").beginArray();
    for (const auto &item : items)
        writeJson(w, item);
    w.endArray();
    w.key("next_cursor").nullableValue(nextCursor.isEmpty() ? QString() : nextCursor);
    w.endObject();
    return Response::json(200, w.take());
}

//! The service dependencies of one server thread.
inline ServiceDeps serviceDeps(ThreadContext &ctx)
{
    return ServiceDeps {ctx.db, *ctx.server.clock, ctx.server.eventBus};
}

//! What the account services and the authenticator of one server thread use.
inline AccountDeps accountDeps(ThreadContext &ctx)
{
    ServerContext &s = ctx.server;
    return AccountDeps {ctx.db, s.config, *s.clock, s.authLimiter, s.passwords, s.revocations,
        s.userCache, s.jwtKeys, s.setupGate};
}

} // namespace corkboard
