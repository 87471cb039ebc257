// The typed attachment calls against the real server on loopback: a small file goes as one
// streamed multipart POST, a large one as a tus upload in chunks; a connection cut mid-upload
// (a proxy that drops it after N bytes) and an app restart both continue from the server's
// offset and store the right SHA-256; downloads stream to a file through a signed URL; cancel
// terminates the upload; delete removes it.
#include "shared/client/attachments_api.h"
#include "shared/client/auth_api.h"
#include "shared/client/boards_api.h"
#include "shared/client/cards_api.h"
#include "shared/client/error_presenter.h"
#include "tests/support/client_test_util.h"
#include "tests/support/test_server.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;
using namespace Qt::Literals::StringLiterals;

namespace {

//! Forwards loopback connections to the server; can cut every connection once `cutAfter` bytes
//! went up (client → server) in total, as a network that goes away mid-upload does.
class CuttingProxy : public QObject
{
public:
    CuttingProxy(quint16 target)
        : m_target(target)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection()) {
                auto *out = new QTcpSocket(in);
                out->connectToHost(QHostAddress::LocalHost, m_target);
                connect(in, &QTcpSocket::readyRead, out, [this, in, out] { up(in, out); });
                connect(out, &QTcpSocket::connected, out, [this, in, out] { up(in, out); });
                connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
                connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
                connect(in, &QTcpSocket::disconnected, in, [in] { in->deleteLater(); });
                m_open.append(in);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void cutAfter(qint64 bytes) { m_cutAt = m_upBytes + bytes; }
    qint64 upBytes() const { return m_upBytes; }
    int cuts() const { return m_cuts; }

private:
    void up(QTcpSocket *in, QTcpSocket *out)
    {
        if (out->state() != QAbstractSocket::ConnectedState)
            return;
        QByteArray data = in->readAll();
        if (m_cutAt >= 0 && m_upBytes + data.size() >= m_cutAt) {
            data.truncate(m_cutAt - m_upBytes);
            out->write(data);
            out->flush();
            m_upBytes += data.size();
            m_cutAt = -1;
            ++m_cuts;
            // Every connection goes, as when a network disappears.
            for (const auto &s : std::as_const(m_open)) {
                if (s)
                    s->abort();
            }
            QTimer::singleShot(50, out, [out] { out->abort(); });
            return;
        }
        m_upBytes += data.size();
        out->write(data);
    }

    QTcpServer m_server;
    quint16 m_target;
    qint64 m_upBytes = 0;
    qint64 m_cutAt = -1;
    int m_cuts = 0;
    QList<QPointer<QTcpSocket>> m_open;
};

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray out(n, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32 *>(out.data()), n / 4);
    return out;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestApiClientAttachments : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<CuttingProxy> m_proxy;
    std::unique_ptr<ApiClient> m_client;
    std::shared_ptr<MemoryTokenStore> m_tokens;
    QTemporaryDir m_dir;
    QString m_cardId;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    UploadResumeStore store() const { return UploadResumeStore(m_dir.filePath(u"resume.ini"_s)); }

    AttachmentUpload::Options small() const
    {
        AttachmentUpload::Options o;
        o.multipartMax = 64 * 1024;
        o.chunkBytes = 1024 * 1024;
        o.backoff = [](int) { return 20; };
        return o;
    }

    std::unique_ptr<ApiClient> client(quint16 port)
    {
        return std::make_unique<ApiClient>(
            QUrl(u"http://127.0.0.1:%1"_s.arg(port)), m_tokens, fastOptions());
    }

