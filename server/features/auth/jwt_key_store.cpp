#include "server/features/auth/jwt_key_store.h"

#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <stdexcept>

#ifdef Q_OS_UNIX
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#else
#include <QSaveFile>
#endif

namespace corkboard {

namespace {
constexpr qint64 kAccessTokenLifetimeMs = 15 * 60 * 1000;
constexpr qint64 kLeewayMs = 30 * 1000;
constexpr qint64 kRecheckMs = 5000;

QString newKid()
{
    return QString::fromLatin1(crypto::randomBytes(6).toHex());
}
} // namespace

JwtKeyStore::JwtKeyStore(const Config &config, const Clock &clock)
    : m_config(config)
    , m_clock(clock)
    , m_path(keyFilePath(config))
{
}

QString JwtKeyStore::keyFilePath(const Config &config)
{
    return QDir(config.dataDir).filePath(QStringLiteral("jwt-keys.json"));
}

qint64 JwtKeyStore::retiredKeyLifetimeMs()
{
    return kAccessTokenLifetimeMs + kLeewayMs;
}

QList<JwtKeyStore::Key> JwtKeyStore::readFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return {};
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read the JWT key file " + path.toStdString());
    return parse(f.readAll(), QStringLiteral("the JWT key file ") + path);
}

QList<JwtKeyStore::Key> JwtKeyStore::parse(const QByteArray &json, const QString &origin)
{
    const auto doc = QJsonDocument::fromJson(json);
    QList<Key> keys;
    const auto array = doc.object().value(QLatin1String("keys")).toArray();
    for (const auto &v : array) {
        const auto o = v.toObject();
        Key k;
        k.kid = o.value(QLatin1String("kid")).toString();
        k.secret = crypto::fromBase64Url(o.value(QLatin1String("secret")).toString().toLatin1());
        k.createdMs = o.value(QLatin1String("created_ms")).toInteger();
        k.retiredMs = o.value(QLatin1String("retired_ms")).toInteger();
        if (!k.kid.isEmpty() && k.secret.size() >= 32)
            keys.append(k);
    }
    if (keys.isEmpty())
        throw std::runtime_error(origin.toStdString() + " holds no usable key");
    std::sort(keys.begin(), keys.end(),
        [](const Key &a, const Key &b) { return a.createdMs > b.createdMs; });
    return keys;
}

QByteArray JwtKeyStore::serialize(const QList<Key> &keys)
{
    QJsonArray array;
    for (const auto &k : keys) {
        array.append(QJsonObject {{QStringLiteral("kid"), k.kid},
            {QStringLiteral("secret"), crypto::base64Url(k.secret)},
            {QStringLiteral("created_ms"), k.createdMs},
            {QStringLiteral("retired_ms"), k.retiredMs}});
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("keys"), array}}).toJson();
}

void JwtKeyStore::writeFile(const QString &path, const QList<Key> &keys)
{
    const QByteArray bytes = serialize(keys);
    QDir().mkpath(QFileInfo(path).absolutePath());
#ifdef Q_OS_UNIX
    // Created 0600 from the first byte (no window where the secret is world-readable), then
    // renamed over the old file so readers never see half a file.
    const QByteArray tmp = QFile::encodeName(path + QStringLiteral(".tmp"));
    ::unlink(tmp.constData());
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot write the JWT key file " + path.toStdString());
    const bool written
        = ::write(fd, bytes.constData(), size_t(bytes.size())) == ssize_t(bytes.size());
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced
        || ::rename(tmp.constData(), QFile::encodeName(path).constData()) != 0) {
        ::unlink(tmp.constData());
        throw std::runtime_error("cannot write the JWT key file " + path.toStdString());
    }
#else
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        throw std::runtime_error("cannot write the JWT key file " + path.toStdString());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
#endif
}

QString JwtKeyStore::rotateFile(const QString &path, const Clock &clock)
{
    const QList<Key> kept = rotated(readFile(path), clock.nowMs());
    writeFile(path, kept);
    logging::write(lcAuth(), QtInfoMsg, QStringLiteral("JWT signing key rotated"),
        {{QStringLiteral("kid"), kept.first().kid},
            {QStringLiteral("keys_kept"), int(kept.size())}});
    return kept.first().kid;
}

QList<JwtKeyStore::Key> JwtKeyStore::rotated(QList<Key> keys, qint64 now)
{
    QList<Key> kept;
    for (auto k : std::as_const(keys)) {
        if (k.retiredMs == 0)
            k.retiredMs = now;
        if (now - k.retiredMs <= retiredKeyLifetimeMs())
            kept.append(k);
    }
    Key fresh;
    fresh.kid = newKid();
    fresh.secret = crypto::randomBytes(32);
    fresh.createdMs = now;
    kept.prepend(fresh);
    return kept;
}

