#pragma once

#include <QDateTime>
#include <functional>

namespace corkboard::client {

//! Delay in ms before retry/reconnect number `attempt` (1-based). Injected so tests run fast.
using BackoffFn = std::function<int(int attempt)>;
//! The client's notion of "now" (token expiry, re-auth); injected so tests can move time.
using NowFn = std::function<QDateTime()>;

//! Exponential backoff with jitter: attempt n waits a random time in [d/2, d] where
//! d = min(capMs, baseMs * 2^(n-1)), so many clients that failed together do not retry together.
BackoffFn exponentialBackoff(int baseMs, int capMs);
//! The system UTC clock.
NowFn systemNow();

} // namespace corkboard::client
