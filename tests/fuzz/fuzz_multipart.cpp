// libFuzzer harness for the streaming multipart/form-data reader (MultipartParser) the
// connection guard feeds upload bodies through: arbitrary bytes never crash it, and the verdict
// and the content it reports do not depend on how the body is cut into pieces. Seed corpus:
// tests/fuzz/corpus/multipart/. The first input byte picks the cut; the boundary is "b".
#include "server/http/multipart_parser.h"

#include <cstddef>
#include <cstdint>

namespace {

void require(bool condition)
{
    if (!condition)
        __builtin_trap();
}

struct Outcome
{
    bool ok = false;
    QByteArray seen; //!< part names and contents, framed
};

Outcome run(QByteArrayView body, qsizetype cut)
{
    Outcome out;
    corkboard::MultipartParser::Handler h;
    h.begin = [&out](const corkboard::MultipartParser::Part &part, QString *) {
        out.seen += "\n<" + part.name + ">";
        return true;
    };
    h.data = [&out](QByteArrayView bytes, QString *) {
        out.seen.append(bytes.data(), bytes.size());
        return true;
    };
    corkboard::MultipartParser parser("b", h);
    bool ok = parser.feed(body.first(cut));
    ok = ok && parser.feed(body.sliced(cut));
    out.ok = ok && parser.finish();
    require(out.ok || !parser.error().isEmpty());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype cut = body.isEmpty() ? 0 : qsizetype(data[0]) % (body.size() + 1);
    const Outcome whole = run(body, 0);
    const Outcome split = run(body, cut);
    require(whole.ok == split.ok);
    if (whole.ok)
        require(whole.seen == split.seen);
    corkboard::MultipartParser::boundaryOf(body);
    return 0;
}