bool JwtKeyStore::sharedInDatabase() const
{
    return m_config.jwtSecret.isEmpty() && m_config.usesPostgres();
}

void JwtKeyStore::setKeys(const QList<Key> &keys)
{
    const qint64 now = m_clock.nowMs();
    QWriteLocker lock(&m_lock);
    m_keys.clear();
    for (const auto &k : keys) {
        if (k.retiredMs == 0 || now - k.retiredMs <= retiredKeyLifetimeMs())
            m_keys.append(k);
    }
    std::sort(m_keys.begin(), m_keys.end(),
        [](const Key &a, const Key &b) { return a.createdMs > b.createdMs; });
}

void JwtKeyStore::load()
{
    QWriteLocker lock(&m_lock);
    if (!m_config.jwtSecret.isEmpty()) {
        Key k;
        k.kid = QStringLiteral("configured");
        k.secret = m_config.jwtSecret;
        m_keys = {k};
        return;
    }
    if (sharedInDatabase())
        return; // JwtKeySync
    if (!QFile::exists(m_path)) {
        Key k;
        k.kid = newKid();
        k.secret = crypto::randomBytes(32);
        k.createdMs = m_clock.nowMs();
        writeFile(m_path, {k});
        logging::write(lcAuth(), QtInfoMsg, QStringLiteral("generated a JWT signing key"),
            {{QStringLiteral("kid"), k.kid}});
    }
    reloadLocked();
}

void JwtKeyStore::reloadLocked()
{
    QList<Key> keys = readFile(m_path);
    const qint64 now = m_clock.nowMs();
    m_keys.clear();
    for (const auto &k : std::as_const(keys)) {
        if (k.retiredMs == 0 || now - k.retiredMs <= retiredKeyLifetimeMs())
            m_keys.append(k);
    }
    m_fileModified = QFileInfo(m_path).lastModified();
    m_sinceCheck.start();
}

void JwtKeyStore::maybeReload(bool force)
{
    if (!m_config.jwtSecret.isEmpty() || sharedInDatabase())
        return;
    {
        QReadLocker lock(&m_lock);
        if (!force && m_sinceCheck.isValid() && m_sinceCheck.elapsed() < kRecheckMs)
            return;
    }
    QWriteLocker lock(&m_lock);
    m_sinceCheck.start();
    if (QFileInfo(m_path).lastModified() == m_fileModified)
        return;
    try {
        reloadLocked();
    } catch (const std::exception &e) {
        logging::write(lcAuth(), QtWarningMsg, QStringLiteral("could not reload the JWT key file"),
            {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
    }
}

JwtKeyStore::Key JwtKeyStore::current()
{
    if (sharedInDatabase()) {
        // The newest key every instance has had time to read (JwtKeySync rotates); the oldest
        // one while none is that old (the very first key).
        const qint64 now = m_clock.nowMs();
        QReadLocker lock(&m_lock);
        if (m_keys.isEmpty())
            throw std::runtime_error("no JWT signing key is loaded");
        for (const auto &k : std::as_const(m_keys)) {
            if (now - k.createdMs >= kPropagationMs)
                return k;
        }
        return m_keys.last();
    }
    maybeReload();
    if (m_config.jwtSecret.isEmpty() && m_config.jwtRotateDays > 0) {
        const qint64 period = qint64(m_config.jwtRotateDays) * 24 * 3600 * 1000;
        bool due = false;
        {
            QReadLocker lock(&m_lock);
            due = !m_keys.isEmpty() && m_clock.nowMs() - m_keys.first().createdMs >= period;
        }
        if (due) {
            QWriteLocker lock(&m_lock);
            if (m_clock.nowMs() - m_keys.first().createdMs >= period) {
                rotateFile(m_path, m_clock);
                reloadLocked();
            }
        }
    }
    QReadLocker lock(&m_lock);
    if (m_keys.isEmpty())
        throw std::runtime_error("no JWT signing key is loaded");
    return m_keys.first();
}

std::optional<QByteArray> JwtKeyStore::secretFor(const QString &kid)
{
    maybeReload();
    auto lookup = [this, &kid]() -> std::optional<QByteArray> {
        const qint64 now = m_clock.nowMs();
        QReadLocker lock(&m_lock);
        for (const auto &k : std::as_const(m_keys)) {
            if (k.kid != kid)
                continue;
            if (k.retiredMs != 0 && now - k.retiredMs > retiredKeyLifetimeMs())
                return std::nullopt;
            return k.secret;
        }
        return std::nullopt;
    };
    if (auto secret = lookup())
        return secret;
    // A key rotated by `corkboard --rotate-jwt-key` moments ago: look at the file once more.
    maybeReload(true);
    return lookup();
}

} // namespace corkboard
