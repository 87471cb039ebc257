#include "server/features/auth/setup_gate.h"

#include "server/features/users/user_repository.h"
#include "server/platform/crypto.h"

namespace corkboard {

namespace {
// Crockford-style base32 without I, L, O, U: nothing to misread from a console.
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
} // namespace

QString SetupGate::generateCode()
{
    const QByteArray random = crypto::randomBytes(12);
    QString code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            code.append(QLatin1Char('-'));
        code.append(QLatin1Char(kAlphabet[quint8(random.at(i)) % 32]));
    }
    return code;
}

QByteArray SetupGate::normalized(const QString &code)
{
    QByteArray out;
    for (const QChar c : code) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        out.append(c.toUpper().toLatin1());
    }
    return out;
}

void SetupGate::arm(bool firstAccountPending, const QString &code)
{
    QMutexLocker lock(&m_mutex);
    m_pending.store(firstAccountPending);
    m_code = firstAccountPending ? normalized(code) : QByteArray();
}

bool SetupGate::codeRequired() const
{
    QMutexLocker lock(&m_mutex);
    return m_pending.load() && !m_code.isEmpty();
}

bool SetupGate::matches(const QString &presented) const
{
    const QByteArray given = normalized(presented);
    QMutexLocker lock(&m_mutex);
    return !m_code.isEmpty() && crypto::constantTimeEquals(given, m_code);
}

bool SetupGate::firstAccountPending(Database &db)
{
    if (m_pending.load() && UserRepository(db).count() > 0)
        firstAccountCreated();
    return m_pending.load();
}

void SetupGate::firstAccountCreated()
{
    QMutexLocker lock(&m_mutex);
    m_pending.store(false);
    m_code.clear();
}

} // namespace corkboard
