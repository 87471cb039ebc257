// The typed export/import and backup calls against the real server: the export document comes
// back byte for byte, an import answers a typed report, an invalid document a typed 422, and the
// admin's backup calls decode into BackupInfo (a member gets a typed 403).
#include "server/platform/migrator.h"
#include "shared/client/auth_api.h"
#include "shared/client/boards_api.h"
#include "shared/client/transfer_api.h"
#include "tests/support/client_test_util.h"
#include "tests/support/test_server.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace corkboard;
using namespace corkboard::client;
using namespace corkboard::test;
using namespace Qt::Literals::StringLiterals;

class TestApiClientTransfer : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    std::unique_ptr<ApiClient> signedIn(const QString &email)
    {
        auto client = std::make_unique<ApiClient>(
            QUrl(m_server->url(QString())), std::make_shared<MemoryTokenStore>(), fastOptions());
        const auto r = waitFor(
            AuthApi(*client).registerAccount(email, u"correct horse battery"_s, u"Someone"_s));
        if (!r.isOk())
            qWarning() << why(r);
        return client;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>([](Config &c) { c.openRegistration = true; });
    }
    void cleanup() { m_server.reset(); }

    void exportAndImportThroughTypedCalls()
    {
        auto client = signedIn(u"admin@example.com"_s);
        const auto board = waitFor(BoardsApi(*client).createBoard(u"Launch 🚀"_s));
        QVERIFY2(board.isOk(), qPrintable(why(board)));
        TransferApi transfer(*client);
        const auto exported = waitFor(transfer.exportBoard(board.value().board.id));
        QVERIFY2(exported.isOk(), qPrintable(why(exported)));
        const QJsonObject doc = QJsonDocument::fromJson(exported.value()).object();
        QCOMPARE(doc.value(u"format"_s).toString(), u"corkboard.board-export"_s);

        const auto report = waitFor(transfer.importBoard(exported.value()));
        QVERIFY2(report.isOk(), qPrintable(why(report)));
        QCOMPARE(report.value().source, u"corkboard"_s);
        QCOMPARE(report.value().boardName, u"Launch 🚀"_s);
        QCOMPARE(report.value().columns, 3);
        QVERIFY(!report.value().boardId.isEmpty());
        const auto boards = waitFor(BoardsApi(*client).boards());
        QCOMPARE(boards.value().items.size(), 2);

        const auto refused = waitFor(transfer.importBoard(R"({"format": "something else"})"));
        QVERIFY(!refused.isOk());
        QCOMPARE(refused.error().status, 422);
        QVERIFY(refused.error().is(ErrorCode::ValidationFailed));
        QVERIFY(!refused.error().fieldErrors.isEmpty());
    }

    void backupsThroughTypedCalls()
    {
        auto admin = signedIn(u"admin@example.com"_s);
        auto member = signedIn(u"member@example.com"_s);
        const auto forbidden = waitFor(TransferApi(*member).createBackup());
        QVERIFY(!forbidden.isOk());
        QVERIFY(forbidden.error().is(ErrorCode::Forbidden));

        const auto made = waitFor(TransferApi(*admin).createBackup());
        QVERIFY2(made.isOk(), qPrintable(why(made)));
        QCOMPARE(made.value().kind, u"manual"_s);
        QCOMPARE(made.value().schemaVersion, Migrator::builtinMigrations().last().version);
        QVERIFY(made.value().sizeBytes > 0);
        QVERIFY(made.value().createdAt.isValid());
        const auto list = waitFor(TransferApi(*admin).backups());
        QVERIFY2(list.isOk(), qPrintable(why(list)));
        QCOMPARE(list.value().size(), 1);
        QCOMPARE(list.value().first().name, made.value().name);
    }
};

QTEST_GUILESS_MAIN(TestApiClientTransfer)
#include "test_api_client_transfer.moc"
