#pragma once

#include "server/features/jobs/worker_context.h"

namespace corkboard {

class JobRunner;

//! The one place that wires every job kind onto a worker's runner (like routes.cpp for HTTP);
//! returns the periodic jobs to schedule.
QList<PeriodicJob> registerJobKinds(JobRunner &runner, WorkerContext &context);

} // namespace corkboard
