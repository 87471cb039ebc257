// A client-to-server WebSocket frame written by hand (RFC 6455 §5.2–5.3: FIN set, the payload
// masked with `key`), for the tests and benches that speak WebSocket on a raw socket.
#pragma once

#include <QByteArray>

namespace corkboard::test {

inline QByteArray maskedClientFrame(const QByteArray &payload, quint32 key, char opcode = 0x1)
{
    QByteArray frame;
    frame.reserve(payload.size() + 14);
    frame.append(char(0x80 | opcode));
    const auto size = quint64(payload.size());
    if (size < 126) {
        frame.append(char(0x80 | size));
    } else if (size <= 0xffff) {
        frame.append(char(0x80 | 126));
        frame.append(char(size >> 8)).append(char(size & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xff));
    }
    const char mask[4] = {char(key >> 24), char(key >> 16), char(key >> 8), char(key)};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ mask[i % 4]));
    return frame;
}

} // namespace corkboard::test
