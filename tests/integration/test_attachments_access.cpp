// Attachments beyond one upload: who may do what on every route, the live stream, a restart,
// thumbnails made by the real worker process (and a decompression bomb it refuses without
// dying) reaching open live streams, and the unmodified tus-js-client under Node.
#include "tests/support/attachment_world.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace corkboard;
using namespace corkboard::test;

namespace {
QByteArray pngOf(const QImage &image)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 c = 0xffffffffu;
    for (const char ch : bytes) {
        c ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xffffffffu;
}

QByteArray chunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(data.size()), out.data());
    QByteArray crc(4, Qt::Uninitialized);
    qToBigEndian<quint32>(crc32(type + data), crc.data());
    return out + type + data + crc;
}

// A valid PNG header declaring 60000×60000 RGB pixels (10.8 GB decoded) with a tiny body.
QByteArray decompressionBomb()
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(60000, ihdr.data());
    qToBigEndian<quint32>(60000, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr)
        + chunk("IDAT", qCompress(QByteArray(60001 * 4, '\0')).mid(4)) + chunk("IEND", {});
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
} // namespace

class TestAttachmentsAccess : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir; // the data dir, kept across a restart
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AttachmentWorld> m_world;

    void startServer()
    {
        const QString dir = m_dir->path();
        m_server = std::make_unique<TestServer>([dir](Config &c) {
            c.dataDir = dir;
            c.databaseUrl = QStringLiteral("sqlite:") + dir + QStringLiteral("/corkboard.db");
            c.jobPollMs = 50;
        });
    }

    QString upload(const RegisteredUser &who, const QByteArray &content, const QByteArray &name,
        int expected = 201)
    {
        const RawResponse r
            = uploadMultipart(m_server->port(), m_world->cardId, who.accessToken, content, name);
        if (r.status != expected)
            qWarning("upload: %d %s", r.status, r.body.constData());
        return str(
            QJsonDocument::fromJson(r.body).object().value(QLatin1String("data")).toObject(), "id");
    }

    int status(const QByteArray &method, const QString &path, const RegisteredUser &who)
    {
        return httpAuth(method, m_server->url(path), who.accessToken).status;
    }

    //! The real worker process on the server's data dir (as the supervisor starts it); stopped
    //! when the pointer goes.
    std::unique_ptr<QProcess, void (*)(QProcess *)> startWorker()
    {
        auto *worker = new QProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CORKBOARD_DATA_DIR"), m_dir->path());
        env.insert(QStringLiteral("CORKBOARD_JOB_POLL_MS"), QStringLiteral("50"));
        env.insert(QStringLiteral("CORKBOARD_WORKER_PARENT_PID"),
            QString::number(QCoreApplication::applicationPid()));
        worker->setProcessEnvironment(env);
        worker->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        worker->start(qEnvironmentVariable("CORKBOARD_BINARY"), {QStringLiteral("--worker")});
        return {worker, [](QProcess *w) {
                    w->terminate();
                    if (!w->waitForFinished(5000))
                        w->kill();
                    w->waitForFinished(2000);
                    delete w;
                }};
    }

    QJsonObject attachment(const QString &id)
    {
        return httpAuth("GET", m_server->url(QStringLiteral("/api/v1/attachments/") + id),
            m_world->owner.accessToken)
            .data();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        startServer();
        m_world = std::make_unique<AttachmentWorld>(*m_server);
    }

    void cleanup()
    {
        m_world.reset();
        m_server.reset();
    }

    void everyRouteChecksTheBoardRole()
    {
        const AttachmentWorld &w = *m_world;
        const QString cardFiles = QStringLiteral("/api/v1/cards/%1/attachments").arg(w.cardId);
        // Adding: editors and owners; viewers 403; outsiders do not see the card (404).
        const QString byOwner = upload(w.owner, "owner's", "o.txt");
        const QString byEditor = upload(w.editor, "editor's", "e.txt");
        upload(w.viewer, "viewer's", "v.txt", 403);
        upload(w.outsider, "outsider's", "x.txt", 404);
        int tus = 0;
        QVERIFY(!tusCreate(m_server->port(), w.cardId, w.editor.accessToken, 10).isEmpty());
        QVERIFY(tusCreate(m_server->port(), w.cardId, w.viewer.accessToken, 10, &tus).isEmpty());
        QCOMPARE(tus, 403);
        QVERIFY(tusCreate(m_server->port(), w.cardId, w.outsider.accessToken, 10, &tus).isEmpty());
        QCOMPARE(tus, 404);
        QCOMPARE(httpJson("POST", m_server->url(cardFiles),
                     {{QStringLiteral("upload_id"), QStringLiteral("x")}})
                     .status,
            401);

        // Reading and signing: every member; outsiders 404; nobody without a token.
        for (const RegisteredUser *who : {&w.owner, &w.editor, &w.viewer}) {
            QCOMPARE(status("GET", cardFiles, *who), 200);
            QCOMPARE(status("GET", QStringLiteral("/api/v1/attachments/") + byOwner, *who), 200);
            QCOMPARE(
                status("POST", QStringLiteral("/api/v1/attachments/%1/url").arg(byOwner), *who),
                200);
        }
        QCOMPARE(status("GET", cardFiles, w.outsider), 404);
        QCOMPARE(status("GET", QStringLiteral("/api/v1/attachments/") + byOwner, w.outsider), 404);
        QCOMPARE(
            status("POST", QStringLiteral("/api/v1/attachments/%1/url").arg(byOwner), w.outsider),
            404);
        QCOMPARE(http("GET", m_server->url(cardFiles)).status, 401);

        // Deleting: the uploader (editor) or an owner; not a viewer or another editor's file.
        const QString path = QStringLiteral("/api/v1/attachments/");
        QCOMPARE(status("DELETE", path + byOwner, w.viewer), 403);
        QCOMPARE(status("DELETE", path + byOwner, w.editor), 403);
        QCOMPARE(status("DELETE", path + byOwner, w.outsider), 404);
        QCOMPARE(status("DELETE", path + byEditor, w.editor), 204);
        QCOMPARE(status("DELETE", path + byOwner, w.owner), 204);
        QCOMPARE(status("GET", cardFiles, w.owner), 200);

        // An upload is its creator's alone.
        const QString upload = tusCreate(m_server->port(), w.cardId, w.editor.accessToken, 10);
        QCOMPARE(tusOffset(m_server->port(), upload, w.owner.accessToken), -1);
        QCOMPARE(tusOffset(m_server->port(), upload, w.editor.accessToken), 0);
    }

    void attachmentsReachTheLiveStreamAndSurviveARestart()
    {
        const QByteArray content = randomBytes(50000, 9);
        const QString id = upload(m_world->editor, content, "kept.bin");
        QVERIFY(!id.isEmpty());
        const QString gone = upload(m_world->editor, "short-lived", "gone.txt");
        QCOMPARE(
            status("DELETE", QStringLiteral("/api/v1/attachments/") + gone, m_world->editor), 204);

        // Replayed from the outbox to a subscriber that saw nothing yet (SSE, Last-Event-ID 0).
        const QByteArray stream = rawExchange(m_server->port(),
            "GET /api/v1/events?board_id=" + m_world->boardId.toLatin1()
                + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + m_world->viewer.accessToken.toLatin1() + "\r\nLast-Event-ID: 0\r\n\r\n",
            1500);
        QVERIFY2(stream.contains("event: attachment.added"), stream.constData());
        QVERIFY(stream.contains(id.toLatin1()));
        QVERIFY(stream.contains("event: attachment.removed"));

        // Restart on the same data dir: the row, the bytes and a fresh signed URL all work.
        const RegisteredUser viewer = m_world->viewer;
        const QString cardId = m_world->cardId;
        m_world.reset();
        m_server.reset();
        startServer();
        const RegisteredUser again = loginUser(*m_server, QStringLiteral("viewer@example.com"));
        const auto detail = httpAuth(
            "GET", m_server->url(QStringLiteral("/api/v1/cards/") + cardId), again.accessToken);
        QCOMPARE(detail.data().value(QLatin1String("attachments")).toArray().size(), 1);
        const auto url = httpAuth("POST",
            m_server->url(QStringLiteral("/api/v1/attachments/%1/url").arg(id)), again.accessToken);
        const auto bytes = http("GET", m_server->url(str(url.data(), "url")));
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, content);
        Q_UNUSED(viewer);
    }

    void theWorkerMakesThumbnailsAndRefusesBombs()
    {
        auto worker = startWorker();
        QVERIFY(worker->waitForStarted());
        QImage image(800, 400, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        const QString photo = upload(m_world->editor, pngOf(image), "photo.png");
        QCOMPARE(str(attachment(photo), "content_type"), QStringLiteral("image/png"));
        const QString bomb = upload(m_world->editor, decompressionBomb(), "bomb.png");
        QCOMPARE(str(attachment(bomb), "content_type"), QStringLiteral("image/png"));
        QTRY_COMPARE_WITH_TIMEOUT(
            str(attachment(bomb), "thumbnail"), QStringLiteral("refused"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            str(attachment(photo), "thumbnail"), QStringLiteral("ready"), 20000);

        // The worker is still alive after the bomb: the next image gets its thumbnail too.
        image.fill(Qt::red);
        const QString after = upload(m_world->editor, pngOf(image), "after.png");
        QTRY_COMPARE_WITH_TIMEOUT(
            str(attachment(after), "thumbnail"), QStringLiteral("ready"), 20000);
        QCOMPARE(worker->state(), QProcess::Running);

        // The thumbnail is a small PNG behind a signed URL, and the card shows it as its cover.
        const auto url = httpAuth("POST",
            m_server->url(QStringLiteral("/api/v1/attachments/%1/url").arg(photo)),
            m_world->viewer.accessToken);
        const auto thumb = http("GET", m_server->url(str(url.data(), "thumbnail_url")));
        QCOMPARE(thumb.status, 200);
        QCOMPARE(thumb.header("Content-Type"), QByteArray("image/png"));
        const QImage small = QImage::fromData(thumb.body, "PNG");
        QCOMPARE(small.size(), QSize(256, 128));
        const auto card
            = httpAuth("GET", m_server->url(QStringLiteral("/api/v1/cards/") + m_world->cardId),
                m_world->viewer.accessToken);
        QCOMPARE(str(card.data(), "cover_attachment_id"), after);
    }

    void aThumbnailMadeByTheWorkerReachesOpenLiveStreams()
    {
        // A viewer's event stream, open before anything happens (live, not a replay).
        QTcpSocket stream;
        stream.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(stream.waitForConnected(5000));
        stream.write("GET /api/v1/events?board_id=" + m_world->boardId.toLatin1()
            + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + m_world->viewer.accessToken.toLatin1() + "\r\n\r\n");
        QByteArray seen;
        const auto readUntil = [&](const QByteArray &needle) {
            for (int i = 0; i < 200 && !seen.contains(needle); ++i) {
                if (stream.waitForReadyRead(100))
                    seen += stream.readAll();
            }
            return seen.contains(needle);
        };
        QVERIFY(readUntil("200 OK"));

        auto worker = startWorker();
        QVERIFY(worker->waitForStarted());
        QImage image(300, 300, QImage::Format_RGB32);
        image.fill(Qt::blue);
        const QString photo = upload(m_world->editor, pngOf(image), "live.png");
        QVERIFY(readUntil("event: attachment.added"));
        // The worker writes the event; the server's outbox pump sends it to the open stream.
        QVERIFY2(readUntil("event: attachment.updated"), seen.constData());
        const QByteArray updated = seen.mid(seen.indexOf("event: attachment.updated"));
        QVERIFY(updated.contains(photo.toLatin1()));
        QVERIFY(updated.contains("\"thumbnail\":\"ready\""));
        QVERIFY(updated.contains(QByteArray("\"card_id\":\"" + m_world->cardId.toLatin1() + '"')));
        // And the card's cover is that image.
        const auto card
            = httpAuth("GET", m_server->url(QStringLiteral("/api/v1/cards/") + m_world->cardId),
                m_world->viewer.accessToken);
        QCOMPARE(str(card.data(), "cover_attachment_id"), photo);
    }

    void tusJsClientUploadsUnmodified()
    {
        const QString nodeDir = QStringLiteral(CORKBOARD_NODE_DIR);
        QVERIFY2(QFile::exists(nodeDir + QStringLiteral("/node_modules/tus-js-client")),
            "tus-js-client is installed by the test_attachments_node_setup fixture (npm ci)");
        const QByteArray content = randomBytes(3 * 1024 * 1024 + 17, 21);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("payload.bin"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
        out.close();
        // Twice: in 1 MiB PATCHes after an empty POST, and with the first chunk in the POST.
        for (const QString &withCreation : {QStringLiteral("0"), QStringLiteral("1")}) {
            QProcess node;
            node.setWorkingDirectory(nodeDir);
            node.start(QStringLiteral("node"),
                {nodeDir + QStringLiteral("/tus_upload.js"),
                    m_server->url(QStringLiteral("/api/v1/uploads")), m_world->editor.accessToken,
                    m_world->cardId, file, QString::number(1024 * 1024), withCreation});
            QVERIFY(node.waitForFinished(30000));
            QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
            const QString uploadUrl = QString::fromUtf8(node.readAllStandardOutput()).trimmed();
            const QString uploadId = uploadUrl.section(QLatin1Char('/'), -1);
            QVERIFY(!uploadId.isEmpty());
            const auto attached = httpJson("POST",
                m_server->url(QStringLiteral("/api/v1/cards/%1/attachments").arg(m_world->cardId)),
                {{QStringLiteral("upload_id"), uploadId}}, m_world->editor.accessToken);
            QCOMPARE(attached.status, 201);
            QCOMPARE(str(attached.data(), "filename"), QStringLiteral("from-node.bin"));
            QCOMPARE(str(attached.data(), "sha256"),
                QString::fromLatin1(
                    QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex()));
        }
    }
};

QTEST_GUILESS_MAIN(TestAttachmentsAccess)
#include "test_attachments_access.moc"
