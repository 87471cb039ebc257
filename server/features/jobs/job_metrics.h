#pragma once

#include <QByteArray>

namespace corkboard {

struct Config;

//! Prometheus lines for the jobs table (jobs by state; dead jobs are the dead-letter queue),
//! read through a short-lived connection so any server thread may render them.
QByteArray renderJobMetrics(const Config &config);

} // namespace corkboard
