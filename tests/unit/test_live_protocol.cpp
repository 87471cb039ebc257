// The live-update message parser (shared/live_protocol.h): every client message shape, and
// numbers range-checked before they become integers.
#include "shared/live_protocol.h"

#include <QTest>

using namespace corkboard;
using Type = live::ClientMessage::Type;

class TestLiveProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("errorCode");
        const int invalid = int(Type::Invalid);
        QTest::newRow("auth") << R"({"type":"auth","token":"t"})" << int(Type::Auth)
                              << QByteArray();
        QTest::newRow("subscribe")
            << R"({"type":"subscribe","board_id":"b"})" << int(Type::Subscribe) << QByteArray();
        QTest::newRow("subscribe since") << R"({"type":"subscribe","board_id":"b","since":42})"
                                         << int(Type::Subscribe) << QByteArray();
        QTest::newRow("subscribe since null")
            << R"({"type":"subscribe","board_id":"b","since":null})" << int(Type::Subscribe)
            << QByteArray();
        QTest::newRow("since 1e300") << R"({"type":"subscribe","board_id":"b","since":1e300})"
                                     << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("since -1e300") << R"({"type":"subscribe","board_id":"b","since":-1e300})"
                                      << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("since -1") << R"({"type":"subscribe","board_id":"b","since":-1})" << invalid
                                  << QByteArray("VALIDATION_FAILED");
        QTest::newRow("since 1.5") << R"({"type":"subscribe","board_id":"b","since":1.5})"
                                   << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("since string") << R"({"type":"subscribe","board_id":"b","since":"1"})"
                                      << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("board id missing")
            << R"({"type":"subscribe"})" << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("board id a number") << R"({"type":"unsubscribe","board_id":1e300})"
                                           << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("unsubscribe")
            << R"({"type":"unsubscribe","board_id":"b"})" << int(Type::Unsubscribe) << QByteArray();
        QTest::newRow("ping") << R"({"type":"ping","id":7})" << int(Type::Ping) << QByteArray();
        QTest::newRow("ping 2^53")
            << R"({"type":"ping","id":9007199254740992})" << int(Type::Ping) << QByteArray();
        QTest::newRow("ping string")
            << R"({"type":"ping","id":"x"})" << int(Type::Ping) << QByteArray();
        QTest::newRow("ping no id") << R"({"type":"ping"})" << int(Type::Ping) << QByteArray();
        QTest::newRow("ping 1e300")
            << R"({"type":"ping","id":1e300})" << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("ping -1e300")
            << R"({"type":"ping","id":-1e300})" << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("ping 1e16")
            << R"({"type":"ping","id":1e16})" << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("ping 0.5") << R"({"type":"ping","id":0.5})" << invalid
                                  << QByteArray("VALIDATION_FAILED");
        QTest::newRow("ping 1e400 is not JSON")
            << R"({"type":"ping","id":1e400})" << invalid << QByteArray("MALFORMED_REQUEST");
        QTest::newRow("not JSON") << "{" << invalid << QByteArray("MALFORMED_REQUEST");
        QTest::newRow("array") << "[1]" << invalid << QByteArray("MALFORMED_REQUEST");
        QTest::newRow("no type") << "{}" << invalid << QByteArray("VALIDATION_FAILED");
        QTest::newRow("unknown type")
            << R"({"type":"dance"})" << invalid << QByteArray("MALFORMED_REQUEST");
    }

    void messages()
    {
        QFETCH(QString, text);
        QFETCH(int, type);
        QFETCH(QByteArray, errorCode);
        const live::ClientMessage m = live::parseClientMessage(text);
        QCOMPARE(int(m.type), type);
        QCOMPARE(QByteArray(m.errorCode), errorCode);
    }

    void valuesAreCarried()
    {
        auto m = live::parseClientMessage(
            QStringLiteral(R"({"type":"subscribe","board_id":"b1","since":9000000000000000})"));
        QCOMPARE(m.boardId, QStringLiteral("b1"));
        QCOMPARE(m.since, std::optional<qint64>(live::kMaxSince));
        m = live::parseClientMessage(QStringLiteral(R"({"type":"ping","id":-12})"));
        QCOMPARE(m.pingId.toInteger(), qint64(-12));
        m = live::parseClientMessage(
            QStringLiteral(R"({"type":"ping","id":"%1"})").arg(QString(100, QLatin1Char('x'))));
        QCOMPARE(m.pingId.toString().size(), 64);
        m = live::parseClientMessage(
            QStringLiteral(R"({"type":"subscribe","board_id":"b2","since":1e300})"));
        QCOMPARE(m.boardId, QStringLiteral("b2")); // the error frame names the board
    }
};

QTEST_GUILESS_MAIN(TestLiveProtocol)
#include "test_live_protocol.moc"
