#pragma once
// The server's memory budget in the tests that attack it: 64 MiB of peak RSS (issue 12's
// figure), checked as such in every ordinary build. Under AddressSanitizer (the asan preset) the
// server process already sits near that figure when idle (shadow memory, the sanitizer's
// allocator and runtime), so there the same 64 MiB budget is applied to the growth of the peak
// over the idle RSS measured when the peak was reset, with ASan's quarantine of freed memory
// switched off for the server (serverEnvironmentForMemoryTest): buffering a 300 MB body still
// fails it.
#include <QProcessEnvironment>
#include <QtGlobal>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CORKBOARD_TEST_UNDER_ASAN 1
#endif
#endif
#if !defined(CORKBOARD_TEST_UNDER_ASAN) && defined(__SANITIZE_ADDRESS__)
#define CORKBOARD_TEST_UNDER_ASAN 1
#endif

namespace corkboard::test {

inline constexpr qint64 kServerRssBudgetKiB = 64 * 1024;

#ifdef CORKBOARD_TEST_UNDER_ASAN
inline constexpr bool kUnderAsan = true;
#else
inline constexpr bool kUnderAsan = false;
#endif

//! What counts against the budget: the peak itself, or under ASan its growth over `idleKiB`.
inline qint64 rssAgainstBudgetKiB(qint64 peakKiB, qint64 idleKiB)
{
    return kUnderAsan ? peakKiB - idleKiB : peakKiB;
}

//! Adds what the memory tests need to a server's environment (under ASan: no quarantine, which
//! would keep up to 256 MB of freed buffers resident — not what these tests measure).
inline void prepareForMemoryTest(QProcessEnvironment &env)
{
    if (kUnderAsan) {
        env.insert(QStringLiteral("ASAN_OPTIONS"),
            qEnvironmentVariable("ASAN_OPTIONS") + QStringLiteral(":quarantine_size_mb=0"));
    }
}

} // namespace corkboard::test
