// The router and a controller, called directly: no socket involved.
#include "server/features/common/server_context.h"
#include "server/features/health/health_controller.h"
#include "server/http/router.h"
#include "server/platform/database.h"
#include "shared/problem.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace corkboard;

class TestRouter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pathParametersAreExtracted()
    {
        Router router;
        router.add("GET", QStringLiteral("/api/v1/boards/{id}"),
            [](Request &) { return Response::noContent(); });
        router.add("GET", QStringLiteral("/api/v1/boards/{id}/cards/{card_id}"),
            [](Request &) { return Response::noContent(); });
        const auto m = router.match("GET", QStringLiteral("/api/v1/boards/b-1/cards/c-9"));
        QVERIFY(m.route);
        QCOMPARE(m.route->pattern, QStringLiteral("/api/v1/boards/{id}/cards/{card_id}"));
        QCOMPARE(m.params.value(QStringLiteral("id")), QStringLiteral("b-1"));
        QCOMPARE(m.params.value(QStringLiteral("card_id")), QStringLiteral("c-9"));
    }

    void unknownPathHasNoAllowedMethods()
    {
        Router router;
        router.add("GET", QStringLiteral("/a"), [](Request &) { return Response::noContent(); });
        const auto m = router.match("GET", QStringLiteral("/b"));
        QVERIFY(!m.route);
        QVERIFY(m.allowed.isEmpty());
    }

    void wrongMethodListsAllowed()
    {
        Router router;
        router.add(
            "GET", QStringLiteral("/a/{x}"), [](Request &) { return Response::noContent(); });
        router.add(
            "PATCH", QStringLiteral("/a/{x}"), [](Request &) { return Response::noContent(); });
        const auto m = router.match("POST", QStringLiteral("/a/1"));
        QVERIFY(!m.route);
        QCOMPARE(m.allowed, (QByteArrayList {"GET", "PATCH", "HEAD", "OPTIONS"}));
    }

    void literalRoutesWinInTheOrderAddedAndParamsOnlyFillTheirOwnSegments()
    {
        Router router;
        auto none = [](Request &) { return Response::noContent(); };
        router.add("GET", QStringLiteral("/api/v1/boards/{id}"), none);
        router.add("POST", QStringLiteral("/api/v1/boards/{id}/cards"), none);
        router.add("GET", QStringLiteral("/api/v1/boards/{id}/events"), none);
        router.add("GET", QStringLiteral("/api/v1/boards/mine"), none); // shadowed by {id}
        router.add("GET", QStringLiteral("/health"), none);
        // Same length, other literal: no match and nothing allowed.
        QVERIFY(router.match("GET", QStringLiteral("/api/v1/lists/b-1")).allowed.isEmpty());
        // Repeated and trailing slashes do not count as segments.
        const auto cards = router.match("POST", QStringLiteral("//api/v1/boards/b-2/cards/"));
        QVERIFY(cards.route);
        QCOMPARE(cards.route->pattern, QStringLiteral("/api/v1/boards/{id}/cards"));
        QCOMPARE(cards.params,
            (QHash<QString, QString> {{QStringLiteral("id"), QStringLiteral("b-2")}}));
        // The first route added wins; the later one only adds nothing new to what is allowed.
        const auto mine = router.match("GET", QStringLiteral("/api/v1/boards/mine"));
        QCOMPARE(mine.route->pattern, QStringLiteral("/api/v1/boards/{id}"));
        QCOMPARE(mine.params.value(QStringLiteral("id")), QStringLiteral("mine"));
        QCOMPARE(mine.allowed, (QByteArrayList {"GET", "HEAD", "OPTIONS"}));
        // A GET on the cards path: only POST there.
        QCOMPARE(router.match("GET", QStringLiteral("/api/v1/boards/b-2/cards")).allowed,
            (QByteArrayList {"POST", "OPTIONS"}));
        QCOMPARE(router.match("GET", QStringLiteral("/health")).route->pattern,
            QStringLiteral("/health"));
        QVERIFY(!router.match("GET", QStringLiteral("/")).route);
    }

    void onlyMethodsWithAStreamedRouteAskForAStream()
    {
        Router router;
        auto none = [](Request &) { return Response::noContent(); };
        router.add("GET", QStringLiteral("/files/{id}"), none);
        RouteOptions upload;
        upload.streamBody = [](const QByteArray &) { return true; };
        router.add("POST", QStringLiteral("/files"), none, upload);
        QVERIFY(router.streamsFor("POST"));
        QVERIFY(!router.streamsFor("GET"));
        QVERIFY(!router.streamsFor("PATCH"));
    }

    void headMatchesGet()
    {
        Router router;
        router.add("GET", QStringLiteral("/a"), [](Request &) { return Response::noContent(); });
        QVERIFY(router.match("HEAD", QStringLiteral("/a")).route);
    }

    void controllerAnswersWithoutSocket()
    {
        QTemporaryDir dir;
        Config config;
        config.dataDir = dir.path();
        config.databaseUrl = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("t.db"));
        config.openRegistration = true;
        ServerContext server(config, std::make_shared<SystemClock>());
        Database db(config, QStringLiteral("router-test"));
        ThreadContext ctx {server, db, 0};
        Router router;
        HealthController controller(ctx, router);

        Request request;
        request.method = "GET";
        request.path = QStringLiteral("/api/v1/server-info");
        const Response response = controller.serverInfo(request);
        QCOMPARE(response.status, 200);
        const auto data = QJsonDocument::fromJson(response.body)
                              .object()
                              .value(QStringLiteral("data"))
                              .toObject();
        QCOMPARE(data.value(QStringLiteral("registration")).toString(), QStringLiteral("open"));
        QCOMPARE(data.value(QStringLiteral("api_version")).toString(), QStringLiteral("v1"));

        // No migrations applied to this file yet: not ready.
        const Response ready = controller.ready(request);
        QCOMPARE(ready.status, 503);
    }

    void problemRoundTrip()
    {
        Problem p;
        p.status = 422;
        p.code = ErrorCode::ValidationFailed;
        p.detail = QStringLiteral("bad");
        p.requestId = QStringLiteral("r1");
        p.errors = {
            {QStringLiteral("title"), QStringLiteral("too_long"), QStringLiteral("at most 200")}};
        Problem back;
        QVERIFY(Problem::fromJson(p.toJson(), back));
        QCOMPARE(back.code, ErrorCode::ValidationFailed);
        QCOMPARE(back.errors, p.errors);
        QCOMPARE(back.title, QStringLiteral("Unprocessable Content"));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "test_router.moc"
