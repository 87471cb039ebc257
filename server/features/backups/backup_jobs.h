#pragma once

#include "server/features/jobs/worker_context.h"

namespace corkboard {

class JobRunner;

//! "backup.scheduled": one verified backup per CORKBOARD_BACKUP_INTERVAL, then retention
//! (CORKBOARD_BACKUP_KEEP). Idempotent: a repeated job finds its slot's backup and does nothing.
void registerBackupJobs(JobRunner &runner, WorkerContext &context, QList<PeriodicJob> &periodic);

} // namespace corkboard
