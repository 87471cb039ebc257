// Batched sends (server/platform/send_ring.h) on real loopback TCP connections, through io_uring
// where the kernel offers it and one send(2) at a time: every item reaches its own socket whole
// and in order, a full send buffer takes part of an item without blocking, and a peer that reset
// the connection gives an error instead of a SIGPIPE.
#include "server/platform/send_ring.h"

#include <QByteArray>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace corkboard;

namespace {

//! Connected loopback pairs: `server[i]` (non-blocking, as a server's sockets are) and `client[i]`.
struct Pairs
{
    std::vector<int> server;
    std::vector<int> client;

    explicit Pairs(int count)
    {
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::listen(listener, count) != 0
            || ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            ::close(listener);
            return;
        }
        for (int i = 0; i < count; ++i) {
            const int c = ::socket(AF_INET, SOCK_STREAM, 0);
            if (::connect(c, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
                ::close(c);
                break;
            }
            const int s = ::accept(listener, nullptr, nullptr);
            ::fcntl(s, F_SETFL, ::fcntl(s, F_GETFL) | O_NONBLOCK);
            server.push_back(s);
            client.push_back(c);
        }
        ::close(listener);
    }
    ~Pairs()
    {
        for (int fd : server)
            ::close(fd);
        for (int fd : client)
            ::close(fd);
    }
    Pairs(const Pairs &) = delete;
    Pairs &operator=(const Pairs &) = delete;
};

//! Reads from `fd` until `size` bytes came, the peer closed, or nothing arrived for 5 s.
QByteArray readUpTo(int fd, qsizetype size)
{
    QByteArray got;
    char buffer[65536];
    while (got.size() < size) {
        pollfd p {fd, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0)
            break;
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        got.append(buffer, n);
    }
    return got;
}

//! Nothing more arrives on any of `fds` within a short while.
bool silent(const std::vector<int> &fds)
{
    std::vector<pollfd> polls;
    for (int fd : fds)
        polls.push_back(pollfd {fd, POLLIN, 0});
    return ::poll(polls.data(), polls.size(), 100) == 0;
}

void addPaths()
{
    QTest::addColumn<bool>("batched");
    QTest::newRow("one submission") << true;
    QTest::newRow("one send each") << false;
}

void send(bool batched, std::vector<SendItem> &items)
{
    if (batched)
        sendEach(items.data(), items.size());
    else
        sendEachSeparately(items.data(), items.size());
}

} // namespace

class TestSendRing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyItemArrivesWholeOnItsOwnSocket_data() { addPaths(); }
    void everyItemArrivesWholeOnItsOwnSocket()
    {
        QFETCH(bool, batched);
        // More than two rings' worth (128 entries each), every payload of its own length: an
        // answer reported for the wrong item, or sent to the wrong socket, shows.
        Pairs pairs(300);
        QCOMPARE(int(pairs.server.size()), 300);
        std::vector<QByteArray> payloads;
        for (int i = 0; i < 300; ++i)
            payloads.push_back("answer " + QByteArray(i % 50 + 1, 'a' + char(i % 26)) + ";");
        std::vector<SendItem> items;
        for (int i = 0; i < 300; ++i)
            items.push_back({pairs.server[i], payloads[i].constData(), size_t(payloads[i].size())});
        send(batched, items);
        for (const SendItem &item : items)
            QCOMPARE(item.result, ssize_t(item.size));
        for (int i = 0; i < 300; ++i)
            QCOMPARE(readUpTo(pairs.client[i], payloads[i].size()), payloads[i]);
        QVERIFY(silent(pairs.client));
    }

    void aFullSendBufferTakesPartAndNeverBlocks_data() { addPaths(); }
    void aFullSendBufferTakesPartAndNeverBlocks()
    {
        QFETCH(bool, batched);
        Pairs pairs(2);
        QCOMPARE(int(pairs.server.size()), 2);
        // The first peer reads nothing: the kernel cannot take 32 MiB for it at once.
        const QByteArray big(32 * 1024 * 1024, 'x');
        const QByteArray small("for the second peer");
        std::vector<SendItem> items {
            {pairs.server[0], big.constData(), size_t(big.size())},
            {pairs.server[1], small.constData(), size_t(small.size())},
        };
        send(batched, items);
        QVERIFY2(items[0].result > 0 && items[0].result < big.size(),
            qPrintable(QString::number(items[0].result)));
        QCOMPARE(items[1].result, ssize_t(small.size()));
        QCOMPARE(readUpTo(pairs.client[1], small.size()), small);
        // What was taken is what arrives.
        QCOMPARE(readUpTo(pairs.client[0], items[0].result), big.left(items[0].result));
        QVERIFY(silent({pairs.client[0]}));
    }

    void aResetPeerGivesAnErrorNotASignal_data() { addPaths(); }
    void aResetPeerGivesAnErrorNotASignal()
    {
        QFETCH(bool, batched);
        Pairs pairs(2);
        QCOMPARE(int(pairs.server.size()), 2);
        // The first peer resets its connection (linger 0); the process must survive the send
        // to it (MSG_NOSIGNAL) and learn of the reset from the result.
        const linger reset {1, 0};
        ::setsockopt(pairs.client[0], SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        ::close(pairs.client[0]);
        pairs.client[0] = ::socket(AF_INET, SOCK_STREAM, 0); // closed by ~Pairs instead
        pollfd p {pairs.server[0], POLLIN, 0};
        QCOMPARE(::poll(&p, 1, 5000), 1);
        const QByteArray bytes("nobody is listening");
        const QByteArray other("still here");
        std::vector<SendItem> items {
            {pairs.server[0], bytes.constData(), size_t(bytes.size())},
            {pairs.server[1], other.constData(), size_t(other.size())},
        };
        send(batched, items);
        QVERIFY2(items[0].result == -ECONNRESET || items[0].result == -EPIPE,
            qPrintable(QString::number(items[0].result)));
        QCOMPARE(items[1].result, ssize_t(other.size()));
        QCOMPARE(readUpTo(pairs.client[1], other.size()), other);
    }
};

QTEST_GUILESS_MAIN(TestSendRing)
#include "test_send_ring.moc"
