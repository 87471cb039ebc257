#include "server/platform/send_ring.h"

#include <algorithm>
#include <cerrno>
#include <limits>
#include <sys/socket.h>

#ifdef CORKBOARD_HAVE_LIBURING
#include <liburing.h>
#endif

namespace corkboard {

namespace {
constexpr int kSendFlags = MSG_NOSIGNAL | MSG_DONTWAIT;
//! Not sent yet (the ring did not take the item): sendEach sends it on its own.
constexpr ssize_t kUntried = std::numeric_limits<ssize_t>::min();
} // namespace

void sendEachSeparately(SendItem *items, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        SendItem &item = items[i];
        ssize_t sent = -1;
        do {
            sent = ::send(item.fd, item.data, item.size, kSendFlags);
        } while (sent < 0 && errno == EINTR);
        item.result = sent < 0 ? -errno : sent;
    }
}

#ifdef CORKBOARD_HAVE_LIBURING
namespace {

constexpr unsigned kRingEntries = 128;

//! One per thread that sends batches, set up on first use. A ring the kernel refuses (no
//! io_uring, or a sandbox that forbids it) or that failed once is never used again: the batches
//! then go out one send(2) at a time.
class Ring
{
public:
    Ring()
    {
        // SUBMIT_ALL: a send the kernel cannot start still completes (with its error) instead of
        // stopping the rest of the batch. Older kernels refuse the flag: plain ring then.
        io_uring_params params {};
        params.flags = IORING_SETUP_SUBMIT_ALL;
        m_ok = io_uring_queue_init_params(kRingEntries, &m_ring, &params) == 0;
        if (!m_ok)
            m_ok = io_uring_queue_init(kRingEntries, &m_ring, 0) == 0;
    }
    ~Ring() { close(); }
    Ring(const Ring &) = delete;
    Ring &operator=(const Ring &) = delete;

    bool ok() const { return m_ok; }

    //! At most kRingEntries items. Items the kernel did not take stay kUntried.
    void send(SendItem *items, unsigned count)
    {
        for (unsigned i = 0; i < count; ++i) {
            io_uring_sqe *sqe = io_uring_get_sqe(&m_ring);
            if (!sqe) { // never: the ring is empty between batches
                count = i;
                break;
            }
            io_uring_prep_send(sqe, items[i].fd, items[i].data, items[i].size, kSendFlags);
            io_uring_sqe_set_data64(sqe, i);
            items[i].result = kUntried;
        }
        // Non-blocking sends complete while they are submitted; waiting for all of them costs
        // no sleep, and the completions are all there to collect.
        int submitted = -EINTR;
        while (submitted == -EINTR)
            submitted = io_uring_submit_and_wait(&m_ring, count);
        const unsigned taken = submitted > 0 ? unsigned(submitted) : 0;
        collect(items, count, taken);
        if (taken < count) {
            // What the kernel did not take still sits in the ring: it dies with it, unsent, and
            // is sent one by one by the caller (sends of a connection stay in order: the ring
            // takes its entries first to last).
            close();
        }
    }

private:
    void collect(SendItem *items, unsigned count, unsigned expected)
    {
        for (unsigned seen = 0; seen < expected; ++seen) {
            io_uring_cqe *cqe = nullptr;
            int rc = io_uring_peek_cqe(&m_ring, &cqe);
            while (rc == -EAGAIN || rc == -EINTR)
                rc = io_uring_wait_cqe(&m_ring, &cqe);
            if (rc != 0) {
                // The kernel took these sends (the ring hands them over first to last) and did
                // not say how they went.
                for (unsigned i = 0; i < expected; ++i) {
                    if (items[i].result == kUntried)
                        items[i].result = -ECANCELED;
                }
                close();
                return;
            }
            const auto index = unsigned(io_uring_cqe_get_data64(cqe));
            if (index < count)
                items[index].result = cqe->res;
            io_uring_cqe_seen(&m_ring, cqe);
        }
    }

    void close()
    {
        if (m_ok)
            io_uring_queue_exit(&m_ring);
        m_ok = false;
    }

    io_uring m_ring {};
    bool m_ok = false;
};

} // namespace
#endif

void sendEach(SendItem *items, size_t count)
{
#ifdef CORKBOARD_HAVE_LIBURING
    if (count > 1) {
        thread_local Ring ring;
        for (size_t i = 0; i < count; ++i)
            items[i].result = kUntried;
        for (size_t done = 0; done < count && ring.ok();) {
            const auto chunk = unsigned(std::min<size_t>(count - done, kRingEntries));
            ring.send(items + done, chunk);
            done += chunk;
        }
        for (size_t i = 0; i < count; ++i) {
            if (items[i].result == kUntried)
                sendEachSeparately(items + i, 1);
        }
        return;
    }
#endif
    sendEachSeparately(items, count);
}

} // namespace corkboard
