#include "server/host/request_lane.h"

#include "server/features/common/server_context.h"
#include "server/host/http_worker.h"
#include "server/http/metrics.h"
#include "server/http/router.h"
#include "server/platform/app_error.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

namespace corkboard {

RequestLane::RequestLane(HttpWorker &worker, Metrics &metrics)
    : m_worker(worker)
    , m_batches(std::make_shared<std::atomic<qint64>>(0))
    , m_requests(std::make_shared<std::atomic<qint64>>(0))
{
    metrics.addCollector([batches = m_batches, requests = m_requests] {
        QByteArray out;
        out.append("# HELP corkboard_write_lane_batches_total Write transactions of the write "
                   "lane.\n# TYPE corkboard_write_lane_batches_total counter\n"
                   "corkboard_write_lane_batches_total ");
        out.append(QByteArray::number(batches->load()));
        out.append("\n# HELP corkboard_write_lane_requests_total Requests the write lane ran.\n"
                   "# TYPE corkboard_write_lane_requests_total counter\n"
                   "corkboard_write_lane_requests_total ");
        out.append(QByteArray::number(requests->load()));
        out.append('\n');
        return out;
    });
}

RequestLane::~RequestLane() = default;

void RequestLane::submit(
    std::shared_ptr<Request> request, QObject *context, std::function<void(Response)> done)
{
    QMutexLocker guard(&m_lock);
    m_queue.push_back(Job {std::move(request), context, std::move(done)});
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(this, &RequestLane::drain, Qt::QueuedConnection);
}

void RequestLane::drain()
{
    std::vector<Job> jobs;
    {
        QMutexLocker guard(&m_lock);
        jobs.swap(m_queue);
        m_scheduled = false;
    }
    for (size_t first = 0; first < jobs.size(); first += kMaxBatch) {
        const size_t last = std::min(jobs.size(), first + kMaxBatch);
        std::vector<Job> batch(std::make_move_iterator(jobs.begin() + qsizetype(first)),
            std::make_move_iterator(jobs.begin() + qsizetype(last)));
        runBatch(batch);
    }
}

void RequestLane::runBatch(std::vector<Job> &jobs)
{
    Database &db = m_worker.threadContext().db;
    std::vector<Response> answers(jobs.size());
    bool committed = false;
    try {
        db.beginBatch();
        bool broken = false;
        for (size_t i = 0; i < jobs.size() && !broken; ++i) {
            Request &request = *jobs[i].request;
            logging::setCurrentRequestId(request.requestId);
            db.beginJob();
            bool ok = true;
            try {
                const auto match = m_worker.router().match(request.method, request.path);
                if (!match.route)
                    throw AppError(ErrorCode::NotFound, QStringLiteral("no such resource"));
                answers[i] = match.route->handler(request);
                ok = answers[i].status < 400;
            } catch (...) {
                ok = false;
                answers[i] = mapException(std::current_exception(), request.requestId);
            }
            broken = !db.endJob(ok);
        }
        logging::setCurrentRequestId(QString());
        if (broken)
            db.rollbackBatch();
        else
            committed = db.commitBatch();
    } catch (...) {
        db.rollbackBatch();
        logging::setCurrentRequestId(QString());
    }
    if (!committed) {
        // Nothing of this batch is written: every request in it is told to try again.
        for (size_t i = 0; i < jobs.size(); ++i) {
            answers[i] = mapException(std::make_exception_ptr(AppError(ErrorCode::Unavailable,
                                          QStringLiteral("the database is busy or unavailable"))),
                jobs[i].request->requestId);
        }
    }
    m_batches->fetch_add(1);
    m_requests->fetch_add(qint64(jobs.size()));
    for (size_t i = 0; i < jobs.size(); ++i) {
        QObject *context = jobs[i].context.data();
        if (!context)
            continue;
        QMetaObject::invokeMethod(
            context,
            [done = std::move(jobs[i].done), answer = std::move(answers[i])]() mutable {
                done(std::move(answer));
            },
            Qt::QueuedConnection);
    }
}

} // namespace corkboard
