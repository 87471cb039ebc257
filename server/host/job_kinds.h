#pragma once

#include "server/features/jobs/worker_context.h"

namespace corkboard {

class JobRunner;
class OutboxRelay;

//! The one place that wires every job kind onto a worker's runner (like routes.cpp for HTTP);
//! returns the periodic jobs to schedule.
QList<PeriodicJob> registerJobKinds(JobRunner &runner, OutboxRelay &relay, WorkerContext &context);

} // namespace corkboard
