// libFuzzer harness for the connection guard's request-head scanner (http::scanRequestHead):
// arbitrary bytes must never crash it, and what it answers must hold together (a complete head
// ends with a blank line inside the limits, a refusal says why, "need more" only while the
// limit is not reached). Seed corpus: tests/fuzz/corpus/request_head/.
#include "server/http/request_head.h"

#include <cstddef>
#include <cstdint>

namespace {

using corkboard::GuardLimits;
using corkboard::http::RequestHead;

void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

GuardLimits limitsFor(int maxHeaderBytes, int maxHeaderFields)
{
    GuardLimits limits;
    limits.maxBodyBytes = 1024 * 1024;
    limits.maxHeaderBytes = maxHeaderBytes;
    limits.maxHeaderFields = maxHeaderFields;
    limits.webSocketPath = QByteArrayLiteral("/api/v1/ws");
    return limits;
}

void check(QByteArrayView bytes, const GuardLimits &limits)
{
    const RequestHead head = corkboard::http::scanRequestHead(bytes, limits);
    const qsizetype end = corkboard::http::findHeadEnd(bytes);
    switch (head.outcome) {
    case RequestHead::Outcome::NeedMore:
        require(end < 0);
        require(bytes.size() <= limits.maxHeaderBytes);
        break;
    case RequestHead::Outcome::Complete:
        require(head.headBytes == end);
        require(head.headBytes > 0 && head.headBytes <= bytes.size());
        require(head.headBytes <= qsizetype(limits.maxHeaderBytes) + 4);
        require(bytes.first(head.headBytes).endsWith("\r\n\r\n"));
        require(!head.method.isEmpty() && !head.target.isEmpty());
        require(head.contentLength >= 0 && head.contentLength <= limits.maxBodyBytes);
        require(!head.webSocketUpgrade || (head.method == "GET" && head.contentLength == 0));
        require(!head.expectContinue || head.http11);
        break;
    case RequestHead::Outcome::Refused:
        require(!head.detail.isEmpty());
        require(!head.webSocketUpgrade && !head.expectContinue);
        break;
    }
    // The guard looks for the blank line only from where new bytes could complete it: resuming
    // there must find what a search from the start finds.
    if (bytes.size() > 2) {
        const qsizetype cut = bytes.size() / 2;
        if (corkboard::http::findHeadEnd(bytes.first(cut)) < 0)
            require(corkboard::http::findHeadEnd(bytes, cut - 2) == end);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const GuardLimits usual = limitsFor(16 * 1024, 100);
    static const GuardLimits tight = limitsFor(96, 3);
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    check(bytes, usual);
    check(bytes, tight);
    return 0;
}
