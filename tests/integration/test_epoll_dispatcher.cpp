// The server threads' epoll event dispatcher (server/platform/epoll_dispatcher.h) on real threads
// and real loopback sockets: timers keep Qt's promises (never early, repeating, stopped from their
// own handler, not re-entered by a nested loop), events posted from other threads arrive, a quit
// is prompt, and hundreds of connections opened, served and closed on one thread all get their
// answers (descriptors reused as they go).
#include "server/platform/epoll_dispatcher.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

using namespace corkboard;

namespace {

//! A thread running its loop on the server dispatcher.
class EpollThread
{
public:
    EpollThread()
    {
        m_dispatcher = createServerEventDispatcher();
        if (m_dispatcher)
            m_thread.setEventDispatcher(m_dispatcher);
        m_thread.start();
        m_anchor = new QObject;
        m_anchor->moveToThread(&m_thread);
    }

    ~EpollThread()
    {
        if (m_thread.isRunning()) {
            run([this] { delete m_anchor; });
            m_thread.quit();
            m_thread.wait();
        }
    }

    QAbstractEventDispatcher *dispatcher() const { return m_dispatcher; }

    //! Runs `f` on the thread and waits for it.
    void run(const std::function<void()> &f)
    {
        QMetaObject::invokeMethod(m_anchor, f, Qt::BlockingQueuedConnection);
    }

    QObject *anchor() const { return m_anchor; }
    QThread &thread() { return m_thread; }

private:
    QThread m_thread;
    QObject *m_anchor = nullptr;
    QAbstractEventDispatcher *m_dispatcher = nullptr;
};

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theThreadRunsOnIt()
    {
        EpollThread thread;
        QVERIFY(thread.dispatcher()); // Linux: epoll is there
        QAbstractEventDispatcher *running = nullptr;
        thread.run([&running] { running = QAbstractEventDispatcher::instance(); });
        QCOMPARE(running, thread.dispatcher());
    }

    void aTimerNeverFiresEarlyAndRepeatsUntilStopped()
    {
        EpollThread thread;
        QSemaphore done;
        qint64 singleShotAfterMs = -1;
        int ticks = 0;
        thread.run([&] {
            auto *clock = new QElapsedTimer;
            clock->start();
            QTimer::singleShot(40, thread.anchor(), [&, clock] {
                singleShotAfterMs = clock->elapsed();
                delete clock;
                done.release();
            });
            auto *repeating = new QTimer(thread.anchor());
            repeating->setInterval(5);
            QObject::connect(repeating, &QTimer::timeout, thread.anchor(), [&, repeating] {
                if (++ticks == 5) {
                    repeating->stop(); // from its own handler
                    done.release();
                }
            });
            repeating->start();
        });
        QVERIFY(done.tryAcquire(2, 5000));
        QVERIFY2(singleShotAfterMs >= 40, qPrintable(QString::number(singleShotAfterMs)));
        QTest::qWait(50);
        int after = 0;
        thread.run([&] { after = ticks; });
        QCOMPARE(after, 5);
    }

    void aNestedLoopDoesNotReenterTheTimerThatStartedIt()
    {
        EpollThread thread;
        QSemaphore done;
        std::atomic<int> entered {0};
        std::atomic<int> maxDepth {0};
        thread.run([&] {
            auto *outer = new QTimer(thread.anchor());
            outer->setInterval(1);
            QObject::connect(outer, &QTimer::timeout, thread.anchor(), [&, outer] {
                const int depth = ++entered;
                maxDepth = std::max(maxDepth.load(), depth);
                QEventLoop nested; // what a blocking wait inside a slot does
                QTimer::singleShot(20, &nested, &QEventLoop::quit);
                nested.exec();
                --entered;
                outer->stop();
                done.release();
            });
            outer->start();
        });
        QVERIFY(done.tryAcquire(1, 5000));
        QCOMPARE(maxDepth.load(), 1);
    }

