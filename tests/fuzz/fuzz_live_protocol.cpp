// libFuzzer harness: one live-update text frame through the client-message parser
// (shared/live_protocol.h). It must never crash, whatever the bytes.
#include "shared/live_protocol.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0; // the socket closes with 1009 above the message limit
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const corkboard::live::ClientMessage m = corkboard::live::parseClientMessage(text);
    // What the session does with a parsed message: read its fields.
    if (m.since && *m.since < 0)
        __builtin_trap();
    if (m.pingId.isDouble())
        (void)m.pingId.toInteger();
    return 0;
}
