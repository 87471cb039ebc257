// libFuzzer harness: the access-token decoder. Each input is tried twice: as a raw token (the
// framing, base64url and the MAC check), and split at the first newline into header and claims
// JSON that the harness signs with the real key, so the claim parsing (numbers such as exp and
// iat) is reached too. Only AppError (401) may come out.
#include "server/features/auth/jwt_codec.h"
#include "server/features/auth/jwt_key_store.h"
#include "server/platform/app_error.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"

#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>
#include <memory>

using namespace corkboard;

namespace {
struct World
{
    World()
    {
        crypto::initialize();
        config.dataDir = dir.path();
        keys = std::make_unique<JwtKeyStore>(config, clock);
        keys->load();
        key = keys->current();
        codec = std::make_unique<JwtCodec>(*keys, clock);
    }
    QTemporaryDir dir;
    Config config;
    ManualClock clock {QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<JwtKeyStore> keys;
    JwtKeyStore::Key key;
    std::unique_ptr<JwtCodec> codec;
};

void verify(World &w, const QByteArray &token)
{
    try {
        w.codec->verify(token);
    } catch (const AppError &) {
        // invalid token: 401
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static World world;
    if (size > 8192)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    verify(world, input);
    const qsizetype split = input.indexOf('\n');
    if (split >= 0) {
        QByteArray header = input.left(split);
        // Name the real key unless the input insists on its own kid.
        header.replace("$KID", world.key.kid.toUtf8());
        verify(world, JwtCodec::sign(header, input.mid(split + 1), world.key.secret));
    }
    return 0;
}
