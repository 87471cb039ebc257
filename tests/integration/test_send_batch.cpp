// Response batching (server/http/socket_send.h) on a real loopback connection: a server thread
// running its own event loop holds a whole response until the turn of its loop ends, then sends
// it; every other write to the same connection stays behind it, nothing is lost to a close, and a
// connection that is gone before the flush is skipped.
#include "server/http/socket_send.h"

#include <QPointer>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <sys/ioctl.h>
#include <vector>

using namespace corkboard;

namespace {

//! A loopback listener on its own thread, as a server thread is (its own event loop); what it does
//! with the bytes a connection sends is the test's `onRead`, run on that thread.
class ServerThread
{
public:
    using Handler = std::function<void(QTcpSocket &socket)>;

    explicit ServerThread(bool batching)
    {
        m_thread.start();
        m_anchor = new QObject;
        m_anchor->moveToThread(&m_thread);
        run([this, batching] {
            if (batching)
                enableSendBatching();
            m_server = new QTcpServer(m_anchor);
            QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
            m_port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, m_anchor, [this] {
                while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                    m_accepted.push_back(socket);
                    ++m_acceptedCount;
                    QObject::connect(socket, &QTcpSocket::readyRead, m_anchor, [this, socket] {
                        socket->readAll();
                        if (onRead)
                            onRead(*socket);
                    });
                }
            });
        });
    }

    ~ServerThread()
    {
        run([this] { delete m_anchor; });
        m_thread.quit();
        m_thread.wait();
    }

    void run(const std::function<void()> &f)
    {
        QMetaObject::invokeMethod(m_anchor, f, Qt::BlockingQueuedConnection);
    }

    quint16 port() const { return m_port; }
    int acceptedCount() const { return m_acceptedCount.load(); }
    //! Only on the server thread.
    QTcpSocket *accepted(int i) const { return m_accepted.value(i).data(); }

    Handler onRead;

private:
    QThread m_thread;
    QObject *m_anchor = nullptr;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    QList<QPointer<QTcpSocket>> m_accepted;
    std::atomic<int> m_acceptedCount {0};
};

//! A blocking client on the test's thread (it never runs an event loop here, so nothing reads its
//! socket behind the test's back).
std::unique_ptr<QTcpSocket> connectTo(ServerThread &server)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, server.port());
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

void send(QTcpSocket &client, const QByteArray &bytes)
{
    client.write(bytes);
    client.waitForBytesWritten(5000);
}

//! Reads until `size` bytes arrived, the peer closed, or 5 s passed.
QByteArray readUpTo(QTcpSocket &client, qsizetype size)
{
    QByteArray got;
    while (got.size() < size) {
        if (client.bytesAvailable() == 0 && !client.waitForReadyRead(5000))
            break;
        got += client.readAll();
    }
    return got;
}

//! Bytes the kernel holds for the client that it has not read yet.
int unreadByClient(qintptr descriptor)
{
    int pending = -1;
    ::ioctl(int(descriptor), FIONREAD, &pending);
    return pending;
}

//! Answers "ping" with "pong" inside a SendBatchScope on a thread that batches or not; checks
//! what had reached the client's kernel buffer right after, still inside that turn.
void answerOnce(bool batching, int unreadExpected)
{
    ServerThread server(batching);
    auto client = connectTo(server);
    QVERIFY(client);
    const qintptr clientFd = client->socketDescriptor();
    QSemaphore handled;
    std::atomic<int> unreadRightAfter {-1};
    server.onRead = [&](QTcpSocket &socket) {
        {
            const SendBatchScope batch;
            sendResponse(socket, "pong");
        }
        unreadRightAfter = unreadByClient(clientFd);
        handled.release();
    };
    send(*client, "ping");
    QVERIFY(handled.tryAcquire(1, 5000));
    QCOMPARE(unreadRightAfter.load(), unreadExpected);
    QCOMPARE(readUpTo(*client, 4), QByteArray("pong"));
}

