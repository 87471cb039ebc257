#include "server/http/request_head.h"

namespace corkboard::http {

namespace {

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// RFC 9110 §5.5: visible characters, space, tab and obs-text; no other control character (a
// stray CR or NUL inside a value is how request smuggling starts).
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// The methods QtHttpServer's parser and our router both know. Anything else the parser may drop
// without an answer, so it is refused here.
bool isServedMethod(QByteArrayView method)
{
    static constexpr QByteArrayView kMethods[]
        = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    for (const QByteArrayView m : kMethods) {
        if (method == m)
            return true;
    }
    return false;
}

bool isValidTarget(QByteArrayView method, QByteArrayView target)
{
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f)
            return false;
    }
    if (target.startsWith('/'))
        return true;
    if (target == "*")
        return method == "OPTIONS";
    return target.startsWith("http://") || target.startsWith("https://");
}

// A Sec-WebSocket-Key is 16 bytes in base64: 24 characters ending in "==".
bool isValidWebSocketKey(QByteArrayView key)
{
    if (key.size() != 24)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(
        key.toByteArray(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok
        && decoded.decoded.size() == 16;
}

bool hasConnectionToken(QByteArrayView value, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        if (equalsIgnoringCase(value.sliced(start, comma - start).trimmed(), token))
            return true;
        start = comma + 1;
    }
    return false;
}

RequestHead refused(RequestHead head, ErrorCode code, const QString &detail)
{
    head.outcome = RequestHead::Outcome::Refused;
    head.code = code;
    head.detail = detail;
    head.webSocketUpgrade = false;
    head.expectContinue = false;
    return head;
}

QByteArrayView pathOf(QByteArrayView target)
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.first(query);
}

} // namespace

qsizetype findHeadEnd(QByteArrayView bytes, qsizetype from)
{
    from = std::clamp<qsizetype>(from, 0, bytes.size());
    const qsizetype crlf = bytes.indexOf("\n\r\n", from);
    const qsizetype lf = bytes.indexOf("\n\n", from);
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return crlf + 3;
    if (lf >= 0)
        return lf + 2;
    return -1;
}

