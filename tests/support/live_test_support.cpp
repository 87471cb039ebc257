#include "tests/support/live_test_support.h"

#include "server/features/common/server_context.h"
#include "server/platform/app_error.h"
#include "server/platform/crypto.h"
#include "tests/support/test_server.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>
#include <algorithm>

namespace corkboard::test {

qint64 MemoryOutbox::append(
    const QString &boardId, const QString &type, const QString &actorId, const QByteArray &dataJson)
{
    QMutexLocker lock(&m_mutex);
    StoredEvent e;
    e.seq = m_next++;
    e.boardId = boardId;
    e.type = type;
    e.actorId = actorId;
    e.at = QDateTime::currentDateTimeUtc();
    e.dataJson = dataJson;
    m_events.push_back(e);
    return e.seq;
}

void MemoryOutbox::addMember(const QString &boardId, const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    m_members[boardId].insert(userId);
}

void MemoryOutbox::removeMember(const QString &boardId, const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    m_members[boardId].remove(userId);
}

QString MemoryOutbox::issueToken(const QString &userId, qint64 ttlMs)
{
    const QString token = crypto::base64Url(crypto::randomBytes(24));
    QMutexLocker lock(&m_mutex);
    m_tokens.insert(token,
        VerifiedToken {
            userId, QStringLiteral("member"), QDateTime::currentMSecsSinceEpoch() + ttlMs, {}});
    return token;
}

void MemoryOutbox::prune(qint64 through)
{
    QMutexLocker lock(&m_mutex);
    std::erase_if(m_events, [through](const StoredEvent &e) { return e.seq <= through; });
    m_pruned = std::max(m_pruned, through);
}

int MemoryOutbox::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_events.size());
}

VerifiedToken MemoryOutbox::verify(const QString &token) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd())
        throw AppError(ErrorCode::Unauthenticated, QStringLiteral("the token is not valid"));
    if (it->expiresAtMs <= QDateTime::currentMSecsSinceEpoch())
        throw AppError(ErrorCode::TokenExpired, QStringLiteral("the token expired"));
    return *it;
}

bool MemoryOutbox::isMember(const QString &boardId, const QString &userId) const
{
    QMutexLocker lock(&m_mutex);
    return m_members.value(boardId).contains(userId);
}

QStringList MemoryOutbox::members(const QString &boardId) const
{
    QMutexLocker lock(&m_mutex);
    return m_members.value(boardId).values();
}

std::vector<StoredEvent> MemoryOutbox::after(const QString &boardId, qint64 since, int limit) const
{
    QMutexLocker lock(&m_mutex);
    std::vector<StoredEvent> out;
    for (const StoredEvent &e : m_events) {
        if (e.seq > since && e.boardId == boardId) {
            out.push_back(e);
            if (int(out.size()) >= limit)
                break;
        }
    }
    return out;
}

qint64 MemoryOutbox::latest() const
{
    QMutexLocker lock(&m_mutex);
    return m_next - 1;
}

qint64 MemoryOutbox::prunedThrough() const
{
    QMutexLocker lock(&m_mutex);
    return m_pruned;
}

int MemoryOutbox::pruneOlder(int keepCount, const QDateTime &olderThan)
{
    QMutexLocker lock(&m_mutex);
    qint64 through = 0;
    const int excess = int(m_events.size()) - keepCount;
    if (excess > 0)
        through = m_events.at(size_t(excess - 1)).seq;
    for (const StoredEvent &e : m_events) {
        if (e.at < olderThan)
            through = std::max(through, e.seq);
    }
    const auto before = m_events.size();
    std::erase_if(m_events, [through](const StoredEvent &e) { return e.seq <= through; });
    m_pruned = std::max(m_pruned, through);
    return int(before - m_events.size());
}

