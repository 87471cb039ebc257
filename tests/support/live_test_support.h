#pragma once

#include "server/features/events/live_backend.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QWebSocket>
#include <functional>
#include <memory>

namespace corkboard::test {

class TestServer;

//! An in-memory outbox, membership table and token list standing in for the board domain and
//! auth (thread-safe: the server threads read it, the test writes it).
class MemoryOutbox
{
public:
    //! Appends an event (as a committed change would) and returns its seq. Does not publish.
    qint64 append(const QString &boardId, const QString &type, const QString &actorId,
        const QByteArray &dataJson);
    void addMember(const QString &boardId, const QString &userId);
    void removeMember(const QString &boardId, const QString &userId);
    QString issueToken(const QString &userId, qint64 ttlMs = 15 * 60 * 1000);
    //! Removes every event with seq ≤ through (as retention would).
    void prune(qint64 through);
    int size() const;

    // LiveBackend's questions.
    VerifiedToken verify(const QString &token) const;
    bool isMember(const QString &boardId, const QString &userId) const;
    QStringList members(const QString &boardId) const;
    std::vector<StoredEvent> after(const QString &boardId, qint64 since, int limit) const;
    qint64 latest() const;
    qint64 prunedThrough() const;
    int pruneOlder(int keepCount, const QDateTime &olderThan);

private:
    mutable QMutex m_mutex;
    std::vector<StoredEvent> m_events;
    qint64 m_next = 1;
    qint64 m_pruned = 0;
    QHash<QString, QSet<QString>> m_members;
    QHash<QString, VerifiedToken> m_tokens;
};

//! Installs the in-memory outbox as the live backend of a running test server.
void installMemoryBackend(TestServer &server, std::shared_ptr<MemoryOutbox> outbox);
//! Appends an event and tells the hubs, the way the board domain's post-commit hook does.
qint64 publish(TestServer &server, MemoryOutbox &outbox, const QString &boardId,
    const QString &type, const QString &actorId,
    const QByteArray &dataJson = QByteArrayLiteral("{}"));

//! A real QWebSocket client that records every message and how the socket closed.
class WsClient : public QObject
{
    Q_OBJECT
public:
    explicit WsClient(quint16 port, QObject *parent = nullptr);
    bool connectAndWait(int timeoutMs = 5000);
    void send(const QJsonObject &message);
    void sendRaw(const QString &text) { m_socket.sendTextMessage(text); }
    //! auth + wait for ready.
    bool authenticate(const QString &token, int timeoutMs = 5000);
    //! subscribe + wait for subscribed (or an error for that board); returns the reply.
    QJsonObject subscribe(
        const QString &boardId, std::optional<qint64> since = std::nullopt, int timeoutMs = 5000);
    //! Waits until a message matching the predicate arrived (searching from index `from`).
    QJsonObject waitFor(
        const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 5000, int from = 0);
    QJsonObject waitForType(const QString &type, int timeoutMs = 5000, int from = 0);
    bool waitForClosed(int timeoutMs = 5000);
    //! Event messages (type "event") in arrival order.
    QList<QJsonObject> events(const QString &eventType = QString()) const;
    QList<qint64> eventSeqs(const QString &boardId = QString()) const;
    const QList<QJsonObject> &messages() const { return m_messages; }
    int closeCode() const { return m_closeCode; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    quint16 m_port;
    QList<QJsonObject> m_messages;
    int m_closeCode = -1;
    bool m_closed = false;
};

} // namespace corkboard::test
