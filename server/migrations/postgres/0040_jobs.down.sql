DROP TABLE job_cursors;
DROP TABLE worker_heartbeats;
DROP INDEX jobs_lease;
DROP INDEX jobs_due;
DROP TABLE jobs;
