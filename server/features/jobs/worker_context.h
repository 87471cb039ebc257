#pragma once

#include <QList>
#include <QString>

namespace corkboard {

class Clock;
class Database;
class JobQueue;
struct Config;

//! What a job handler may use inside the worker process.
struct WorkerContext
{
    const Config &config;
    const Clock &clock;
    Database &db;
    JobQueue &queue;
    QString workerId;
};

//! A job kind the worker enqueues for itself every `intervalMs` of clock time (one job per
//! interval, whatever the number of workers: the interval number is the idempotency key).
struct PeriodicJob
{
    QString kind;
    qint64 intervalMs = 60000;
};

} // namespace corkboard