namespace {
class MemoryBackend final : public LiveBackend
{
public:
    explicit MemoryBackend(std::shared_ptr<MemoryOutbox> outbox)
        : m_outbox(std::move(outbox))
    {
    }
    VerifiedToken verifyToken(const QString &token) override { return m_outbox->verify(token); }
    bool canView(const QString &boardId, const QString &userId) override
    {
        return m_outbox->isMember(boardId, userId);
    }
    QStringList viewers(const QString &boardId) override { return m_outbox->members(boardId); }
    std::vector<StoredEvent> eventsAfter(const QString &boardId, qint64 since, int limit) override
    {
        return m_outbox->after(boardId, since, limit);
    }
    qint64 latestSeq() override { return m_outbox->latest(); }
    qint64 prunedThrough() override { return m_outbox->prunedThrough(); }
    int pruneEvents(int keepCount, const QDateTime &olderThan) override
    {
        return m_outbox->pruneOlder(keepCount, olderThan);
    }

private:
    std::shared_ptr<MemoryOutbox> m_outbox;
};
} // namespace

void installMemoryBackend(TestServer &server, std::shared_ptr<MemoryOutbox> outbox)
{
    server.host().context().liveBus.setBackendFactory(
        [outbox](ThreadContext &) { return std::make_unique<MemoryBackend>(outbox); });
}

qint64 publish(TestServer &server, MemoryOutbox &outbox, const QString &boardId,
    const QString &type, const QString &actorId, const QByteArray &dataJson)
{
    const qint64 seq = outbox.append(boardId, type, actorId, dataJson);
    server.host().context().liveBus.notifyCommitted(boardId, seq);
    return seq;
}

WsClient::WsClient(quint16 port, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

bool WsClient::connectAndWait(int timeoutMs)
{
    m_socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(m_port)));
    return QTest::qWaitFor(
               [this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closed; },
               timeoutMs)
        && m_socket.state() == QAbstractSocket::ConnectedState;
}

void WsClient::send(const QJsonObject &message)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

bool WsClient::authenticate(const QString &token, int timeoutMs)
{
    const int from = int(m_messages.size());
    send({{QStringLiteral("type"), QStringLiteral("auth")}, {QStringLiteral("token"), token}});
    return !waitForType(QStringLiteral("ready"), timeoutMs, from).isEmpty();
}

QJsonObject WsClient::subscribe(const QString &boardId, std::optional<qint64> since, int timeoutMs)
{
    const int from = int(m_messages.size());
    QJsonObject message {{QStringLiteral("type"), QStringLiteral("subscribe")},
        {QStringLiteral("board_id"), boardId}};
    message.insert(
        QStringLiteral("since"), since ? QJsonValue(double(*since)) : QJsonValue(QJsonValue::Null));
    send(message);
    return waitFor(
        [&boardId](const QJsonObject &m) {
            const QString type = m.value(QStringLiteral("type")).toString();
            return (type == QLatin1String("subscribed") || type == QLatin1String("error"))
                && m.value(QStringLiteral("board_id")).toString() == boardId;
        },
        timeoutMs, from);
}

QJsonObject WsClient::waitFor(
    const std::function<bool(const QJsonObject &)> &match, int timeoutMs, int from)
{
    QJsonObject found;
    (void)QTest::qWaitFor(
        [&] {
            for (qsizetype i = from; i < m_messages.size(); ++i) {
                if (match(m_messages.at(i))) {
                    found = m_messages.at(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QJsonObject WsClient::waitForType(const QString &type, int timeoutMs, int from)
{
    return waitFor(
        [&type](
            const QJsonObject &m) { return m.value(QStringLiteral("type")).toString() == type; },
        timeoutMs, from);
}

bool WsClient::waitForClosed(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
}

QList<QJsonObject> WsClient::events(const QString &eventType) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &m : m_messages) {
        if (m.value(QStringLiteral("type")).toString() != QLatin1String("event"))
            continue;
        const QJsonObject e = m.value(QStringLiteral("event")).toObject();
        if (eventType.isEmpty() || e.value(QStringLiteral("type")).toString() == eventType)
            out.append(e);
    }
    return out;
}

QList<qint64> WsClient::eventSeqs(const QString &boardId) const
{
    QList<qint64> out;
    for (const QJsonObject &e : events()) {
        if (e.value(QStringLiteral("seq")).isNull())
            continue; // presence
        if (boardId.isEmpty() || e.value(QStringLiteral("board_id")).toString() == boardId)
            out.append(qint64(e.value(QStringLiteral("seq")).toDouble()));
    }
    return out;
}

} // namespace corkboard::test
