// libFuzzer harness: a JSON request body as the server reads it (QJsonDocument, an object, as
// the pipeline does) through the one FieldReader, every kind of field, and the webhook URL
// checks. Any crash, sanitizer report or exception other than the 422 is a finding.
#include "server/features/common/field_reader.h"
#include "server/features/webhooks/webhook_sender.h"
#include "server/features/webhooks/webhook_target_policy.h"
#include "server/platform/app_error.h"
#include "shared/json_number.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace corkboard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0; // the pipeline answers 400 here
    const QJsonObject json = doc.object();
    FieldReader reader(json,
        {"name", "title", "wip_limit", "position", "archived", "due_at", "column_id", "label_ids",
            "url"});
    reader.text("name", 1, 100, false);
    reader.text("title", 0, 500, false);
    reader.nullableInt("wip_limit", 0, 999);
    reader.nullableInt("position", -2147483647 - 1, 2147483647);
    reader.boolean("archived");
    reader.nullableTime("due_at");
    reader.id("column_id", false);
    reader.idList("label_ids", 50);
    for (auto it = json.begin(); it != json.end(); ++it)
        wholeNumber(it.value(), 0, 999);
    const QString url = json.value(QLatin1String("url")).toString();
    if (!url.isEmpty() && WebhookCall::urlProblem(url).isEmpty()) {
        const WebhookTargetPolicy policy({QStringLiteral("10.0.5.0/24")}, {});
        policy.hostProblem(QUrl(url, QUrl::StrictMode).host());
    }
    try {
        reader.finish();
    } catch (const AppError &) {
        // 422 with field errors: the expected answer to bad input
    }
    return 0;
}