    void eventsPostedFromOtherThreadsArriveAndAQuitIsPrompt()
    {
        EpollThread thread;
        std::atomic<int> received {0};
        for (int i = 0; i < 1000; ++i) {
            QMetaObject::invokeMethod(
                thread.anchor(), [&received] { ++received; }, Qt::QueuedConnection);
        }
        QTRY_COMPARE_WITH_TIMEOUT(received.load(), 1000, 5000);
        // A thread idle in epoll_wait with no timer wakes for its quit.
        QElapsedTimer clock;
        clock.start();
        thread.run([&thread] { delete thread.anchor(); });
        thread.thread().quit();
        QVERIFY(thread.thread().wait(5000));
        QVERIFY(clock.elapsed() < 5000);
    }

    void everyWaitingPassAnnouncesItselfEvenWhileEventsKeepArriving()
    {
        // Held answers go out on aboutToBlock (socket_send.h): a thread that receives a posted
        // event on every pass must still announce every pass, or they would wait for a quiet one.
        // Declared before the thread: its loop still runs (and counts) until the thread is gone.
        QSemaphore done;
        int passes = 0;
        int hops = 0;
        std::function<void()> hop;
        EpollThread thread;
        thread.run([&] {
            QObject::connect(QAbstractEventDispatcher::instance(),
                &QAbstractEventDispatcher::aboutToBlock, thread.anchor(), [&passes] { ++passes; });
            hop = [&] {
                if (++hops == 100) {
                    done.release();
                    return;
                }
                QMetaObject::invokeMethod(thread.anchor(), hop, Qt::QueuedConnection);
            };
            QMetaObject::invokeMethod(thread.anchor(), hop, Qt::QueuedConnection);
        });
        QVERIFY(done.tryAcquire(1, 5000));
        int seen = 0;
        thread.run([&] { seen = passes; });
        QVERIFY2(seen >= 99, qPrintable(QString::number(seen)));
    }

    void hundredsOfConnectionsOnOneThreadAreAllServed()
    {
        EpollThread thread;
        quint16 port = 0;
        thread.run([&] {
            auto *server = new QTcpServer(thread.anchor());
            QVERIFY(server->listen(QHostAddress::LocalHost, 0));
            port = server->serverPort();
            QObject::connect(server, &QTcpServer::newConnection, server, [server] {
                while (QTcpSocket *socket = server->nextPendingConnection()) {
                    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                        const QByteArray got = socket->readAll();
                        socket->write("echo:" + got); // through Qt's buffer: the write notifier
                        if (got.contains('!'))
                            socket->disconnectFromHost();
                    });
                    QObject::connect(
                        socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                }
            });
        });
        QVERIFY(port != 0);
        // Three hundred open at once, then each closed by the server: descriptors are freed and
        // reused by the next round.
        for (int round = 0; round < 2; ++round) {
            std::vector<std::unique_ptr<QTcpSocket>> clients;
            for (int i = 0; i < 300; ++i) {
                auto client = std::make_unique<QTcpSocket>();
                client->connectToHost(QHostAddress::LocalHost, port);
                QVERIFY(client->waitForConnected(5000));
                clients.push_back(std::move(client));
            }
            for (size_t i = 0; i < clients.size(); ++i) {
                const QByteArray message = QByteArray::number(int(i)) + '!';
                clients[i]->write(message);
                QVERIFY(clients[i]->waitForBytesWritten(5000));
            }
            for (size_t i = 0; i < clients.size(); ++i) {
                QByteArray got;
                const QByteArray want = "echo:" + QByteArray::number(int(i)) + '!';
                while (got.size() < want.size() && clients[i]->waitForReadyRead(5000))
                    got += clients[i]->readAll();
                got += clients[i]->readAll();
                QCOMPARE(got, want);
                if (clients[i]->state() != QAbstractSocket::UnconnectedState)
                    QVERIFY(clients[i]->waitForDisconnected(5000));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "test_epoll_dispatcher.moc"