RequestHead scanRequestHead(QByteArrayView bytes, const GuardLimits &limits)
{
    RequestHead head;
    const qsizetype end = findHeadEnd(bytes);
    if (end < 0) {
        if (bytes.size() > limits.maxHeaderBytes) {
            return refused(head, ErrorCode::HeadersTooLarge,
                QStringLiteral("the request headers are too large"));
        }
        return head;
    }
    head.headBytes = end;
    if (end > qsizetype(limits.maxHeaderBytes) + 4) {
        return refused(
            head, ErrorCode::HeadersTooLarge, QStringLiteral("the request headers are too large"));
    }

    // Every line up to the blank one; each must end with CRLF.
    const QByteArrayView block = bytes.first(end);
    qsizetype pos = 0;
    auto nextLine = [&](QByteArrayView *line) {
        const qsizetype nl = block.indexOf('\n', pos);
        *line = block.sliced(pos, nl - pos);
        pos = nl + 1;
        if (!line->endsWith('\r'))
            return false;
        line->chop(1);
        return true;
    };

    QByteArrayView requestLine;
    if (!nextLine(&requestLine)) {
        return refused(
            head, ErrorCode::MalformedRequest, QStringLiteral("the request line is malformed"));
    }
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        return refused(
            head, ErrorCode::MalformedRequest, QStringLiteral("the request line is malformed"));
    }
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method) || target.isEmpty() || (version != "HTTP/1.1" && version != "HTTP/1.0")
        || !isValidTarget(method, target)) {
        return refused(
            head, ErrorCode::MalformedRequest, QStringLiteral("the request line is malformed"));
    }
    head.method = method.toByteArray();
    head.target = target.toByteArray();
    head.http11 = version == "HTTP/1.1";

    int fields = 0;
    int contentLengths = 0;
    bool transferEncoding = false;
    bool expectContinue = false;
    int upgrades = 0;
    bool upgradeWebSocket = false;
    bool connectionUpgrade = false;
    int keys = 0;
    bool validKey = false;
    bool version13 = false;
    // The last line is the blank one; stop before it.
    while (pos < end && block.sliced(pos) != "\r\n" && block.sliced(pos) != "\n") {
        QByteArrayView line;
        if (!nextLine(&line)) {
            return refused(head, ErrorCode::MalformedRequest,
                QStringLiteral("header lines must end with CRLF"));
        }
        if (++fields > limits.maxHeaderFields) {
            return refused(head, ErrorCode::HeadersTooLarge,
                QStringLiteral("the request has too many header fields"));
        }
        const qsizetype colon = line.indexOf(':');
        // A name is a token: no space before the colon, no folded continuation line.
        if (colon <= 0 || !isToken(line.first(colon))) {
            return refused(
                head, ErrorCode::MalformedRequest, QStringLiteral("a header field is malformed"));
        }
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (!isFieldValue(value)) {
            return refused(head, ErrorCode::MalformedRequest,
                QStringLiteral("a header value contains a control character"));
        }
        if (equalsIgnoringCase(name, "Content-Length")) {
            ++contentLengths;
            bool ok = !value.isEmpty() && value.size() <= 18;
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            if (!ok || contentLengths > 1) {
                return refused(head, ErrorCode::MalformedRequest,
                    QStringLiteral("Content-Length is invalid or repeated"));
            }
            head.contentLength = value.toLongLong();
        } else if (equalsIgnoringCase(name, "Content-Type")) {
            head.contentType = value.toByteArray();
        } else if (equalsIgnoringCase(name, "Transfer-Encoding")) {
            transferEncoding = true;
        } else if (equalsIgnoringCase(name, "Expect")) {
            expectContinue = equalsIgnoringCase(value, "100-continue");
        } else if (equalsIgnoringCase(name, "Upgrade")) {
            ++upgrades;
            upgradeWebSocket = equalsIgnoringCase(value, "websocket");
        } else if (equalsIgnoringCase(name, "Connection")) {
            connectionUpgrade = connectionUpgrade || hasConnectionToken(value, "upgrade");
        } else if (equalsIgnoringCase(name, "Sec-WebSocket-Key")) {
            ++keys;
            validKey = isValidWebSocketKey(value);
        } else if (equalsIgnoringCase(name, "Sec-WebSocket-Version")) {
            version13 = value == "13";
        }
    }
    if (block.sliced(pos) != "\r\n") {
        return refused(
            head, ErrorCode::MalformedRequest, QStringLiteral("header lines must end with CRLF"));
    }

    if (!isServedMethod(method)) {
        return refused(head, ErrorCode::MethodNotAllowed,
            QStringLiteral("the method is not supported by this server"));
    }
    if (transferEncoding && contentLengths > 0) {
        return refused(head, ErrorCode::MalformedRequest,
            QStringLiteral("Content-Length together with Transfer-Encoding"));
    }
    if (transferEncoding) {
        return refused(head, ErrorCode::LengthRequired,
            QStringLiteral("send the body with a Content-Length, chunked bodies are not accepted"));
    }
    if (upgrades > 0) {
        // The guard hands a connection over only for a complete WebSocket handshake on the one
        // path that speaks it; anything else asking to switch protocols is refused outright.
        if (limits.webSocketPath.isEmpty() || !target.startsWith('/')
            || pathOf(target) != QByteArrayView(limits.webSocketPath)) {
            return refused(head, ErrorCode::MalformedRequest,
                limits.webSocketPath.isEmpty()
                    ? QStringLiteral("this server does not switch protocols")
                    : QStringLiteral("only %1 switches protocols (to a WebSocket)")
                          .arg(QString::fromLatin1(limits.webSocketPath)));
        }
        if (upgrades != 1 || !upgradeWebSocket) {
            return refused(head, ErrorCode::MalformedRequest,
                QStringLiteral("only Upgrade: websocket is supported"));
        }
        if (method != "GET" || !head.http11) {
            return refused(head, ErrorCode::MalformedRequest,
                QStringLiteral("a WebSocket handshake is a GET over HTTP/1.1"));
        }
        if (!connectionUpgrade) {
            return refused(head, ErrorCode::MalformedRequest,
                QStringLiteral("a WebSocket handshake needs Connection: Upgrade"));
        }
        if (keys != 1 || !validKey) {
            return refused(head, ErrorCode::MalformedRequest,
                QStringLiteral("a WebSocket handshake needs one Sec-WebSocket-Key of 16 bytes in "
                               "base64"));
        }
        if (!version13) {
            return refused(head, ErrorCode::MalformedRequest,
                QStringLiteral("a WebSocket handshake needs Sec-WebSocket-Version: 13"));
        }
        if (head.contentLength > 0) {
            return refused(head, ErrorCode::MalformedRequest,
                QStringLiteral("a WebSocket handshake has no body"));
        }
        head.webSocketUpgrade = true;
    }
    if (head.contentLength > 0) { // a head without a body breaks no body limit
        QString hint;
        const qint64 limit = limits.bodyLimitFor
            ? limits.bodyLimitFor(head.method, head.target, head.contentType, &hint)
            : limits.maxBodyBytes;
        if (head.contentLength > limit) {
            QString detail = QStringLiteral("the request body is larger than %1 bytes").arg(limit);
            if (!hint.isEmpty())
                detail += QStringLiteral("; ") + hint;
            return refused(head, ErrorCode::PayloadTooLarge, detail);
        }
    }
    head.expectContinue = expectContinue && head.http11;
    head.outcome = RequestHead::Outcome::Complete;
    return head;
}

QList<QPair<QByteArray, QByteArray>> headerFields(QByteArrayView head)
{
    QList<QPair<QByteArray, QByteArray>> fields;
    qsizetype pos = head.indexOf('\n');
    while (pos >= 0 && pos + 1 < head.size()) {
        const qsizetype start = pos + 1;
        pos = head.indexOf('\n', start);
        const QByteArrayView line
            = head.sliced(start, (pos < 0 ? head.size() : pos) - start).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (line.isEmpty() || colon <= 0)
            continue;
        fields.append(
            {line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    }
    return fields;
}

} // namespace corkboard::http
