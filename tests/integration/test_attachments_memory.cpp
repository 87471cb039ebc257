// The real `corkboard --serve` process keeps a flat memory while files stream through it: a
// 10 MiB multipart upload and a large resumable (tus) upload and download with peak RSS (VmHWM)
// under 64 MB. CORKBOARD_ATTACHMENT_BENCH_MIB (default 256) sets the resumable size; with 1024 it
// is the 1 GiB figure in tests/bench/README.md (it prints MB/s and the server's CPU time).
#include "tests/support/attachment_world.h"
#include "tests/support/memory_budget.h"
#include "tests/support/server_process.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <unistd.h>

using namespace corkboard;
using namespace corkboard::test;

namespace {
// utime + stime of a process in ms (from /proc/<pid>/stat).
qint64 cpuMs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const qint64 ticks = fields.value(11).toLongLong() + fields.value(12).toLongLong();
    return ticks * 1000 / ::sysconf(_SC_CLK_TCK);
}

QJsonObject post(const ServerProcess &server, const QString &path, const QJsonObject &body,
    const QString &token = QString())
{
    return httpJson("POST", server.url(path), body, token).data();
}
} // namespace

class TestAttachmentsMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uploadsAndDownloadsStayUnder64MB()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("CORKBOARD_START_WORKER"), QStringLiteral("false"));
        env.insert(QStringLiteral("CORKBOARD_LOG_LEVEL"), QStringLiteral("warning"));
        prepareForMemoryTest(env);
        ServerProcess server({QStringLiteral("--threads"), QStringLiteral("2")}, env);
        QVERIFY2(server.start(), qPrintable(server.error()));
        const QJsonObject me = post(server, QStringLiteral("/api/v1/auth/register"),
            {{QStringLiteral("email"), QStringLiteral("big@example.com")},
                {QStringLiteral("password"), QStringLiteral("correct horse battery")},
                {QStringLiteral("display_name"), QStringLiteral("Big")}});
        const QString token = me.value(QLatin1String("tokens"))
                                  .toObject()
                                  .value(QLatin1String("access_token"))
                                  .toString();
        const QJsonObject board = post(server, QStringLiteral("/api/v1/boards"),
            {{QStringLiteral("name"), QStringLiteral("Files")}}, token);
        const QString boardId
            = board.value(QLatin1String("board")).toObject().value(QLatin1String("id")).toString();
        const QString columnId = board.value(QLatin1String("columns"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QLatin1String("id"))
                                     .toString();
        const QString cardId = post(server, QStringLiteral("/api/v1/boards/%1/cards").arg(boardId),
            {{QStringLiteral("column_id"), columnId},
                {QStringLiteral("title"), QStringLiteral("t")}},
            token)
                                   .value(QLatin1String("id"))
                                   .toString();
        QVERIFY(!cardId.isEmpty());
        const qint64 startupPeak = server.peakRssKiB();
        QVERIFY(server.resetPeakRss());
        const qint64 idle = server.rssKiB();

        // 10 MiB multipart (the default CORKBOARD_UPLOAD_MULTIPART_MAX).
        const QByteArray ten = randomBytes(10 * 1024 * 1024, 2);
        const RawResponse multipart = uploadMultipart(server.port(), cardId, token, ten, "ten.bin");
        QCOMPARE(multipart.status, 201);
        const qint64 afterMultipart = server.peakRssKiB();

        // A large resumable upload in one PATCH, written from a pattern piece by piece.
        const qint64 mib = qEnvironmentVariableIsSet("CORKBOARD_ATTACHMENT_BENCH_MIB")
            ? qEnvironmentVariableIntValue("CORKBOARD_ATTACHMENT_BENCH_MIB")
            : 256;
        const qint64 total = mib * 1024 * 1024;
        const QString upload = tusCreate(server.port(), cardId, token, total);
        QVERIFY(!upload.isEmpty());
        RawClient client;
        QVERIFY(client.connectTo(server.port()));
        const QByteArray piece = randomBytes(4 * 1024 * 1024, 3);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QElapsedTimer clock;
        const qint64 cpuBefore = cpuMs(server.pid());
        clock.start();
        client.socket().write(requestHead("PATCH", upload, token, total,
            {{"Tus-Resumable", "1.0.0"}, {"Upload-Offset", "0"},
                {"Content-Type", "application/offset+octet-stream"}}));
        for (qint64 sent = 0; sent < total; sent += piece.size()) {
            client.socket().write(piece);
            hash.addData(piece);
            while (client.socket().bytesToWrite() > 8 * 1024 * 1024)
                QVERIFY(client.socket().waitForBytesWritten(10000));
        }
        const RawResponse patched = client.readResponse(120000);
        const double upSeconds = double(clock.elapsed()) / 1000.0;
        const qint64 upCpu = cpuMs(server.pid()) - cpuBefore;
        QCOMPARE(patched.status, 204);
        QCOMPARE(patched.header("Upload-Offset").toLongLong(), total);
        const auto attached = httpJson("POST",
            server.url(QStringLiteral("/api/v1/cards/%1/attachments").arg(cardId)),
            {{QStringLiteral("upload_id"), upload.section(QLatin1Char('/'), -1)}}, token);
        QCOMPARE(attached.status, 201);
        QCOMPARE(attached.data().value(QLatin1String("sha256")).toString(),
            QString::fromLatin1(hash.result().toHex()));
        const qint64 afterUpload = server.peakRssKiB();

        // Download it back through a signed URL, reading as fast as the socket gives.
        const QString url = httpAuth("POST",
            server.url(QStringLiteral("/api/v1/attachments/%1/url")
                           .arg(attached.data().value(QLatin1String("id")).toString())),
            token)
                                .data()
                                .value(QLatin1String("url"))
                                .toString();
        RawClient reader;
        QVERIFY(reader.connectTo(server.port()));
        reader.socket().write(requestHead("GET", url, QString(), -1));
        const qint64 cpuDown = cpuMs(server.pid());
        clock.restart();
        QCryptographicHash back(QCryptographicHash::Sha256);
        QByteArray head;
        qint64 body = 0;
        while (reader.socket().waitForReadyRead(10000) || reader.socket().bytesAvailable() > 0) {
            QByteArray got = reader.socket().readAll();
            if (!head.contains("\r\n\r\n")) {
                head += got;
                const qsizetype end = head.indexOf("\r\n\r\n");
                if (end < 0)
                    continue;
                got = head.mid(end + 4);
                head.truncate(end + 4);
            }
            back.addData(got);
            body += got.size();
            if (body >= total)
                break;
        }
        const double downSeconds = double(clock.elapsed()) / 1000.0;
        const qint64 downCpu = cpuMs(server.pid()) - cpuDown;
        QVERIFY2(head.startsWith("HTTP/1.1 200"), head.constData());
        QCOMPARE(body, total);
        QCOMPARE(back.result(), hash.result());
        const qint64 peak = server.peakRssKiB();
        qInfo("multipart 10 MiB: peak %lld KiB; tus %lld MiB: up %.1f MB/s (server CPU %lld ms), "
              "down %.1f MB/s (server CPU %lld ms); peak RSS %lld KiB after upload, %lld KiB "
              "overall (%lld KiB at start-up)",
            afterMultipart, mib, double(total) / 1e6 / upSeconds, upCpu,
            double(total) / 1e6 / downSeconds, downCpu, afterUpload, peak, startupPeak);
        QVERIFY2(rssAgainstBudgetKiB(peak, idle) < kServerRssBudgetKiB,
            qPrintable(QStringLiteral("peak RSS %1 KiB (idle %2 KiB)").arg(peak).arg(idle)));
    }
};

QTEST_GUILESS_MAIN(TestAttachmentsMemory)
#include "test_attachments_memory.moc"
