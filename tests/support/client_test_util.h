#pragma once

// Small helpers shared by the typed-client tests (header-only: they need QTest macros).
#include "shared/client/api_client.h"

#include <QFuture>
#include <QString>
#include <QTest>

namespace corkboard::test {

//! Waits (spinning the event loop, never blocking) until the future is finished; a timeout is
//! reported as a test failure and gives a default value.
template<typename T>
T waitFor(QFuture<T> future, int timeoutMs = 20000)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), timeoutMs); }();
    if (!future.isFinished())
        return T {};
    return future.result();
}

//! Client options for tests: retries back off 5 ms, calls time out after 10 s.
inline client::ApiClient::Options fastOptions()
{
    client::ApiClient::Options o;
    o.backoff = [](int) { return 5; };
    o.timeoutMs = 10000;
    return o;
}

//! Why a result failed, for QVERIFY2 messages (empty when it succeeded).
QString why(const auto &result)
{
    return result.isOk() ? QString()
                         : result.error().logText() + QStringLiteral(" ") + result.error().detail;
}

} // namespace corkboard::test
