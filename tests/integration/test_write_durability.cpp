// A write the server acknowledged survives the server being killed: the real `corkboard --serve`
// takes concurrent card creations, is SIGKILLed while more are in flight, and a second server on
// the same data directory lists every card that was answered 201 (the write path's statement
// cache, single writer and synchronous=NORMAL under WAL must never trade that away).
#include "tests/support/server_process.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <csignal>

using namespace corkboard::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QStringList serverArguments()
{
    return {u"--threads"_s, u"2"_s, u"--open-registration"_s, u"true"_s, u"--password-ops-limit"_s,
        u"1"_s, u"--password-mem-limit"_s, u"8192"_s};
}

QProcessEnvironment serverEnvironment()
{
    QProcessEnvironment env;
    env.insert(u"CORKBOARD_RATE_LIMIT_RPS"_s, u"100000"_s);
    env.insert(u"CORKBOARD_RATE_LIMIT_BURST"_s, u"100000"_s);
    env.insert(u"CORKBOARD_LOG_LEVEL"_s, u"warning"_s);
    return env;
}

QString url(quint16 port, const QString &path)
{
    return u"http://127.0.0.1:%1%2"_s.arg(port).arg(path);
}

} // namespace

class TestWriteDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedCardsSurviveSigkill()
    {
        ServerProcess server(serverArguments(), serverEnvironment());
        QVERIFY2(server.start(), qPrintable(server.error()));
        const quint16 port = server.port();
        const auto reg = httpJson("POST", url(port, u"/api/v1/auth/register"_s),
            {{u"email"_s, u"ann@example.com"_s}, {u"password"_s, u"correct horse battery"_s},
                {u"display_name"_s, u"Ann"_s}});
        QCOMPARE(reg.status, 201);
        const QString token
            = reg.data().value(u"tokens"_s).toObject().value(u"access_token"_s).toString();
        const auto board
            = httpJson("POST", url(port, u"/api/v1/boards"_s), {{u"name"_s, u"Durable"_s}}, token);
        QCOMPARE(board.status, 201);
        const QString boardId = board.data().value(u"board"_s).toObject().value(u"id"_s).toString();
        const QString columnId
            = board.data().value(u"columns"_s).toArray().at(0).toObject().value(u"id"_s).toString();
        QVERIFY(!boardId.isEmpty() && !columnId.isEmpty());

        // Eight creations always in flight; the kill comes right after the 150th 201, so others
        // are on the wire, in the server's queue or mid-transaction at that moment.
        constexpr int kInFlight = 8;
        constexpr int kKillAfter = 150;
        QNetworkAccessManager nam;
        QSet<QString> acknowledged;
        int sent = 0;
        bool killed = false;
        std::function<void()> post = [&] {
            QNetworkRequest request(QUrl(url(port, u"/api/v1/boards/%1/cards"_s.arg(boardId))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            const QByteArray body = QJsonDocument(
                QJsonObject {{u"column_id"_s, columnId}, {u"title"_s, u"card %1"_s.arg(++sent)}})
                                        .toJson(QJsonDocument::Compact);
            QNetworkReply *reply = nam.post(request, body);
            connect(reply, &QNetworkReply::finished, this, [&, reply] {
                reply->deleteLater();
                if (killed)
                    return;
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201) {
                    const auto doc = QJsonDocument::fromJson(reply->readAll()).object();
                    acknowledged.insert(doc.value(u"data"_s).toObject().value(u"id"_s).toString());
                }
                if (acknowledged.size() >= kKillAfter) {
                    killed = true;
                    ::kill(pid_t(server.pid()), SIGKILL);
                    return;
                }
                post();
            });
        };
        for (int i = 0; i < kInFlight; ++i)
            post();
        QTRY_VERIFY_WITH_TIMEOUT(killed, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(server.process().state(), QProcess::NotRunning, 10000);
        QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);
        QCOMPARE(acknowledged.size(), kKillAfter);

        ServerProcess again(serverArguments() + QStringList {u"--data-dir"_s, server.dataDir()},
            serverEnvironment());
        QVERIFY2(again.start(), qPrintable(again.error()));
        const auto login = httpJson("POST", url(again.port(), u"/api/v1/auth/login"_s),
            {{u"email"_s, u"ann@example.com"_s}, {u"password"_s, u"correct horse battery"_s}});
        QCOMPARE(login.status, 200);
        const QString token2
            = login.data().value(u"tokens"_s).toObject().value(u"access_token"_s).toString();
        const auto snapshot
            = httpAuth("GET", url(again.port(), u"/api/v1/boards/%1"_s.arg(boardId)), token2);
        QCOMPARE(snapshot.status, 200);
        QSet<QString> stored;
        const QJsonArray cards = snapshot.data().value(u"cards"_s).toArray();
        for (const auto &card : cards)
            stored.insert(card.toObject().value(u"id"_s).toString());
        const QSet<QString> lost = acknowledged - stored;
        QVERIFY2(lost.isEmpty(),
            qPrintable(u"%1 acknowledged cards lost, e.g. %2"_s.arg(lost.size())
                           .arg(lost.isEmpty() ? QString() : *lost.cbegin())));
        // Nothing half-written either: every stored card is one the clients sent.
        QVERIFY(stored.size() >= acknowledged.size());
        QVERIFY(stored.size() <= sent);
    }
};

QTEST_MAIN(TestWriteDurability)
#include "test_write_durability.moc"
