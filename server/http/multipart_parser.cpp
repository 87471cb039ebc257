#include "server/http/multipart_parser.h"

#include <QUrl>

namespace corkboard {

namespace {

bool isBoundaryChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("'()+_,-./:=? ").contains(c);
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

// Splits "type; a=b; c=\"d;e\"" into parameters; values may be quoted (backslash escapes).
// Returns false on a syntax error.
bool parameters(
    QByteArrayView text, QByteArray *value, QList<QPair<QByteArray, QByteArray>> *params)
{
    qsizetype pos = text.indexOf(';');
    *value = (pos < 0 ? text : text.first(pos)).trimmed().toByteArray();
    while (pos >= 0 && pos < text.size()) {
        ++pos; // past ';'
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'))
            ++pos;
        if (pos >= text.size())
            break;
        const qsizetype eq = text.indexOf('=', pos);
        if (eq < 0)
            return false;
        const QByteArray name = text.sliced(pos, eq - pos).trimmed().toByteArray().toLower();
        pos = eq + 1;
        QByteArray v;
        if (pos < text.size() && text[pos] == '"') {
            ++pos;
            bool closed = false;
            while (pos < text.size()) {
                const char c = text[pos++];
                if (c == '\\' && pos < text.size()) {
                    v.append(text[pos++]);
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    v.append(c);
                }
            }
            if (!closed)
                return false;
            while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'))
                ++pos;
            if (pos < text.size() && text[pos] != ';')
                return false;
        } else {
            const qsizetype semi = text.indexOf(';', pos);
            v = (semi < 0 ? text.sliced(pos) : text.sliced(pos, semi - pos))
                    .trimmed()
                    .toByteArray();
            pos = semi < 0 ? text.size() : semi;
        }
        if (name.isEmpty())
            return false;
        params->append({name, v});
        if (pos < text.size() && text[pos] != ';')
            return false;
    }
    return true;
}

} // namespace

MultipartParser::MultipartParser(QByteArray boundary, Handler handler)
    : m_delimiter("\r\n--" + boundary)
    , m_handler(std::move(handler))
{
}

QByteArray MultipartParser::boundaryOf(QByteArrayView contentType)
{
    QByteArray type;
    QList<QPair<QByteArray, QByteArray>> params;
    if (!parameters(contentType, &type, &params)
        || !equalsIgnoringCase(type, "multipart/form-data"))
        return {};
    QByteArray boundary;
    int found = 0;
    for (const auto &p : std::as_const(params)) {
        if (p.first == "boundary") {
            boundary = p.second;
            ++found;
        }
    }
    if (found != 1 || boundary.isEmpty() || boundary.size() > 70 || boundary.endsWith(' '))
        return {};
    for (const char c : std::as_const(boundary)) {
        if (!isBoundaryChar(c))
            return {};
    }
    return boundary;
}

bool MultipartParser::fail(const QString &why)
{
    m_state = State::Failed;
    m_error = why;
    m_buffer.clear();
    return false;
}

bool MultipartParser::parseHeaders(QByteArrayView block, Part *part)
{
    bool disposition = false;
    qsizetype pos = 0;
    while (pos < block.size()) {
        const qsizetype end = block.indexOf("\r\n", pos);
        const QByteArrayView line = block.sliced(pos, (end < 0 ? block.size() : end) - pos);
        pos = end < 0 ? block.size() : end + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(QStringLiteral("a part header is malformed"));
        const QByteArrayView name = line.first(colon);
        for (const char c : name) {
            if (c <= ' ' || c >= 0x7f)
                return fail(QStringLiteral("a part header is malformed"));
        }
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        for (const char c : value) {
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                return fail(QStringLiteral("a part header contains a control character"));
        }
        if (equalsIgnoringCase(name, "Content-Disposition")) {
            if (disposition)
                return fail(QStringLiteral("a part has two Content-Disposition headers"));
            disposition = true;
            QByteArray type;
            QList<QPair<QByteArray, QByteArray>> params;
            if (!parameters(value, &type, &params) || !equalsIgnoringCase(type, "form-data"))
                return fail(QStringLiteral("each part must be Content-Disposition: form-data"));
            int names = 0;
            QString extended;
            for (const auto &p : std::as_const(params)) {
                if (p.first == "name") {
                    part->name = p.second;
                    ++names;
                } else if (p.first == "filename") {
                    part->filename = QString::fromUtf8(p.second);
                    part->hasFilename = true;
                } else if (p.first == "filename*") {
                    // RFC 5987: charset'language'percent-encoded; UTF-8 only.
                    const QList<QByteArray> pieces = p.second.split('\'');
                    if (pieces.size() != 3 || !equalsIgnoringCase(pieces.at(0), "utf-8"))
                        return fail(QStringLiteral("filename* must be UTF-8''…"));
                    extended = QUrl::fromPercentEncoding(pieces.at(2));
                }
            }
            if (!extended.isEmpty()) {
                part->filename = extended;
                part->hasFilename = true;
            }
            if (names != 1 || part->name.isEmpty())
                return fail(QStringLiteral("each part needs exactly one name"));
        } else if (equalsIgnoringCase(name, "Content-Type")) {
            part->contentType
                = value.first(value.indexOf(';') < 0 ? value.size() : value.indexOf(';'))
                      .trimmed()
                      .toByteArray()
                      .toLower();
        }
        // Other part headers (Content-Transfer-Encoding is deprecated by RFC 7578) are ignored.
    }
    if (!disposition)
        return fail(QStringLiteral("a part has no Content-Disposition"));
    return true;
}

// Works through m_buffer as far as it can; false on a malformed body.
bool MultipartParser::step()
{
    for (;;) {
        switch (m_state) {
        case State::First: {
            // The body starts with the delimiter minus its leading CRLF.
            const QByteArrayView first = QByteArrayView(m_delimiter).sliced(2);
            const qsizetype have = std::min(m_buffer.size(), first.size());
            if (QByteArrayView(m_buffer).first(have) != first.first(have))
                return fail(QStringLiteral("the body does not start with the boundary"));
            if (have < first.size())
                return true;
            m_buffer.remove(0, first.size());
            m_state = State::AfterDelimiter;
            break;
        }
        case State::AfterDelimiter:
            if (m_buffer.size() < 2)
                return true;
            if (m_buffer.startsWith("--")) {
                m_buffer.remove(0, 2);
                m_state = State::Epilogue;
                break;
            }
            if (!m_buffer.startsWith("\r\n"))
                return fail(QStringLiteral("a boundary must be followed by CRLF"));
            m_buffer.remove(0, 2);
            if (++m_parts > kMaxParts)
                return fail(QStringLiteral("too many parts"));
            m_state = State::Headers;
            break;
        case State::Headers: {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > kMaxPartHeaderBytes)
                    return fail(QStringLiteral("the part headers are too large"));
                return true;
            }
            if (end > kMaxPartHeaderBytes)
                return fail(QStringLiteral("the part headers are too large"));
            Part part;
            if (!parseHeaders(QByteArrayView(m_buffer).first(end), &part))
                return false;
            m_buffer.remove(0, end + 4);
            QString why;
            if (m_handler.begin && !m_handler.begin(part, &why))
                return fail(why);
            m_state = State::Content;
            break;
        }
        case State::Content: {
            const qsizetype at = m_buffer.indexOf(m_delimiter);
            // Without a delimiter, everything but a possible delimiter start at the end is content.
            const qsizetype safe
                = at >= 0 ? at : std::max<qsizetype>(0, m_buffer.size() - (m_delimiter.size() - 1));
            if (safe > 0) {
                QString why;
                if (m_handler.data && !m_handler.data(QByteArrayView(m_buffer).first(safe), &why))
                    return fail(why);
            }
            if (at < 0) {
                m_buffer.remove(0, safe);
                return true;
            }
            m_buffer.remove(0, at + m_delimiter.size());
            m_state = State::AfterDelimiter;
            break;
        }
        case State::Epilogue:
            // Only an optional CRLF may follow the closing delimiter.
            if (m_buffer.isEmpty())
                return true;
            if (m_buffer == "\r") // the first half of it
                return true;
            if (m_buffer == "\r\n") {
                m_buffer.clear();
                m_state = State::Done;
                return true;
            }
            return fail(QStringLiteral("data after the closing boundary"));
        case State::Done:
            if (!m_buffer.isEmpty())
                return fail(QStringLiteral("data after the closing boundary"));
            return true;
        case State::Failed:
            return false;
        }
    }
}

bool MultipartParser::feed(QByteArrayView bytes)
{
    if (m_state == State::Failed)
        return false;
    m_buffer.append(bytes.data(), bytes.size());
    return step();
}

bool MultipartParser::finish()
{
    if (m_state == State::Failed)
        return false;
    if (m_state == State::Epilogue && m_buffer.isEmpty())
        m_state = State::Done;
    if (m_state != State::Done)
        return fail(QStringLiteral("the body ended before the closing boundary"));
    return true;
}

} // namespace corkboard
