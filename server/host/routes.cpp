#include "server/host/routes.h"

#include "server/features/activity/activity_controller.h"
#include "server/features/attachments/attachment_controller.h"
#include "server/features/attachments/upload_controller.h"
#include "server/features/auth/auth_controller.h"
#include "server/features/auth/invites_controller.h"
#include "server/features/auth/jwt_authenticator.h"
#include "server/features/backups/backup_controller.h"
#include "server/features/boards/board_controller.h"
#include "server/features/cards/card_controller.h"
#include "server/features/checklists/checklist_controller.h"
#include "server/features/columns/column_controller.h"
#include "server/features/comments/comment_controller.h"
#include "server/features/common/controller_util.h"
#include "server/features/common/server_context.h"
#include "server/features/events/live_controller.h"
#include "server/features/events/live_hub.h"
#include "server/features/events/outbox_pump.h"
#include "server/features/events/sql_live_backend.h"
#include "server/features/health/health_controller.h"
#include "server/features/jobs/job_metrics.h"
#include "server/features/labels/label_controller.h"
#include "server/features/notifications/notification_controller.h"
#include "server/features/notifications/notification_pump.h"
#include "server/features/search/search_controller.h"
#include "server/features/transfer/transfer_controller.h"
#include "server/features/users/users_controller.h"
#include "server/features/webhooks/webhook_controller.h"
#include "server/host/http_worker.h"

namespace corkboard {

void registerRoutes(HttpWorker &worker)
{
    ThreadContext &ctx = worker.threadContext();
    auto &health = worker.own(std::make_shared<HealthController>(ctx, worker.router()));
    health.registerRoutes(worker.router());
    worker.own(std::make_shared<BoardController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<ColumnController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<CardController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<LabelController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<ChecklistController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<CommentController>(ctx)).registerRoutes(worker.router());
    auto &attachments = worker.own(std::make_shared<AttachmentController>(ctx));
    attachments.registerRoutes(worker.router());
    worker
        .own(std::make_shared<UploadController>(attachments.uploads(), ctx.server.config.uploadMax))
        .registerRoutes(worker.router());
    worker.own(std::make_shared<ActivityController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<SearchController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<WebhookController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<NotificationController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<BackupController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<TransferController>(ctx)).registerRoutes(worker.router());
    if (ctx.threadIndex == 0) {
        const Config &config = ctx.server.config;
        ctx.server.metrics.addCollector([&config] { return renderJobMetrics(config); });
        LiveBus &bus = ctx.server.liveBus;
        worker.own(std::make_shared<NotificationPump>(
            ctx.db, [&bus](const QString &userId, const QByteArray &message) {
                bus.notifyUser(userId, message);
            }));
        // Events the worker process (and, on PostgreSQL, every other instance) writes reach
        // live windows too.
        auto &pump = worker.own(std::make_shared<OutboxPump>(ctx.db,
            [&bus](const QString &boardId, qint64 seq) { bus.notifyCommitted(boardId, seq); }));
        if (ctx.db.isPostgres())
            pump.listen(config);
    }

    auto &authenticator = worker.own(std::make_shared<JwtAuthenticator>(accountDeps(ctx)));
    worker.pipeline().setAuthenticator(&authenticator);
    worker.own(std::make_shared<AuthController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<UsersController>(ctx)).registerRoutes(worker.router());
    worker.own(std::make_shared<InvitesController>(ctx)).registerRoutes(worker.router());

    if (!ctx.server.liveBus.backendFactory()) {
        ctx.server.liveBus.setBackendFactory([](ThreadContext &thread) {
            return std::make_unique<SqlLiveBackend>(accountDeps(thread));
        });
    }
    auto &hub = worker.own(std::make_shared<LiveHub>(ctx, ctx.server.liveBus));
    hub.attach(worker.httpServer());
    worker.addDrainHook([&hub] { hub.beginShutdown(); }, [&hub] { return hub.hasSessions(); });
    auto &live = worker.own(std::make_shared<LiveController>(hub));
    live.registerRoutes(worker.router());
}

} // namespace corkboard
