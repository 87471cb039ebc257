// Live-update benchmark: N WebSocket clients on one board, a writer creating cards at a fixed
// rate over HTTP; reports delivery latency (HTTP response → receipt), missed/duplicated events
// and server RSS per idle connection. Run by hand (see tests/bench/README.md).
//
// BENCH_LIVE_CLIENT chooses the receiving side: "qt" (default) holds the N sockets as QWebSockets
// on Qt's event loop, as a desktop window would; "epoll" reads them with one epoll and parses
// frames by hand (bench_live_epoll.h), a few microseconds per frame instead of about twenty, so
// on a 2-core machine the client is not itself the queue it measures. The server, the writer,
// the frames and the subscription are the same in both.
#include "bench_live_epoll.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <unistd.h>
#include <vector>

namespace {

QElapsedTimer g_clock;
QMutex g_respondedMutex;

qint64 nowUs()
{
    return g_clock.nsecsElapsed() / 1000;
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

//! CPU seconds (user + system) a process has used so far.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong())
        / double(sysconf(_SC_CLK_TCK));
}

//! Runs the event loop until `done` or the timeout. With a time limit processEvents returns at
//! once when nothing is pending, so this loop spins: the Qt client's "CPU during the run" is
//! about a core whatever the server does. It has been so in every recorded run. A blocking wait
//! (processEvents(WaitForMoreEvents) and a 5 ms timer) was tried in one run on 2026-12-03: 8.2 s
//! of client CPU instead of ~10.4, but p50 2.1 ms and p99 20.9 ms where the spinning loop gave 0
//! and 4.4–14.4 ms the same hour — a blocking poll(2) over 1,000 sockets registers on each of them
//! and unregisters again on every turn.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

QJsonObject call(QNetworkAccessManager &nam, const QByteArray &method, const QString &url,
    const QJsonObject &body, const QString &token, int *status = nullptr)
{
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    QNetworkReply *reply = nam.sendCustomRequest(
        request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
    waitUntil([reply] { return reply->isFinished(); }, 30000);
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject out = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return out;
}

struct Client
{
    std::unique_ptr<QWebSocket> socket;
    bool ready = false;
    bool subscribed = false;
    QList<qint64> seqs;
    QHash<QString, qint64> receivedUs; //!< card id → receipt time
};

//! The epoll client's share of what the Qt client's handler does with a frame: the seq and the
//! card id of a card.created event, read from the UTF-8 bytes without decoding them.
void recordCardCreated(Client &client, QByteArrayView text, qint64 t)
{
    if (!text.startsWith("{\"type\":\"event\"") || !text.contains("\"type\":\"card.created\""))
        return;
    const qsizetype s = text.indexOf("\"seq\":") + 6;
    const qsizetype se = text.indexOf(',', s);
    const QByteArrayView idKey("\"data\":{\"id\":\"");
    const qsizetype d = text.indexOf(idKey) + idKey.size();
    const qsizetype de = text.indexOf('"', d);
    if (s < 6 || se < 0 || d < idKey.size() || de < 0)
        return; // not the shape the Qt client reads either
    client.seqs.append(text.sliced(s, se - s).toLongLong());
    client.receivedUs.insert(QString::fromLatin1(text.sliced(d, de - d)), t);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    g_clock.start();
    const QStringList args = app.arguments();
    const int clients = args.size() > 1 ? args.at(1).toInt() : 1000;
    const int ratePerSecond = args.size() > 2 ? args.at(2).toInt() : 50;
    const int seconds = args.size() > 3 ? args.at(3).toInt() : 10;
    const QString binary = qEnvironmentVariable("CORKBOARD_BINARY");
    const bool epollClient = qEnvironmentVariable("BENCH_LIVE_CLIENT") == QLatin1String("epoll");
    QTextStream out(stdout);
    if (binary.isEmpty()) {
        out << "set CORKBOARD_BINARY to the corkboard executable" << Qt::endl;
        return 2;
    }

    QTemporaryDir dir;
    QProcess server;
    server.setProgram(binary);
    server.setArguments({QStringLiteral("--serve"), QStringLiteral("--host"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--log-level"),
        QStringLiteral("error"), QStringLiteral("--rate-limit-rps"), QStringLiteral("1000000"),
        QStringLiteral("--rate-limit-burst"), QStringLiteral("1000000")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // The bench is one address opening N sockets: lift the per-address connection cap (64 by
    // default since the connection guard limits) here, in the bench's own configuration only.
    // Environment, not flags: a baseline that predates the setting ignores it.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CORKBOARD_MAX_CONNECTIONS"), QString::number(clients + 1000));
    env.insert(
        QStringLiteral("CORKBOARD_MAX_CONNECTIONS_PER_ADDRESS"), QString::number(clients + 1000));
    server.setProcessEnvironment(env);
    server.start();
    quint16 port = 0;
    QByteArray banner;
    const QRegularExpression pattern(QStringLiteral("serving on http://127\\.0\\.0\\.1:(\\d+)"));
    waitUntil(
        [&] {
            banner += server.readAllStandardOutput();
            const auto m = pattern.match(QString::fromUtf8(banner));
            if (m.hasMatch())
                port = quint16(m.captured(1).toUInt());
            return port != 0;
        },
        20000);
    if (port == 0) {
        out << "server did not start" << Qt::endl;
        return 1;
    }
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QNetworkAccessManager nam;
    const QJsonObject reg = call(nam, "POST", base + QStringLiteral("/api/v1/auth/register"),
        {{QStringLiteral("email"), QStringLiteral("bench@example.test")},
            {QStringLiteral("password"), QStringLiteral("correct horse battery")},
            {QStringLiteral("display_name"), QStringLiteral("Bench")}},
        QString());
    const QString token = reg.value(QStringLiteral("data"))
                              .toObject()
                              .value(QStringLiteral("tokens"))
                              .toObject()
                              .value(QStringLiteral("access_token"))
                              .toString();
    const QJsonObject board = call(nam, "POST", base + QStringLiteral("/api/v1/boards"),
        {{QStringLiteral("name"), QStringLiteral("Bench")}}, token)
                                  .value(QStringLiteral("data"))
                                  .toObject();
    const QString boardId
        = board.value(QStringLiteral("board")).toObject().value(QStringLiteral("id")).toString();
    const QString columnId = board.value(QStringLiteral("columns"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
    if (token.isEmpty() || boardId.isEmpty()) {
        out << "could not register or create the board" << Qt::endl;
        return 1;
    }

    QThread::msleep(300);
    const qint64 rssBefore = rssKb(server.processId());
    std::vector<Client> pool(static_cast<size_t>(clients));
    const QString wsUrl = QStringLiteral("ws://127.0.0.1:%1/api/v1/ws").arg(port);
    const QByteArray authMessage = QJsonDocument(
        QJsonObject {{QStringLiteral("type"), QStringLiteral("auth")},
            {QStringLiteral("token"),
                token}}).toJson(QJsonDocument::Compact);
    const QByteArray subscribeMessage = QJsonDocument(
        QJsonObject {{QStringLiteral("type"), QStringLiteral("subscribe")},
            {QStringLiteral("board_id"), boardId},
            {QStringLiteral("since"),
                QJsonValue::Null}}).toJson(QJsonDocument::Compact);
    int connectedCount = 0;
    int subscribedCount = 0;
    int closedCount = 0;
    EpollClients lean;
    const EpollClients::TextHandler onText = [&pool](int index, const char *text, size_t size) {
        const qint64 t = nowUs();
        recordCardCreated(pool[size_t(index)], QByteArrayView(text, qsizetype(size)), t);
    };
    // Runs whichever client there is until `done` or the timeout (the epoll one is read here, the
    // Qt one by Qt's loop).
    const auto wait = [&](const std::function<bool()> &done, int timeoutMs) {
        if (!epollClient)
            return waitUntil(done, timeoutMs);
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > timeoutMs)
                return false;
            lean.poll(10, onText);
        }
        return true;
    };
    if (epollClient) {
        QString error;
        if (!lean.open(port, clients, authMessage, subscribeMessage, &error)) {
            out << "epoll client: " << error << Qt::endl;
            return 1;
        }
        subscribedCount = clients;
    }
    for (Client &c : pool) {
        if (epollClient)
            break;
        c.socket = std::make_unique<QWebSocket>();
        Client *client = &c;
        QObject::connect(c.socket.get(), &QWebSocket::connected, c.socket.get(),
            [client, &authMessage, &connectedCount] {
                ++connectedCount;
                client->socket->sendTextMessage(QString::fromUtf8(authMessage));
            });
        QObject::connect(c.socket.get(), &QWebSocket::disconnected, c.socket.get(),
            [&closedCount] { ++closedCount; });
        QObject::connect(c.socket.get(), &QWebSocket::textMessageReceived, c.socket.get(),
            [client, &subscribeMessage, &subscribedCount](const QString &text) {
                // Cheap field extraction: one client thread reads 50,000 messages a second.
                const qint64 t = nowUs();
                if (text.startsWith(QLatin1String("{\"type\":\"event\""))) {
                    if (!text.contains(QLatin1String("\"type\":\"card.created\"")))
                        return;
                    const qsizetype s = text.indexOf(QLatin1String("\"seq\":")) + 6;
                    const qsizetype se = text.indexOf(QLatin1Char(','), s);
                    client->seqs.append(QStringView(text).mid(s, se - s).toLongLong());
                    const QLatin1String idKey("\"data\":{\"id\":\"");
                    const qsizetype d = text.indexOf(idKey) + idKey.size();
                    const qsizetype de = text.indexOf(QLatin1Char('"'), d);
                    client->receivedUs.insert(text.mid(d, de - d), t);
                    return;
                }
                const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString type = m.value(QStringLiteral("type")).toString();
                if (type == QLatin1String("ready")) {
                    client->socket->sendTextMessage(QString::fromUtf8(subscribeMessage));
                } else if (type == QLatin1String("subscribed")) {
                    client->subscribed = true;
                    ++subscribedCount;
                }
            });
        c.socket->open(QUrl(wsUrl));
        if (connectedCount + 200 < int(&c - pool.data())) // keep the handshake backlog modest
            waitUntil([&] { return connectedCount + 100 >= int(&c - pool.data()); }, 10000);
    }
    if (!waitUntil([&] { return subscribedCount == clients; }, 120000)) {
        out << "only " << subscribedCount << " of " << clients << " clients subscribed (closed "
            << closedCount << ")" << Qt::endl;
        return 1;
    }
    wait([] { return false; }, 1000); // settle
    const qint64 rssIdle = rssKb(server.processId());

    // The writer runs on its own thread (its own event loop and QNetworkAccessManager), so its
    // pace and its response timestamps do not depend on how busy the clients are.
    QHash<QString, qint64> respondedUs;
    int failed = 0;
    const int total = ratePerSecond * seconds;
    QThread writerThread;
    writerThread.start();
    const qint64 writeStart = nowUs();
    const double serverCpuBefore = cpuSeconds(server.processId());
    const double clientCpuBefore = cpuSeconds(QCoreApplication::applicationPid());
    QObject anchor;
    anchor.moveToThread(&writerThread);
    std::atomic<bool> writerDone {false};
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            auto *wnam = new QNetworkAccessManager;
            auto *timer = new QTimer;
            auto sent = std::make_shared<int>(0);
            auto inFlight = std::make_shared<int>(0);
            timer->setTimerType(Qt::PreciseTimer);
            QObject::connect(timer, &QTimer::timeout, [&, wnam, timer, sent, inFlight] {
                if (*sent >= total) {
                    timer->stop();
                    if (*inFlight == 0)
                        writerDone = true;
                    return;
                }
                ++*sent;
                ++*inFlight;
                QNetworkRequest request {QUrl(
                    base + QStringLiteral("/api/v1/boards/") + boardId + QStringLiteral("/cards"))};
                request.setHeader(
                    QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
                request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
                QNetworkReply *reply = wnam->post(request,
                    QJsonDocument(
                        QJsonObject {{QStringLiteral("column_id"), columnId},
                            {QStringLiteral("title"), QStringLiteral("card %1").arg(*sent)}})
                        .toJson(QJsonDocument::Compact));
                QObject::connect(
                    reply, &QNetworkReply::finished, reply, [&, reply, sent, inFlight, timer] {
                        const qint64 t = nowUs();
                        --*inFlight;
                        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                            != 201) {
                            ++failed;
                        } else {
                            const QString id = QJsonDocument::fromJson(reply->readAll())
                                                   .object()
                                                   .value(QStringLiteral("data"))
                                                   .toObject()
                                                   .value(QStringLiteral("id"))
                                                   .toString();
                            QMutexLocker lock(&g_respondedMutex);
                            respondedUs.insert(id, t);
                        }
                        if (*sent >= total && *inFlight == 0)
                            writerDone = true;
                        reply->deleteLater();
                    });
            });
            timer->start(1000 / ratePerSecond);
        },
        Qt::QueuedConnection);
    wait([&] { return writerDone.load(); }, (seconds + 120) * 1000);
    writerThread.quit();
    writerThread.wait();
    const double writeSeconds = double(nowUs() - writeStart) / 1e6;
    QMutexLocker respondedLock(&g_respondedMutex);
    const int created = int(respondedUs.size());
    respondedLock.unlock();
    wait(
        [&] {
            for (const Client &c : pool) {
                if (c.seqs.size() < created)
                    return false;
            }
            return true;
        },
        30000);

    const double serverCpu = cpuSeconds(server.processId()) - serverCpuBefore;
    const double clientCpu = cpuSeconds(QCoreApplication::applicationPid()) - clientCpuBefore;
    std::vector<qint64> latencies;
    latencies.reserve(size_t(clients) * size_t(created));
    std::map<QString, std::vector<qint64>> perEvent;
    qint64 missed = 0;
    qint64 duplicated = 0;
    qint64 outOfOrder = 0;
    for (const Client &c : pool) {
        const QSet<qint64> distinct(c.seqs.begin(), c.seqs.end());
        duplicated += c.seqs.size() - distinct.size();
        missed += std::max<qint64>(0, created - distinct.size());
        for (qsizetype i = 1; i < c.seqs.size(); ++i)
            outOfOrder += c.seqs.at(i) <= c.seqs.at(i - 1) ? 1 : 0;
        for (auto it = respondedUs.cbegin(); it != respondedUs.cend(); ++it) {
            const auto r = c.receivedUs.constFind(it.key());
            if (r != c.receivedUs.cend()) {
                const qint64 latency = std::max<qint64>(0, r.value() - it.value());
                latencies.push_back(latency);
                perEvent[it.key()].push_back(latency);
            }
        }
    }
    std::sort(latencies.begin(), latencies.end());
    // Per event, the latency of its last subscriber: a p99 over all deliveries is set by the
    // slowest 1 % of events, so say how many events were slow as a whole.
    std::vector<qint64> lastPerEvent;
    for (auto &[id, values] : perEvent)
        lastPerEvent.push_back(*std::max_element(values.begin(), values.end()));
    std::sort(lastPerEvent.begin(), lastPerEvent.end());
    auto pct = [&latencies](double p) {
        return latencies.empty()
            ? 0.0
            : double(latencies.at(size_t(p * double(latencies.size() - 1)))) / 1000.0;
    };
    if (epollClient)
        closedCount = lean.closed();
    out << (epollClient ? "epoll" : "qt") << " clients " << clients << ", writer " << ratePerSecond
        << "/s for " << seconds << " s (" << created << " cards created in " << writeSeconds
        << " s, " << failed << " failed)" << Qt::endl;
    out << "deliveries " << latencies.size() << " of " << qint64(clients) * created << Qt::endl;
    out << "latency ms (HTTP response -> receipt): p50 " << pct(0.50) << "  p99 " << pct(0.99)
        << "  max " << (latencies.empty() ? 0.0 : double(latencies.back()) / 1000.0) << Qt::endl;
    const auto eventsOver = [&lastPerEvent](qint64 us) {
        return lastPerEvent.end() - std::upper_bound(lastPerEvent.begin(), lastPerEvent.end(), us);
    };
    out << "events whose last subscriber waited > 10 / 20 / 50 ms: " << eventsOver(10000) << " / "
        << eventsOver(20000) << " / " << eventsOver(50000) << " of " << lastPerEvent.size()
        << Qt::endl;
    out << "missed " << missed << "  duplicated " << duplicated << "  out of order " << outOfOrder
        << "  closed " << closedCount << Qt::endl;
    out << "CPU during the run: server " << serverCpu << " s, bench clients+writer " << clientCpu
        << " s" << Qt::endl;
    out << "server RSS: " << rssBefore << " KiB before, " << rssIdle << " KiB with " << clients
        << " idle subscribed sockets: " << double(rssIdle - rssBefore) / clients
        << " KiB per connection" << Qt::endl;

    for (Client &c : pool) {
        if (c.socket)
            c.socket->abort();
    }
    server.terminate();
    server.waitForFinished(15000);
    return missed == 0 && duplicated == 0 ? 0 : 1;
}
