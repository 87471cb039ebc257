#pragma once

#include <cstddef>
#include <sys/types.h>

namespace corkboard {

//! One send(2) of a batch. `result`: the bytes the kernel took, or -errno.
struct SendItem
{
    int fd = -1;
    const char *data = nullptr;
    size_t size = 0;
    ssize_t result = 0;
};

//! Sends each item on its own socket, never blocking (MSG_DONTWAIT | MSG_NOSIGNAL): one attempt
//! per item; what the kernel did not take is left to the caller. At most one item per socket (a
//! second one could go out after the first was cut short). Where io_uring is
//! available to the process (Linux, not refused by a sandbox), a batch goes to the kernel in one
//! submission instead of one send(2) per item.
//!
//! Why: on the way back from each send(2) that woke a reader, the scheduler may switch to that
//! reader before the thread sends its next answer. On loopback under load that was 14 % of the
//! server's time for a small request, and a server thread was switched out about once every six
//! requests; submitted together, the thread leaves the kernel once per batch.
//! A send whose fate the kernel did not report (a failure of io_uring itself, never seen) reads
//! -ECANCELED: the caller cannot know what reached the wire and must drop the connection.
void sendEach(SendItem *items, size_t count);

//! The same with one send(2) per item: what sendEach falls back to.
void sendEachSeparately(SendItem *items, size_t count);

} // namespace corkboard
