#pragma once

#include "server/features/jobs/worker_context.h"

namespace corkboard {

class JobRunner;

//! Clean-up: finished jobs, stale heartbeats, expired refresh tokens, spent invites and events
//! beyond the retention period. One periodic job, idempotent (it only deletes what is past due).
void registerMaintenanceJobs(
    JobRunner &runner, WorkerContext &context, QList<PeriodicJob> &periodic);

} // namespace corkboard
