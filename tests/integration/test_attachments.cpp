// Attachments over a real loopback server with real files: multipart and tus (resumable)
// uploads streamed by the connection guard, limits refused before a byte is stored, signed
// download URLs with ranges, content-addressed storage with reference counts.
#include "server/features/attachments/upload_service.h"
#include "server/platform/clock.h"
#include "server/platform/database.h"
#include "tests/support/attachment_world.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <sys/stat.h>

using namespace corkboard;
using namespace corkboard::test;

namespace {
QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Every regular file below `dir` (recursively).
QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(it.next());
    return out;
}
} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AttachmentWorld> m_world;

    quint16 port() const { return m_server->port(); }
    QString blobs() const { return m_server->dataDir() + QStringLiteral("/blobs"); }
    QString staging() const { return m_server->dataDir() + QStringLiteral("/uploads"); }

    QJsonObject cardDetail()
    {
        return httpAuth("GET", m_server->url(QStringLiteral("/api/v1/cards/") + m_world->cardId),
            m_world->owner.accessToken)
            .data();
    }

    QString signedUrl(const QString &attachmentId)
    {
        const auto r = httpAuth("POST",
            m_server->url(QStringLiteral("/api/v1/attachments/%1/url").arg(attachmentId)),
            m_world->viewer.accessToken);
        return r.data().value(QStringLiteral("url")).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
        m_server = std::make_unique<TestServer>(
            [](Config &c) {
                c.uploadMultipartMax = 2 * 1024 * 1024;
                c.uploadMax = 8 * 1024 * 1024;
                c.boardQuotaBytes = 12 * 1024 * 1024;
            },
            m_clock);
        m_world = std::make_unique<AttachmentWorld>(*m_server);
    }

    void cleanup()
    {
        m_world.reset();
        m_server.reset();
    }

    void multipartUploadIsStoredOnceByContent()
    {
        const QByteArray content = randomBytes(1536 * 1024, 7);
        const RawResponse first = uploadMultipart(
            port(), m_world->cardId, m_world->editor.accessToken, content, "a.bin");
        QCOMPARE(first.status, 201);
        const QJsonObject a
            = QJsonDocument::fromJson(first.body).object().value(QLatin1String("data")).toObject();
        QCOMPARE(a.value(QLatin1String("sha256")).toString(), sha256Hex(content));
        QCOMPARE(qint64(a.value(QLatin1String("size")).toDouble()), content.size());
        QCOMPARE(a.value(QLatin1String("filename")).toString(), QStringLiteral("a.bin"));
        QCOMPARE(a.value(QLatin1String("content_type")).toString(),
            QStringLiteral("application/octet-stream"));

        // Stored as one private file named by its hash, under private folders; nothing staged.
        const QStringList stored = filesUnder(blobs());
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.first().endsWith(sha256Hex(content)));
        QFile blob(stored.first());
        QVERIFY(blob.open(QIODevice::ReadOnly));
        QCOMPARE(blob.readAll(), content);
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(stored.first()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QCOMPARE(::stat(QFile::encodeName(blobs()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0700);
        QVERIFY(filesUnder(staging()).isEmpty());

        // The same bytes again: a second attachment, still one file.
        const RawResponse second = uploadMultipart(
            port(), m_world->cardId, m_world->owner.accessToken, content, "b.bin");
        QCOMPARE(second.status, 201);
        QCOMPARE(filesUnder(blobs()).size(), 1);
        const QJsonObject detail = cardDetail();
        QCOMPARE(detail.value(QLatin1String("attachments")).toArray().size(), 2);
        QCOMPARE(detail.value(QLatin1String("attachment_count")).toInt(), 2);
        const auto snapshot
            = httpAuth("GET", m_server->url(QStringLiteral("/api/v1/boards/") + m_world->boardId),
                m_world->viewer.accessToken);
        QCOMPARE(snapshot.data()
                     .value(QLatin1String("cards"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("attachment_count"))
                     .toInt(),
            2);

        // Deleting one keeps the bytes the other still uses (the count says one reference).
        const QString firstId = a.value(QLatin1String("id")).toString();
        QCOMPARE(httpAuth("DELETE", m_server->url(QStringLiteral("/api/v1/attachments/") + firstId),
                     m_world->editor.accessToken)
                     .status,
            204);
        Database db(m_server->config(), QStringLiteral("attachments-check"));
        SqlQuery q(db, QStringLiteral("SELECT refs FROM blobs WHERE sha256 = ?"));
        q.bind(0, sha256Hex(content)).exec();
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void multipartOverTheLimitIsRefusedBeforeItsBody()
    {
        // Only the head is sent: the answer comes without a byte of the body.
        RawClient client;
        QVERIFY(client.connectTo(port()));
        client.send(
            requestHead("POST", QStringLiteral("/api/v1/cards/%1/attachments").arg(m_world->cardId),
                m_world->editor.accessToken, 3 * 1024 * 1024,
                {{"Content-Type", "multipart/form-data; boundary=xyz"}}));
        const RawResponse r = client.readResponse();
        QCOMPARE(r.status, 413);
        QVERIFY(r.body.contains("/api/v1/uploads"));
        // A body under the framing limit whose file part is over the file limit: refused too, and
        // the partly written file is gone.
        const RawResponse big = uploadMultipart(port(), m_world->cardId,
            m_world->editor.accessToken, randomBytes(2 * 1024 * 1024 + 10), "big.bin");
        QCOMPARE(big.status, 413);
        QVERIFY(filesUnder(staging()).isEmpty());
        QVERIFY(filesUnder(blobs()).isEmpty());
        QCOMPARE(cardDetail().value(QLatin1String("attachments")).toArray().size(), 0);
    }

    void malformedMultipartIsRefusedAndNothingStays()
    {
        const QString path = QStringLiteral("/api/v1/cards/%1/attachments").arg(m_world->cardId);
        // No file part, only a stray text field.
        const QByteArray noFile
            = "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b--\r\n";
        QCOMPARE(rawStatus(rawExchange(port(),
                     requestHead("POST", path, m_world->editor.accessToken, noFile.size(),
                         {{"Content-Type", "multipart/form-data; boundary=b"}})
                         + noFile)),
            400);
        // Cut off before the closing boundary.
        const QByteArray cut = multipartBody("b", "abc", "x.txt").chopped(8);
        QCOMPARE(rawStatus(rawExchange(port(),
                     requestHead("POST", path, m_world->editor.accessToken, cut.size(),
                         {{"Content-Type", "multipart/form-data; boundary=b"}})
                         + cut)),
            400);
        // No boundary at all.
        QCOMPARE(rawStatus(rawExchange(port(),
                     requestHead("POST", path, m_world->editor.accessToken, 3,
                         {{"Content-Type", "multipart/form-data"}})
                         + "abc")),
            400);
        QVERIFY(filesUnder(staging()).isEmpty());
        QCOMPARE(cardDetail().value(QLatin1String("attachments")).toArray().size(), 0);
    }

    void cutOffResumableUploadFinishesFromTheReportedOffset()
    {
        const QByteArray content = randomBytes(6 * 1024 * 1024 + 123, 3);
        const QString upload
            = tusCreate(port(), m_world->cardId, m_world->editor.accessToken, content.size());
        QVERIFY(!upload.isEmpty());
        QCOMPARE(tusOffset(port(), upload, m_world->editor.accessToken), 0);

        // A PATCH announcing everything that sends 2.5 MiB and loses its connection.
        {
            RawClient client;
            QVERIFY(client.connectTo(port()));
            client.send(requestHead("PATCH", upload, m_world->editor.accessToken, content.size(),
                            {{"Tus-Resumable", "1.0.0"}, {"Upload-Offset", "0"},
                                {"Content-Type", "application/offset+octet-stream"}})
                + content.left(2560 * 1024));
            client.socket().waitForBytesWritten(5000);
            QTest::qWait(200);
            client.socket().abort();
        }
        qint64 offset = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            (offset = tusOffset(port(), upload, m_world->editor.accessToken)) > 0, 10000);
        QVERIFY(offset <= 2560 * 1024);

        // Resuming at a wrong offset is a conflict; at the reported one it completes.
        QCOMPARE(tusPatch(port(), upload, m_world->editor.accessToken, offset + 1,
                     content.mid(offset + 1))
                     .status,
            409);
        const RawResponse rest
            = tusPatch(port(), upload, m_world->editor.accessToken, offset, content.mid(offset));
        QCOMPARE(rest.status, 204);
        QCOMPARE(rest.header("Upload-Offset").toLongLong(), content.size());
        QCOMPARE(rest.header("Tus-Resumable"), QByteArray("1.0.0"));

        const QString uploadId = upload.section(QLatin1Char('/'), -1);
        const auto attached = httpJson("POST",
            m_server->url(QStringLiteral("/api/v1/cards/%1/attachments").arg(m_world->cardId)),
            {{QStringLiteral("upload_id"), uploadId},
                {QStringLiteral("filename"), QStringLiteral("resumed.bin")}},
            m_world->editor.accessToken);
        QCOMPARE(attached.status, 201);
        QCOMPARE(attached.data().value(QLatin1String("sha256")).toString(), sha256Hex(content));
        QCOMPARE(qint64(attached.data().value(QLatin1String("size")).toDouble()), content.size());
        // The upload is gone once attached.
        QCOMPARE(tusOffset(port(), upload, m_world->editor.accessToken), -1);

        const QString url = signedUrl(attached.data().value(QLatin1String("id")).toString());
        const auto download = test::http("GET", m_server->url(url));
        QCOMPARE(download.status, 200);
        QCOMPARE(download.body, content);
    }

    void checksumMismatchKeepsNothing()
    {
        const QByteArray content = randomBytes(300 * 1024, 5);
        const QString upload
            = tusCreate(port(), m_world->cardId, m_world->editor.accessToken, content.size());
        const QByteArray wrong = QCryptographicHash::hash("other", QCryptographicHash::Sha256);
        const RawResponse refused
            = tusPatch(port(), upload, m_world->editor.accessToken, 0, content, wrong);
        QCOMPARE(refused.status, 460);
        QCOMPARE(tusOffset(port(), upload, m_world->editor.accessToken), 0);
        const QByteArray right = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
        QCOMPARE(
            tusPatch(port(), upload, m_world->editor.accessToken, 0, content, right).status, 204);
        QCOMPARE(tusOffset(port(), upload, m_world->editor.accessToken), content.size());
        // A checksum in another algorithm is refused before a byte is stored.
        const QString other = tusCreate(port(), m_world->cardId, m_world->editor.accessToken, 10);
        RawClient client;
        QVERIFY(client.connectTo(port()));
        client.send(requestHead("PATCH", other, m_world->editor.accessToken, 10,
            {{"Tus-Resumable", "1.0.0"}, {"Upload-Offset", "0"},
                {"Content-Type", "application/offset+octet-stream"},
                {"Upload-Checksum", "md5 AAAA"}}));
        QCOMPARE(client.readResponse().status, 400);
    }

    void sizeAndQuotaAreRefusedBeforeStoring()
    {
        int status = 0;
        // Over CORKBOARD_UPLOAD_MAX.
        QVERIFY(tusCreate(
            port(), m_world->cardId, m_world->editor.accessToken, 9 * 1024 * 1024, &status)
                    .isEmpty());
        QCOMPARE(status, 413);
        // Two pending uploads of 7 MiB do not fit a 12 MiB quota: the second is refused, though
        // no byte of the first has arrived yet.
        QVERIFY(!tusCreate(port(), m_world->cardId, m_world->editor.accessToken, 7 * 1024 * 1024)
                     .isEmpty());
        QVERIFY(tusCreate(
            port(), m_world->cardId, m_world->editor.accessToken, 7 * 1024 * 1024, &status)
                    .isEmpty());
        QCOMPARE(status, 413);
        QCOMPARE(filesUnder(staging()).size(), 1); // the first upload's (empty) file only
        // 4 MiB more pending makes 11 of 12 MiB: a 1.5 MiB multipart body no longer fits, and
        // its head alone is answered.
        QVERIFY(!tusCreate(port(), m_world->cardId, m_world->editor.accessToken, 4 * 1024 * 1024)
                     .isEmpty());
        RawClient refused;
        QVERIFY(refused.connectTo(port()));
        refused.send(
            requestHead("POST", QStringLiteral("/api/v1/cards/%1/attachments").arg(m_world->cardId),
                m_world->editor.accessToken, 1536 * 1024,
                {{"Content-Type", "multipart/form-data; boundary=b"}}));
        const RawResponse r = refused.readResponse();
        QCOMPARE(r.status, 413);
        QVERIFY(r.body.contains("quota"));
    }

    void expiredUploadsAreCleanedUp()
    {
        const QString upload = tusCreate(port(), m_world->cardId, m_world->editor.accessToken, 100);
        QVERIFY(!upload.isEmpty());
        QCOMPARE(
            tusPatch(port(), upload, m_world->editor.accessToken, 0, QByteArray(40, 'x')).status,
            204);
        QCOMPARE(filesUnder(staging()).size(), 1);
        m_clock->advance(m_server->config().uploadExpiryMs + 1000);
        QCOMPARE(tusOffset(port(), upload, m_world->editor.accessToken), -1); // expired: gone
        // The worker's clean-up (run here on its own connection, as the job does).
        Database db(m_server->config(), QStringLiteral("cleanup"));
        QCOMPARE(UploadService::removeExpired(db, m_clock->now(), staging()), 1);
        QVERIFY(filesUnder(staging()).isEmpty());
        QCOMPARE(UploadService::removeExpired(db, m_clock->now(), staging()), 0); // idempotent
    }

    void signedUrlsNeedAValidUnexpiredSignature()
    {
        const QByteArray content = randomBytes(100000, 11);
        const RawResponse up = uploadMultipart(
            port(), m_world->cardId, m_world->editor.accessToken, content, "r.bin");
        const QString id = QJsonDocument::fromJson(up.body)
                               .object()
                               .value(QLatin1String("data"))
                               .toObject()
                               .value(QLatin1String("id"))
                               .toString();
        const QString url = signedUrl(id);
        QVERIFY(url.contains(QStringLiteral("sig=")));

        const auto ok = test::http("GET", m_server->url(url));
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, content);
        QCOMPARE(ok.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(ok.header("Content-Disposition").startsWith("attachment; filename=\"r.bin\""));
        QCOMPARE(ok.header("ETag"), '"' + sha256Hex(content).toLatin1() + '"');

        // Range: the middle, the tail, and one outside the file.
        const auto middle
            = test::http("GET", m_server->url(url), {}, {{"Range", "bytes=1000-1999"}});
        QCOMPARE(middle.status, 206);
        QCOMPARE(middle.body, content.mid(1000, 1000));
        QCOMPARE(middle.header("Content-Range"), QByteArray("bytes 1000-1999/100000"));
        const auto tail = test::http("GET", m_server->url(url), {}, {{"Range", "bytes=-10"}});
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body, content.right(10));
        QCOMPARE(
            test::http("GET", m_server->url(url), {}, {{"Range", "bytes=200000-"}}).status, 416);
        QCOMPARE(test::http("GET", m_server->url(url), {}, {{"If-None-Match", ok.header("ETag")}})
                     .status,
            304);

        // Without a signature, altered, for another attachment's path, expired: all 403.
        const QString bare = url.left(url.indexOf(QLatin1Char('?')));
        QCOMPARE(test::http("GET", m_server->url(bare)).status, 403);
        QString altered = url;
        altered[altered.size() - 2] = altered.at(altered.size() - 2) == QLatin1Char('A')
            ? QLatin1Char('B')
            : QLatin1Char('A');
        QCOMPARE(test::http("GET", m_server->url(altered)).status, 403);
        QString longer = url;
        longer.replace(QStringLiteral("expires="), QStringLiteral("expires=9"));
        QCOMPARE(test::http("GET", m_server->url(longer)).status, 403);
        m_clock->advance(301 * 1000);
        QCOMPARE(test::http("GET", m_server->url(url)).status, 403);
    }

    void signedUploadUrlTakesBytesWithoutAToken()
    {
        const QByteArray content = randomBytes(700 * 1024 + 5, 13);
        const QString upload
            = tusCreate(port(), m_world->cardId, m_world->editor.accessToken, content.size());
        QVERIFY(!upload.isEmpty());
        const QString uploadId = upload.section(QLatin1Char('/'), -1);
        const QString signPath = QStringLiteral("/api/v1/uploads/%1/url").arg(uploadId);
        // Only the upload's creator gets a URL for it.
        QCOMPARE(httpAuth("POST", m_server->url(signPath), m_world->owner.accessToken).status, 404);
        const auto signedResponse
            = httpAuth("POST", m_server->url(signPath), m_world->editor.accessToken);
        QCOMPARE(signedResponse.status, 200);
        const QString url = signedResponse.data().value(QLatin1String("url")).toString();
        QVERIFY(url.startsWith(upload + QStringLiteral("?expires=")));
        QVERIFY(url.contains(QStringLiteral("&sig=")));
        QVERIFY(!signedResponse.data().value(QLatin1String("expires_at")).toString().isEmpty());

        // No token: half the bytes, the offset, the rest; the file is whole.
        const qint64 half = content.size() / 2;
        QCOMPARE(tusPatch(port(), url, QString(), 0, content.left(half)).status, 204);
        QCOMPARE(tusOffset(port(), url, QString()), half);
        const QByteArray checksum
            = QCryptographicHash::hash(content.mid(half), QCryptographicHash::Sha256);
        QCOMPARE(tusPatch(port(), url, QString(), half, content.mid(half), checksum).status, 204);
        QCOMPARE(tusOffset(port(), url, QString()), content.size());

        // Altered, for another upload's path, or without its signature: refused, nothing stored.
        const QString other = tusCreate(port(), m_world->cardId, m_world->editor.accessToken, 10);
        const QString otherUrl = other + url.mid(url.indexOf(QLatin1Char('?')));
        QCOMPARE(tusPatch(port(), otherUrl, QString(), 0, QByteArray(10, 'x')).status, 403);
        QCOMPARE(tusOffset(port(), other, m_world->editor.accessToken), 0);
        QString altered = url;
        altered[altered.size() - 2] = altered.at(altered.size() - 2) == QLatin1Char('A')
            ? QLatin1Char('B')
            : QLatin1Char('A');
        QCOMPARE(tusOffset(port(), altered, QString()), -1);
        QCOMPARE(tusPatch(port(), other, QString(), 0, QByteArray(10, 'x')).status, 401);
        // A signed URL is no key to the rest: terminating still needs the token.
        RawClient terminate;
        QVERIFY(terminate.connectTo(port()));
        terminate.send(requestHead("DELETE", url, QString(), -1, {{"Tus-Resumable", "1.0.0"}}));
        QCOMPARE(terminate.readResponse().status, 401);

        // The finished upload is attached with the user's token, bytes intact.
        const auto attached = httpJson("POST",
            m_server->url(QStringLiteral("/api/v1/cards/%1/attachments").arg(m_world->cardId)),
            {{QStringLiteral("upload_id"), uploadId},
                {QStringLiteral("filename"), QStringLiteral("handed-over.bin")}},
            m_world->editor.accessToken);
        QCOMPARE(attached.status, 201);
        QCOMPARE(attached.data().value(QLatin1String("sha256")).toString(), sha256Hex(content));

        // An expired URL is refused even for a live upload.
        const QString later = tusCreate(port(), m_world->cardId, m_world->editor.accessToken, 10);
        const QString laterUrl = httpAuth("POST",
            m_server->url(
                QStringLiteral("/api/v1/uploads/%1/url").arg(later.section(QLatin1Char('/'), -1))),
            m_world->editor.accessToken)
                                     .data()
                                     .value(QLatin1String("url"))
                                     .toString();
        m_clock->advance(301 * 1000);
        QCOMPARE(tusPatch(port(), laterUrl, QString(), 0, QByteArray(10, 'x')).status, 403);
        QCOMPARE(tusOffset(port(), later, m_world->editor.accessToken), 0);
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "test_attachments.moc"
