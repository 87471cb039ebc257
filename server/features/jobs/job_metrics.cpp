#include "server/features/jobs/job_metrics.h"

#include "server/features/jobs/job_queue.h"
#include "server/platform/config.h"
#include "server/platform/database.h"

#include <atomic>

namespace corkboard {

QByteArray renderJobMetrics(const Config &config)
{
    static std::atomic<int> counter {0};
    QByteArray out;
    try {
        Database db(config, QStringLiteral("corkboard-job-metrics-%1").arg(++counter));
        const auto counts = JobQueue(db).countByState();
        out += "# HELP corkboard_jobs Background jobs by state (dead: failed every attempt).\n"
               "# TYPE corkboard_jobs gauge\n";
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            out += "corkboard_jobs{state=\"" + it.key().toLatin1() + "\"} "
                + QByteArray::number(it.value()) + '\n';
        }
        out += "# HELP corkboard_jobs_dead_total Jobs that ended in the dead-letter state.\n"
               "# TYPE corkboard_jobs_dead_total counter\n"
               "corkboard_jobs_dead_total "
            + QByteArray::number(counts.value(QStringLiteral("dead"))) + '\n';
    } catch (const std::exception &) {
        // /ready reports an unreadable database; metrics just leave the job lines out.
    }
    return out;
}

} // namespace corkboard