//! Sends one message to a batching server thread whose `onRead` is `handler`; returns what came
//! back (up to `size` bytes, or until the server closed: then `*closed`).
QByteArray exchangeOnBatchingThread(
    const ServerThread::Handler &handler, qsizetype size, bool *closed = nullptr)
{
    ServerThread server(true);
    auto client = connectTo(server);
    if (!client)
        return "(no connection)";
    server.onRead = handler;
    send(*client, "go");
    const QByteArray got = readUpTo(*client, size);
    if (closed) {
        *closed = client->state() == QAbstractSocket::UnconnectedState
            || (!client->waitForReadyRead(5000) && client->bytesAvailable() == 0
                && client->state() == QAbstractSocket::UnconnectedState);
    }
    return got;
}

} // namespace

class TestSendBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anAnswerWaitsForTheEndOfTheTurnThenGoesOut()
    {
        // Still in the same turn of the server thread's loop: not sent yet. The thread then goes
        // back to waiting without any further traffic, and the answer goes out.
        answerOnce(true, 0);
    }

    void aThreadThatDoesNotBatchSendsAtOnce() { answerOnce(false, 4); }

    void everyLaterWriteStaysBehindAHeldAnswer()
    {
        const QByteArray got = exchangeOnBatchingThread(
            [](QTcpSocket &socket) {
                {
                    const SendBatchScope batch;
                    sendResponse(socket, "1;");
                    sendResponse(socket, "2;");
                }
                sendFramed(socket, "3;"); // a live frame for the same connection joins the batch
                flushQueued(socket); // before anything goes through Qt's own buffer
                socket.write("4;");
            },
            8);
        QCOMPARE(got, QByteArray("1;2;3;4;"));
    }

    void aCloseRightAfterAHeldAnswerLosesNothing()
    {
        bool closed = false;
        const QByteArray got = exchangeOnBatchingThread(
            [](QTcpSocket &socket) {
                {
                    const SendBatchScope batch;
                    sendResponse(socket, "last words");
                }
                sendFramed(socket, " and goodbye");
                flushQueued(socket);
                socket.disconnectFromHost();
            },
            100, &closed);
        QCOMPARE(got, QByteArray("last words and goodbye"));
        QVERIFY(closed);
    }

    void manyAnswersOfOneTurnEachReachTheirOwnConnectionWhole()
    {
        // One turn answers 150 connections (more than one submission's worth) and one answer is
        // larger than the kernel takes at once: the rest of it follows through Qt's buffer.
        // Declared before the server thread: its handler uses them until the thread stops.
        const QByteArray big(16 * 1024 * 1024, 'b');
        auto answerFor
            = [&big](int i) { return i == 7 ? big : "answer " + QByteArray::number(i) + ";"; };
        ServerThread server(true);
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < 150; ++i) {
            clients.push_back(connectTo(server));
            QVERIFY(clients.back());
        }
        QTRY_COMPARE(server.acceptedCount(), 150);
        server.onRead = [&server, &answerFor](QTcpSocket &) {
            const SendBatchScope batch;
            for (int i = 0; i < 150; ++i)
                sendResponse(*server.accepted(i), answerFor(i));
        };
        send(*clients[0], "everyone");
        for (int i = 0; i < 150; ++i) {
            const QByteArray expected = answerFor(i);
            QCOMPARE(readUpTo(*clients[i], expected.size()), expected);
        }
    }

    void aGroupHoldsFramesUntilItEndsThenEveryConnectionHasItsOwn()
    {
        // A live event for every subscriber: inside the group nothing has reached any client;
        // when it ends every client has its frame, and a connection that writes by other means
        // inside the group (flushQueued first, as a close frame does) keeps its order.
        // Declared before the server thread: its handler uses them until the thread stops.
        std::vector<qintptr> fds;
        std::atomic<int> reachedInside {-1};
        std::atomic<int> reachedAfter {-1};
        QSemaphore handled;
        ServerThread server(true);
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < 20; ++i) {
            clients.push_back(connectTo(server));
            QVERIFY(clients.back());
            fds.push_back(clients.back()->socketDescriptor());
        }
        QTRY_COMPARE(server.acceptedCount(), 20);
        server.onRead = [&](QTcpSocket &) {
            {
                const SendGroupScope group;
                for (int i = 0; i < 20; ++i)
                    sendFramed(*server.accepted(i), "event " + QByteArray::number(i) + ";");
                QTcpSocket &closing = *server.accepted(3);
                flushQueued(closing);
                closing.write("close;");
                int reached = 0;
                for (qintptr fd : fds)
                    reached += unreadByClient(fd) > 0 ? 1 : 0;
                reachedInside = reached;
            }
            int reached = 0;
            for (qintptr fd : fds)
                reached += unreadByClient(fd) > 0 ? 1 : 0;
            reachedAfter = reached;
            handled.release();
        };
        send(*clients[0], "publish");
        QVERIFY(handled.tryAcquire(1, 5000));
        QCOMPARE(reachedInside.load(), 1); // only the connection flushed by hand
        QCOMPARE(reachedAfter.load(), 20);
        for (int i = 0; i < 20; ++i) {
            const QByteArray expected = "event " + QByteArray::number(i) + ";"
                + (i == 3 ? QByteArray("close;") : QByteArray());
            QCOMPARE(readUpTo(*clients[i], expected.size()), expected);
        }
    }

    void laterFramesInAGroupJoinTheirOwnConnectionsHeldBytesInOrder()
    {
        // Each of 60 connections gets a frame, then (in the reverse order) a second one, which
        // joins what is held for that connection; one is flushed by hand in between and its third
        // frame is held anew. Every client reads its own frames, in order, nothing else.
        // Declared before the server thread: its handler uses them until the thread stops.
        constexpr int kCount = 60;
        auto frame
            = [](char tag, int i) -> QByteArray { return tag + QByteArray::number(i) + ";"; };
        ServerThread server(true);
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < kCount; ++i) {
            clients.push_back(connectTo(server));
            QVERIFY(clients.back());
        }
        QTRY_COMPARE(server.acceptedCount(), kCount);
        server.onRead = [&server, &frame](QTcpSocket &) {
            const SendGroupScope group;
            for (int i = 0; i < kCount; ++i)
                sendFramed(*server.accepted(i), frame('a', i));
            for (int i = kCount - 1; i >= 0; --i)
                sendFramed(*server.accepted(i), frame('b', i));
            flushQueued(*server.accepted(17));
            sendFramed(*server.accepted(17), frame('c', 17));
            sendFramed(*server.accepted(42), frame('c', 42));
        };
        send(*clients[0], "publish");
        for (int i = 0; i < kCount; ++i) {
            QByteArray expected = frame('a', i) + frame('b', i);
            if (i == 17 || i == 42)
                expected += frame('c', i);
            QCOMPARE(readUpTo(*clients[i], expected.size()), expected);
        }
        for (int i : {0, 17, 42}) // and nothing after them
            QVERIFY(!clients[i]->waitForReadyRead(100) && clients[i]->bytesAvailable() == 0);
    }

    void aConnectionGoneBeforeTheFlushIsSkipped()
    {
        ServerThread server(true);
        auto first = connectTo(server);
        QVERIFY(first);
        QTRY_COMPARE(server.acceptedCount(), 1);
        auto second = connectTo(server);
        QVERIFY(second);
        QTRY_COMPARE(server.acceptedCount(), 2);
        server.onRead = [&server](QTcpSocket &socket) {
            QTcpSocket *gone = server.accepted(0);
            QVERIFY(gone && gone != &socket);
            {
                const SendBatchScope batch;
                sendResponse(*gone, "never sent");
                sendResponse(socket, "for the second");
            }
            gone->abort();
            delete gone; // before the turn ends and the batch is flushed
        };
        send(*second, "hello");
        QCOMPARE(readUpTo(*second, 14), QByteArray("for the second"));
        QCOMPARE(readUpTo(*first, 100), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestSendBatch)
#include "test_send_batch.moc"
