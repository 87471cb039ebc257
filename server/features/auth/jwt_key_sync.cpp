#include "server/features/auth/jwt_key_sync.h"

#include "server/features/auth/jwt_key_store.h"
#include "server/platform/clock.h"
#include "server/platform/config.h"
#include "server/platform/crypto.h"
#include "server/platform/database.h"
#include "server/platform/log.h"

#include <QFile>
#include <atomic>

namespace corkboard {

namespace {

std::atomic<int> g_syncCount {0};
const QString kMetaKey = QStringLiteral("jwt_keys");

QList<JwtKeyStore::Key> readKeys(Database &db)
{
    SqlQuery q(db, QStringLiteral("SELECT value FROM server_meta WHERE key = ?"));
    q.bind(0, kMetaKey).exec();
    if (!q.next())
        return {};
    return JwtKeyStore::parse(
        q.value(0).toString().toUtf8(), QStringLiteral("the database's JWT keys"));
}

void writeKeys(Database &db, const QList<JwtKeyStore::Key> &keys)
{
    SqlQuery q(db,
        QStringLiteral("INSERT INTO server_meta (key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.bind(0, kMetaKey).bind(1, QString::fromUtf8(JwtKeyStore::serialize(keys))).exec();
}

//! Held until the transaction ends: one instance at a time creates or rotates.
void lockKeys(Database &db)
{
    SqlQuery(db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"))
        .bind(0, QStringLiteral("corkboard.jwt-keys"))
        .exec();
}

} // namespace

JwtKeySync::JwtKeySync(
    const Config &config, const Clock &clock, JwtKeyStore &store, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_store(store)
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        try {
            poll();
        } catch (const std::exception &e) {
            logging::write(lcAuth(), QtWarningMsg, QStringLiteral("JWT key refresh failed"),
                {{QStringLiteral("error"), QString::fromUtf8(e.what())}});
        }
    });
}

JwtKeySync::~JwtKeySync()
{
    m_timer.stop();
    m_db.reset();
}

void JwtKeySync::start()
{
    m_db = std::make_unique<Database>(
        m_config, QStringLiteral("corkboard-jwt-keys-%1").arg(g_syncCount.fetch_add(1)));
    {
        Transaction tx(*m_db);
        lockKeys(*m_db);
        if (readKeys(*m_db).isEmpty()) {
            // Moving from SQLite: the data dir's keys keep the tokens already out there valid.
            QList<JwtKeyStore::Key> keys;
            const QString path = JwtKeyStore::keyFilePath(m_config);
            QFile file(path);
            if (file.exists() && file.open(QIODevice::ReadOnly))
                keys = JwtKeyStore::parse(file.readAll(), QStringLiteral("the JWT key file"));
            if (keys.isEmpty()) {
                JwtKeyStore::Key k;
                k.kid = QString::fromLatin1(crypto::randomBytes(6).toHex());
                k.secret = crypto::randomBytes(32);
                k.createdMs = m_clock.nowMs();
                keys = {k};
            }
            writeKeys(*m_db, keys);
            logging::write(lcAuth(), QtInfoMsg,
                QStringLiteral("JWT signing keys stored in the database"),
                {{QStringLiteral("kid"), keys.first().kid}});
        }
        tx.commit();
    }
    m_store.setKeys(readKeys(*m_db));
    m_timer.start();
}

void JwtKeySync::poll()
{
    if (!m_db)
        return;
    m_db->reconnectIfLost();
    QList<JwtKeyStore::Key> keys = readKeys(*m_db);
    const qint64 period = qint64(m_config.jwtRotateDays) * 24 * 3600 * 1000;
    const auto due = [&] {
        return period > 0 && !keys.isEmpty() && m_clock.nowMs() - keys.first().createdMs >= period;
    };
    if (due()) {
        Transaction tx(*m_db);
        lockKeys(*m_db);
        keys = readKeys(*m_db); // another instance may have rotated meanwhile
        if (due()) {
            keys = JwtKeyStore::rotated(keys, m_clock.nowMs());
            writeKeys(*m_db, keys);
            logging::write(lcAuth(), QtInfoMsg, QStringLiteral("JWT signing key rotated"),
                {{QStringLiteral("kid"), keys.first().kid}});
        }
        tx.commit();
    }
    m_store.setKeys(keys);
}

QString JwtKeySync::rotate(Database &db, const Clock &clock)
{
    Transaction tx(db);
    lockKeys(db);
    const QList<JwtKeyStore::Key> keys = JwtKeyStore::rotated(readKeys(db), clock.nowMs());
    writeKeys(db, keys);
    tx.commit();
    return keys.first().kid;
}

} // namespace corkboard
