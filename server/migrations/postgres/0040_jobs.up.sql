-- Durable background jobs (claimed by `corkboard --worker` under a lease). Scheduling columns
-- are milliseconds since the epoch so due/lease comparisons are plain integer comparisons.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead')),
    attempts BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL DEFAULT 3,
    run_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_token TEXT,
    lease_expires_at BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX jobs_due ON jobs (state, run_at);
CREATE INDEX jobs_lease ON jobs (state, lease_expires_at);
-- One row per worker process; the hosting server reads it for /ready.
CREATE TABLE worker_heartbeats (
    worker_id TEXT PRIMARY KEY,
    pid BIGINT NOT NULL,
    started_at BIGINT NOT NULL,
    beat_at BIGINT NOT NULL
);
-- Positions of jobs that walk an append-only table (e.g. the events outbox).
CREATE TABLE job_cursors (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL
);
