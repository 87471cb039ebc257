#include "shared/problem.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace corkboard {

QByteArray Problem::toJson() const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("type"), QStringLiteral("about:blank"));
    o.insert(QStringLiteral("title"), title.isEmpty() ? reasonPhrase(status) : title);
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("code"), errorCodeName(code));
    o.insert(QStringLiteral("detail"), detail);
    o.insert(QStringLiteral("request_id"), requestId);
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const auto &e : errors) {
            list.append(QJsonObject {{QStringLiteral("field"), e.field},
                {QStringLiteral("code"), e.code}, {QStringLiteral("message"), e.message}});
        }
        o.insert(QStringLiteral("errors"), list);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool Problem::fromJson(const QByteArray &body, Problem &out)
{
    QJsonParseError err {};
    const auto doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    QJsonObject o = doc.object();
    const auto codeName = o.value(QStringLiteral("code")).toString();
    if (codeName.isEmpty() || !o.contains(QStringLiteral("status")))
        return false;
    out.status = o.value(QStringLiteral("status")).toInt();
    out.code = errorCodeFromName(codeName).value_or(ErrorCode::Internal);
    out.title = o.value(QStringLiteral("title")).toString();
    out.detail = o.value(QStringLiteral("detail")).toString();
    out.requestId = o.value(QStringLiteral("request_id")).toString();
    out.errors.clear();
    const auto list = o.value(QStringLiteral("errors")).toArray();
    for (const auto &v : list) {
        const auto e = v.toObject();
        out.errors.append({e.value(QStringLiteral("field")).toString(),
            e.value(QStringLiteral("code")).toString(),
            e.value(QStringLiteral("message")).toString()});
    }
    for (const auto *key : {"type", "title", "status", "code", "detail", "request_id", "errors"})
        o.remove(QLatin1String(key));
    out.extra = o;
    return true;
}

} // namespace corkboard
