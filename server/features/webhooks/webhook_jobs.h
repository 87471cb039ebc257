#pragma once

#include "server/features/jobs/worker_context.h"

namespace corkboard {

class JobRunner;
class OutboxRelay;

//! Webhook fan-out (an outbox consumer: one delivery + one `webhook.deliver` job per matching
//! webhook and event, keyed by webhook and event seq) and the delivery job itself.
void registerWebhookJobs(JobRunner &runner, OutboxRelay &relay, WorkerContext &context);

} // namespace corkboard
