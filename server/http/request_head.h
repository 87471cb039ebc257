#pragma once

#include "shared/error_code.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>

namespace corkboard {

//! Limits the connection guard enforces on one connection.
struct GuardLimits
{
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    int maxHeaderFields = 100;
    //! From a request's first byte to its blank line (and from accept to the first byte).
    int headerTimeoutMs = 10000;
    //! Longest silence inside a body.
    int bodyStallTimeoutMs = 15000;
    //! Slowest average body rate once the first bodyStallTimeoutMs have passed (Apache's
    //! mod_reqtimeout rule: the body deadline moves 1 s later for every bodyMinBytesPerSecond).
    int bodyMinBytesPerSecond = 1024;
    //! No body may take longer than this, however it trickles.
    int bodyDeadlineMs = 600000;
    int idleTimeoutMs = 60000;
    //! The one path a WebSocket upgrade may ask for (empty: none).
    QByteArray webSocketPath;
    //! Per-route body limit (method, target, content type) → bytes; empty: maxBodyBytes. May set
    //! *hint to a sentence the 413 adds (e.g. where larger files go).
    std::function<qint64(const QByteArray &method, const QByteArray &target,
        const QByteArray &contentType, QString *hint)>
        bodyLimitFor;
};

namespace http {

//! What scanRequestHead made of the bytes it was given.
struct RequestHead
{
    enum class Outcome
    {
        NeedMore, //!< no blank line yet and still within the size limit
        Complete, //!< a head the server may parse
        Refused, //!< answer `status` with `code` and close the connection
    };
    Outcome outcome = Outcome::NeedMore;
    //! Bytes from the start of the input to one past the blank line (Complete and, when the
    //! block ended, Refused).
    qsizetype headBytes = 0;
    QByteArray method;
    QByteArray target;
    qint64 contentLength = 0;
    QByteArray contentType; //!< the Content-Type value as sent (empty when absent)
    bool http11 = false;
    bool expectContinue = false; //!< "Expect: 100-continue" on HTTP/1.1
    bool webSocketUpgrade = false; //!< a complete, valid WebSocket handshake on webSocketPath
    ErrorCode code = ErrorCode::MalformedRequest; //!< when Refused
    int status = 0; //!< when Refused: the HTTP status of `code`
    QString detail; //!< when Refused: what the client did wrong (safe to show)
};

//! One past the blank line that ends a header block (CRLF CRLF, or a bare-LF line end, which
//! QtHttpServer's parser accepts too and scanRequestHead then refuses), looking from `from`
//! (a resumption point: an earlier call's input size minus 2 is enough); -1 when not there yet.
qsizetype findHeadEnd(QByteArrayView bytes, qsizetype from = 0);

//! Checks one request head before any byte of it reaches QtHttpServer: the request line, the
//! header fields (size, count, syntax), the body framing (Content-Length only: no chunked, no
//! duplicates, within the route's limit) and the Upgrade rules (a WebSocket handshake only on
//! limits.webSocketPath, complete and well-formed; any other Upgrade or CONNECT is refused).
//! `bytes` starts at the request line; bytes after the head are ignored. Pure: no I/O, no
//! state, safe on any input (fuzzed by tests/fuzz/fuzz_request_head.cpp).
RequestHead scanRequestHead(QByteArrayView bytes, const GuardLimits &limits);

//! The header fields of a head scanRequestHead accepted (name, trimmed value), in order.
QList<QPair<QByteArray, QByteArray>> headerFields(QByteArrayView head);

} // namespace http
} // namespace corkboard
