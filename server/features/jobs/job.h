#pragma once

#include <QJsonObject>
#include <QString>

namespace corkboard {

enum class JobState
{
    Queued,
    Running,
    Done,
    Dead
};

//! One row of the jobs table as a worker sees it after claiming it.
struct Job
{
    QString id;
    QString kind;
    QJsonObject payload;
    QString idempotencyKey;
    QString concurrencyKey; //!< jobs sharing one are limited in how many run at once (or empty)
    JobState state = JobState::Queued;
    int attempts = 0; //!< including the current one once claimed
    int maxAttempts = 3;
    qint64 runAtMs = 0;
    QString leaseOwner;
    QString leaseToken; //!< fences complete/fail to the claim that is still valid
    qint64 leaseExpiresAtMs = 0;
    QString lastError;
};

QString jobStateName(JobState state);
JobState jobStateFromName(const QString &name);

} // namespace corkboard
