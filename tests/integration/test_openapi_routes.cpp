// Every route the server registers is described in the OpenAPI document (method and path),
// with at least one error response referencing the shared Problem response.
#include "server/features/common/server_context.h"
#include "server/host/http_worker.h"
#include "server/http/router.h"
#include "tests/support/test_server.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard;

class TestOpenApiRoutes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRouteIsDocumented()
    {
        QTemporaryDir dir;
        ServerContext context(test::testConfig(dir.path()), std::make_shared<SystemClock>());
        HttpWorker worker(context, 0);

        QFile file(QStringLiteral(":/openapi/openapi.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject paths = QJsonDocument::fromJson(file.readAll())
                                      .object()
                                      .value(QStringLiteral("paths"))
                                      .toObject();
        QVERIFY(!paths.isEmpty());

        QStringList missing;
        QStringList withoutErrors;
        int checked = 0;
        for (const Route &route : worker.router().routes()) {
            const QJsonObject operation = paths.value(route.pattern)
                                              .toObject()
                                              .value(QString::fromLatin1(route.method).toLower())
                                              .toObject();
            const QString name
                = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
            if (operation.isEmpty()) {
                missing.append(name);
                continue;
            }
            ++checked;
            const QJsonObject responses = operation.value(QStringLiteral("responses")).toObject();
            bool hasProblem = false;
            for (auto it = responses.begin(); it != responses.end(); ++it) {
                if (it.key().toInt() >= 400
                    && it.value()
                           .toObject()
                           .value(QStringLiteral("$ref"))
                           .toString()
                           .startsWith(QLatin1String("#/components/responses/")))
                    hasProblem = true;
            }
            // Liveness and friends may not have error responses; API routes must.
            if (!hasProblem && route.pattern.startsWith(QLatin1String("/api/v1/")))
                withoutErrors.append(name);
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(
                QStringLiteral("undocumented routes: ") + missing.join(QStringLiteral(", "))));
        QVERIFY2(withoutErrors.isEmpty(),
            qPrintable(QStringLiteral("routes without error responses: ")
                + withoutErrors.join(QStringLiteral(", "))));
        QVERIFY(checked > 30);
    }
};

QTEST_GUILESS_MAIN(TestOpenApiRoutes)
#include "test_openapi_routes.moc"
