#pragma once

#include "server/features/jobs/worker_context.h"

namespace corkboard {

class JobRunner;
class OutboxRelay;

//! Notifications derived in the worker:
//! - from the events outbox (an OutboxRelay consumer, in the relay's transaction): `assigned`
//!   for people newly in a card's assignee_ids, `mentioned` and `comment_on_assigned` for a
//!   new comment;
//! - by the periodic `notifications.reminders` job: `due_soon` (lead from the config) and
//!   `overdue` per assignee, keyed by card, user, kind and due date (a new due date re-arms).
//! Every insert goes through the natural key, so replays and concurrent workers add nothing.
void registerNotificationJobs(
    JobRunner &runner, OutboxRelay &relay, WorkerContext &context, QList<PeriodicJob> &periodic);

} // namespace corkboard