    //! Waits for the upload's end; the attachment (or an empty one).
    Attachment finish(AttachmentUpload *upload)
    {
        QSignalSpy done(upload, &AttachmentUpload::finished);
        QSignalSpy failed(upload, &AttachmentUpload::failed);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done.size() + failed.size() > 0, 30000); }();
        if (!failed.isEmpty())
            qWarning() << "upload failed:" << failed.first().first().value<ApiError>().logText();
        return done.isEmpty() ? Attachment {} : done.first().first().value<Attachment>();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(u"resume.ini"_s));
        m_server = std::make_unique<TestServer>();
        m_proxy = std::make_unique<CuttingProxy>(m_server->port());
        m_tokens = std::make_shared<MemoryTokenStore>();
        m_client = client(m_proxy->port());
        const auto user = waitFor(AuthApi(*m_client).registerAccount(
            u"ada@example.com"_s, u"correct horse battery"_s, u"Ada"_s));
        QVERIFY2(user.isOk(), qPrintable(why(user)));
        const auto board = waitFor(BoardsApi(*m_client).createBoard(u"Files"_s));
        QVERIFY2(board.isOk(), qPrintable(why(board)));
        const auto snapshot = waitFor(BoardsApi(*m_client).snapshot(board.value().board.id));
        QVERIFY2(snapshot.isOk(), qPrintable(why(snapshot)));
        NewCard card;
        card.columnId = snapshot.value().columns.at(0).id;
        card.title = u"With files"_s;
        const auto made = waitFor(CardsApi(*m_client).createCard(board.value().board.id, card));
        QVERIFY2(made.isOk(), qPrintable(why(made)));
        m_cardId = made.value().id;
    }

    void cleanup()
    {
        m_client.reset();
        m_proxy.reset();
        m_server.reset();
    }

    void smallFileGoesAsOneMultipartAndComesWithTheCard()
    {
        const QByteArray bytes = randomBytes(40 * 1024, 1);
        const QString path = writeFile(u"notes.txt"_s, bytes);
        AttachmentsApi api(*m_client, store(), small());
        AttachmentUpload *upload = api.upload(m_cardId, path, u"Notizen ü.txt"_s, this);
        QVERIFY(!upload->isResumable());
        QSignalSpy progress(upload, &AttachmentUpload::progress);
        upload->start();
        const Attachment a = finish(upload);
        QCOMPARE(a.filename, u"Notizen ü.txt"_s);
        QCOMPARE(a.size, bytes.size());
        QCOMPARE(a.sha256, sha256Hex(bytes));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), bytes.size());

        const auto detail = waitFor(CardsApi(*m_client).card(m_cardId));
        QVERIFY2(detail.isOk(), qPrintable(why(detail)));
        QCOMPARE(detail.value().attachments.size(), 1);
        QCOMPARE(detail.value().attachments.first().id, a.id);
        const auto listed = waitFor(api.list(m_cardId));
        QCOMPARE(listed.value().size(), 1);
        delete upload;
    }

    void largeFileGoesResumableInChunksAndIsForgottenWhenAttached()
    {
        const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 77, 2);
        const QString path = writeFile(u"big.bin"_s, bytes);
        AttachmentsApi api(*m_client, store(), small());
        AttachmentUpload *upload = api.upload(m_cardId, path, {}, this);
        QVERIFY(upload->isResumable());
        QSignalSpy progress(upload, &AttachmentUpload::progress);
        upload->start();
        const Attachment a = finish(upload);
        QCOMPARE(a.filename, u"big.bin"_s);
        QCOMPARE(a.sha256, sha256Hex(bytes));
        QVERIFY(progress.size() >= 4); // one step per chunk at least
        QCOMPARE(progress.last().at(0).toLongLong(), bytes.size());
        QVERIFY(api.unfinished().isEmpty());
        delete upload;
    }

    void connectionCutMidUploadContinuesFromTheServersOffset()
    {
        const QByteArray bytes = randomBytes(6 * 1024 * 1024 + 5, 3);
        const QString path = writeFile(u"cut.bin"_s, bytes);
        auto options = small();
        options.chunkBytes = 8 * 1024 * 1024; // one PATCH for everything: the cut is inside it
        AttachmentsApi api(*m_client, store(), options);
        AttachmentUpload *upload = api.upload(m_cardId, path, {}, this);
        QSignalSpy retrying(upload, &AttachmentUpload::retrying);
        qsizetype rememberedWhileCut = -1;
        connect(upload, &AttachmentUpload::retrying, this, [&] {
            if (rememberedWhileCut < 0)
                rememberedWhileCut = api.unfinished().size();
        });
        // The first progress after the cut is where the server's offset (HEAD) put it.
        qint64 resumedAt = -1;
        connect(upload, &AttachmentUpload::progress, this, [&](qint64 sent) {
            if (rememberedWhileCut >= 0 && resumedAt < 0)
                resumedAt = sent;
        });
        const qint64 before = m_proxy->upBytes();
        m_proxy->cutAfter(2 * 1024 * 1024);
        upload->start();
        // While it was cut off, the upload was remembered for a later run.
        const Attachment a = finish(upload);
        QVERIFY(!retrying.isEmpty());
        QCOMPARE(m_proxy->cuts(), 1);
        QCOMPARE(rememberedWhileCut, 1);
        QCOMPARE(a.sha256, sha256Hex(bytes));
        QCOMPARE(a.size, bytes.size());
        // It went on from what the server had, not from the first byte again.
        QVERIFY2(resumedAt > 1024 * 1024, qPrintable(QString::number(resumedAt)));
        QVERIFY(resumedAt <= 2 * 1024 * 1024);
        const qint64 sent = m_proxy->upBytes() - before;
        QVERIFY2(sent < 2 * bytes.size(), qPrintable(QString::number(sent)));
        QVERIFY(api.unfinished().isEmpty());
        delete upload;
    }

    void unfinishedUploadContinuesAfterARestart()
    {
        const QByteArray bytes = randomBytes(5 * 1024 * 1024 + 9, 4);
        const QString path = writeFile(u"restart.bin"_s, bytes);
        {
            AttachmentsApi api(*m_client, store(), small());
            auto *upload = api.upload(m_cardId, path, u"after restart.bin"_s, this);
            upload->start();
            QTRY_VERIFY_WITH_TIMEOUT(upload->sent() >= 2 * 1024 * 1024, 20000);
            delete upload; // the app quits mid-upload
        }
        const QString account = m_client->accountId();
        m_client.reset();

        // A new run: a new client, the same settings.
        m_client = client(m_proxy->port());
        QVERIFY(waitFor(m_client->restoreSession(account)).isOk());
        AttachmentsApi api(*m_client, store(), small());
        const QList<UnfinishedUpload> left = api.unfinished();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().cardId, m_cardId);
        QCOMPARE(left.first().size, bytes.size());
        AttachmentUpload *upload = api.resume(left.first(), this);
        QSignalSpy progress(upload, &AttachmentUpload::progress);
        upload->start();
        const Attachment a = finish(upload);
        QCOMPARE(a.filename, u"after restart.bin"_s);
        QCOMPARE(a.sha256, sha256Hex(bytes));
        // The first thing it reported is the server's offset (at least a chunk), not zero.
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.first().at(0).toLongLong() >= 1024 * 1024);
        QVERIFY(api.unfinished().isEmpty());
        delete upload;
    }

    void cancelTerminatesAndForgetsTheUpload()
    {
        const QString path = writeFile(u"cancel.bin"_s, randomBytes(4 * 1024 * 1024, 5));
        AttachmentsApi api(*m_client, store(), small());
        AttachmentUpload *upload = api.upload(m_cardId, path, {}, this);
        QSignalSpy cancelled(upload, &AttachmentUpload::cancelled);
        upload->start();
        QTRY_VERIFY_WITH_TIMEOUT(upload->sent() > 0 && !upload->uploadId().isEmpty(), 20000);
        upload->cancel();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(api.unfinished().isEmpty());
        QTest::qWait(100);
        const auto detail = waitFor(CardsApi(*m_client).card(m_cardId));
        QVERIFY(detail.value().attachments.isEmpty());
        delete upload;
    }

    void downloadThroughASignedUrlThenDelete()
    {
        const QByteArray bytes = randomBytes(300 * 1024, 6);
        const QString path = writeFile(u"report.pdf"_s, bytes);
        AttachmentsApi api(*m_client, store(), small());
        AttachmentUpload *upload = api.upload(m_cardId, path, {}, this);
        upload->start();
        const Attachment a = finish(upload);
        QVERIFY(!a.id.isEmpty());

        const auto url = waitFor(api.signedUrl(a.id));
        QVERIFY2(url.isOk(), qPrintable(why(url)));
        QVERIFY(url.value().url.contains(u"sig="_s));
        QVERIFY(api.absolute(url.value().url).isValid());

        const QString target = m_dir.filePath(u"saved.pdf"_s);
        AttachmentDownload *download = api.download(a.id, target, this);
        QSignalSpy done(download, &AttachmentDownload::finished);
        QSignalSpy progress(download, &AttachmentDownload::progress);
        download->start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
        QVERIFY(!progress.isEmpty());
        QFile saved(target);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), bytes);

        QVERIFY(waitFor(api.remove(a.id)).isOk());
        QVERIFY(waitFor(api.list(m_cardId)).value().isEmpty());
        const auto gone = waitFor(api.signedUrl(a.id));
        QVERIFY(!gone.isOk());
        QCOMPARE(gone.error().status, 404);
        QVERIFY(!ErrorPresenter::message(gone.error()).isEmpty());
        delete upload;
        delete download;
    }
};

QTEST_GUILESS_MAIN(TestApiClientAttachments)
#include "test_api_client_attachments.moc"
