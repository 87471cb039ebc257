#include "server/features/labels/label_controller.h"

#include "server/features/common/controller_util.h"
#include "server/features/common/field_reader.h"
#include "server/http/router.h"

#include <QRegularExpression>

namespace corkboard {

namespace {
std::optional<QString> readColor(FieldReader &body, bool required)
{
    auto color = body.text("color", 1, 7, required);
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (color && !hex.match(*color).hasMatch()) {
        body.addError(QStringLiteral("color"), QStringLiteral("invalid_format"),
            QStringLiteral("must look like #1a2b3c"));
        return std::nullopt;
    }
    if (color)
        return color->toLower();
    return color;
}

Response labelResponse(int status, const Label &label)
{
    Response r = resourceResponse(status, label);
    return withEtag(r, label.version);
}
} // namespace

LabelController::LabelController(ThreadContext &context)
    : m_service(serviceDeps(context))
    , m_idempotency(context.db, *context.server.clock)
{
}

void LabelController::registerRoutes(Router &router)
{
    // Writes run on the write lane (SQLite): database work only, events after the commit.
    RouteOptions write;
    write.writeLane = true;
    RouteOptions json = write;
    json.body = BodyKind::Json;
    router.add("GET", QStringLiteral("/api/v1/boards/{id}/labels"),
        [this](Request &r) { return list(r); });
    router.add(
        "POST", QStringLiteral("/api/v1/boards/{id}/labels"),
        [this](Request &r) { return create(r); }, json);
    router.add(
        "PATCH", QStringLiteral("/api/v1/labels/{id}"), [this](Request &r) { return update(r); },
        json);
    router.add(
        "DELETE", QStringLiteral("/api/v1/labels/{id}"), [this](Request &r) { return remove(r); },
        write);
}

Response LabelController::list(const Request &request)
{
    return listResponse(
        m_service.list(request.user().userId, request.param(QStringLiteral("id"))), QString());
}

Response LabelController::create(const Request &request)
{
    FieldReader body(request.json, {"name", "color"});
    const auto name = body.text("name", 1, 100, true);
    const auto color = readColor(body, true);
    body.finish();
    return m_idempotency.run(request, [&] {
        return labelResponse(201,
            m_service.create(
                request.user().userId, request.param(QStringLiteral("id")), *name, *color));
    });
}

Response LabelController::update(const Request &request)
{
    FieldReader body(request.json, {"name", "color"});
    const auto name = body.text("name", 1, 100, false);
    const auto color = readColor(body, false);
    body.finish();
    return labelResponse(200,
        m_service.update(request.user().userId, request.param(QStringLiteral("id")), name, color,
            ifMatchVersion(request)));
}

Response LabelController::remove(const Request &request)
{
    m_service.remove(
        request.user().userId, request.param(QStringLiteral("id")), ifMatchVersion(request));
    return Response::noContent();
}

} // namespace corkboard
