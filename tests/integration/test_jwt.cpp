// Access-token verification with hand-built tokens: every rejection case the issue lists, plus
// expiry through a moved clock and key rotation with `kid`.
#include "server/features/auth/jwt_codec.h"
#include "server/features/auth/jwt_key_store.h"
#include "server/platform/clock.h"
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {
const QByteArray kSecret = QByteArray("0123456789abcdef0123456789abcdef");

QByteArray b64(const QByteArray &b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray claims(const QString &sub, qint64 iat, qint64 exp)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("sub"), sub},
            {QStringLiteral("role"), QStringLiteral("admin")}, {QStringLiteral("iat"), iat},
            {QStringLiteral("exp"), exp}, {QStringLiteral("jti"), QStringLiteral("j1")}})
        .toJson(QJsonDocument::Compact);
}

QByteArray header(const QString &alg, const QString &kid = QStringLiteral("configured"))
{
    QJsonObject h {{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!kid.isEmpty())
        h.insert(QStringLiteral("kid"), kid);
    return QJsonDocument(h).toJson(QJsonDocument::Compact);
}
} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rejections_data();
    void rejections();
    void expiryFollowsTheClock();
    void keyRotationKeepsOldTokensValid();

private:
    std::shared_ptr<ManualClock> m_clock;
    std::unique_ptr<TestServer> m_server;
    RegisteredUser m_user;
};

void TestJwt::initTestCase()
{
    m_clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
    m_server = std::make_unique<TestServer>([](Config &c) { c.jwtSecret = kSecret; }, m_clock);
    m_user = registerUser(*m_server, QStringLiteral("jwt@example.com"));
    QVERIFY(!m_user.accessToken.isEmpty());
}

void TestJwt::cleanupTestCase()
{
    m_server.reset();
}

void TestJwt::rejections_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // The clock of the server is set in initTestCase to about now; the rows use the same now.
    const QString sub = m_user.userId; // initTestCase runs before every _data function
    const QByteArray good = claims(sub, now, now + 900);
    const QString unauth = QStringLiteral("UNAUTHENTICATED");

    QTest::newRow("valid hand-built")
        << JwtCodec::sign(header(QStringLiteral("HS256")), good, kSecret) << 200 << QString();
    QTest::newRow("alg none") << QByteArray(b64(header(QStringLiteral("none"))) + '.' + b64(good)
        + '.') << 401 << unauth;
    QTest::newRow("alg none with signature")
        << QByteArray(b64(header(QStringLiteral("none"))) + '.' + b64(good) + '.' + b64("x")) << 401
        << unauth;
    QTest::newRow("alg HS512 (valid HS256 MAC)")
        << JwtCodec::sign(header(QStringLiteral("HS512")), good, kSecret) << 401 << unauth;
    QTest::newRow("alg RS256") << JwtCodec::sign(header(QStringLiteral("RS256")), good, kSecret)
                               << 401 << unauth;
    QTest::newRow("alg lower-case hs256")
        << JwtCodec::sign(header(QStringLiteral("hs256")), good, kSecret) << 401 << unauth;
    QTest::newRow("wrong secret") << JwtCodec::sign(
        header(QStringLiteral("HS256")), good, QByteArray(32, 'z'))
                                  << 401 << unauth;
    QByteArray tampered = JwtCodec::sign(header(QStringLiteral("HS256")), good, kSecret);
    tampered[tampered.size() - 2] = tampered.at(tampered.size() - 2) == 'A' ? 'B' : 'A';
    QTest::newRow("bad signature") << tampered << 401 << unauth;
    const QByteArray signedGood = JwtCodec::sign(header(QStringLiteral("HS256")), good, kSecret);
    const QList<QByteArray> parts = signedGood.split('.');
    QTest::newRow("claims swapped after signing")
        << QByteArray(parts[0] + '.' + b64(claims(sub, now, now + 90000)) + '.' + parts[2]) << 401
        << unauth;
    QTest::newRow("two parts") << QByteArray(parts[0] + '.' + parts[1]) << 401 << unauth;
    QTest::newRow("four parts") << QByteArray(signedGood + ".x") << 401 << unauth;
    QTest::newRow("not base64") << QByteArray("a*b.c$d.e!f") << 401 << unauth;
    QTest::newRow("padding") << QByteArray(parts[0] + "==." + parts[1] + '.' + parts[2]) << 401
                             << unauth;
    QTest::newRow("header not json") << JwtCodec::sign("not json", good, kSecret) << 401 << unauth;
    QTest::newRow("claims not json")
        << JwtCodec::sign(header(QStringLiteral("HS256")), "[1,2]", kSecret) << 401 << unauth;
    QTest::newRow("no kid") << JwtCodec::sign(header(QStringLiteral("HS256"), QString()), good,
        kSecret) << 401 << unauth;
    QTest::newRow("unknown kid") << JwtCodec::sign(
        header(QStringLiteral("HS256"), QStringLiteral("other")), good, kSecret)
                                 << 401 << unauth;
    QTest::newRow("exp missing") << JwtCodec::sign(header(QStringLiteral("HS256")),
        QByteArray("{\"sub\":\"" + sub.toUtf8() + "\",\"role\":\"admin\",\"iat\":1,\"jti\":\"j\"}"),
        kSecret) << 401 << unauth;
    QTest::newRow("exp as string") << JwtCodec::sign(header(QStringLiteral("HS256")),
        QByteArray("{\"sub\":\"" + sub.toUtf8()
            + "\",\"role\":\"admin\",\"iat\":1,\"exp\":\"9999999999\","
              "\"jti\":\"j\"}"),
        kSecret) << 401 << unauth;
    QTest::newRow("expired 31 s ago") << JwtCodec::sign(
        header(QStringLiteral("HS256")), claims(sub, now - 1000, now - 31), kSecret)
                                      << 401 << QStringLiteral("TOKEN_EXPIRED");
    QTest::newRow("expired within leeway") << JwtCodec::sign(
        header(QStringLiteral("HS256")), claims(sub, now - 1000, now - 20), kSecret)
                                           << 200 << QString();
    QTest::newRow("issued in the future") << JwtCodec::sign(
        header(QStringLiteral("HS256")), claims(sub, now + 120, now + 1020), kSecret)
                                          << 401 << unauth;
    QTest::newRow("unknown user") << JwtCodec::sign(
        header(QStringLiteral("HS256")), claims(QStringLiteral("nobody"), now, now + 900), kSecret)
                                  << 401 << unauth;
    QTest::newRow("oversized") << QByteArray(5000, 'a') << 401 << unauth;
    // Numbers are range-checked before they become integers: an exp beyond ±2^53 is a malformed
    // token (it was undefined behaviour: 1e300 cast to qint64, exp + leeway overflowing).
    const QByteArray prefix = "{\"sub\":\"" + sub.toUtf8() + "\",\"role\":\"admin\",\"jti\":\"j\",";
    QTest::newRow("exp 1e300") << JwtCodec::sign(
        header(QStringLiteral("HS256")), prefix + "\"iat\":1,\"exp\":1e300}", kSecret)
                               << 401 << unauth;
    QTest::newRow("exp -1e300") << JwtCodec::sign(
        header(QStringLiteral("HS256")), prefix + "\"iat\":1,\"exp\":-1e300}", kSecret)
                                << 401 << unauth;
    QTest::newRow("exp near 2^63") << JwtCodec::sign(
        header(QStringLiteral("HS256")), prefix + "\"iat\":1,\"exp\":9223372036854775000}", kSecret)
                                   << 401 << unauth;
    QTest::newRow("iat -1e300") << JwtCodec::sign(
        header(QStringLiteral("HS256")), prefix + "\"iat\":-1e300,\"exp\":9999999999}", kSecret)
                                << 401 << unauth;
}

void TestJwt::rejections()
{
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    QFETCH(QString, code);
    m_clock->set(QDateTime::currentDateTimeUtc());
    const auto r = http("GET", m_server->url(QStringLiteral("/api/v1/users/me")), QByteArray(),
        {{"Authorization", "Bearer " + token}});
    QVERIFY2(r.status == status, r.body.constData());
    if (!code.isEmpty()) {
        QCOMPARE(r.code(), code);
        QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
    }
}

void TestJwt::expiryFollowsTheClock()
{
    m_clock->set(QDateTime::currentDateTimeUtc());
    const auto user = loginUser(*m_server, QStringLiteral("jwt@example.com"));
    const QString url = m_server->url(QStringLiteral("/api/v1/users/me"));
    QCOMPARE(httpAuth("GET", url, user.accessToken).status, 200);
    m_clock->advance((15 * 60 + 20) * 1000); // past exp, inside the 30 s leeway
    QCOMPARE(httpAuth("GET", url, user.accessToken).status, 200);
    m_clock->advance(15 * 1000); // 35 s past exp
    const auto expired = httpAuth("GET", url, user.accessToken);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.code(), QStringLiteral("TOKEN_EXPIRED"));
    // The refresh token still works and gives a fresh access token.
    const auto refreshed = httpJson("POST", m_server->url(QStringLiteral("/api/v1/auth/refresh")),
        QJsonObject {{QStringLiteral("refresh_token"), user.refreshToken}});
    QCOMPARE(refreshed.status, 200);
    const QString fresh = refreshed.data()
                              .value(QStringLiteral("tokens"))
                              .toObject()
                              .value(QStringLiteral("access_token"))
                              .toString();
    QCOMPARE(httpAuth("GET", url, fresh).status, 200);
    m_clock->set(QDateTime::currentDateTimeUtc());
}

void TestJwt::keyRotationKeepsOldTokensValid()
{
    auto clock = std::make_shared<ManualClock>(QDateTime::currentDateTimeUtc());
    TestServer server({}, clock);
    const QString keyFile = JwtKeyStore::keyFilePath(server.config());
    QVERIFY(QFile::exists(keyFile));
    QCOMPARE(QFile::permissions(keyFile)
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    const auto user = registerUser(server, QStringLiteral("rot@example.com"));
    const QString url = server.url(QStringLiteral("/api/v1/users/me"));
    auto kidOf = [](const QString &token) {
        const auto h = QByteArray::fromBase64(
            token.section(QLatin1Char('.'), 0, 0).toLatin1(), QByteArray::Base64UrlEncoding);
        return QJsonDocument::fromJson(h).object().value(QStringLiteral("kid")).toString();
    };
    const QString oldKid = kidOf(user.accessToken);

    // What `corkboard --rotate-jwt-key` does, while the server runs.
    const QString newKid = JwtKeyStore::rotateFile(keyFile, *clock);
    QVERIFY(newKid != oldKid);
    QCOMPARE(QFile::permissions(keyFile) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
        QFileDevice::Permissions());

    // The old token keeps working, and so do tokens signed after the rotation.
    QCOMPARE(httpAuth("GET", url, user.accessToken).status, 200);
    const auto fresh = loginUser(server, QStringLiteral("rot@example.com")).accessToken;
    QVERIFY(!fresh.isEmpty());
    QCOMPARE(httpAuth("GET", url, fresh).status, 200);

    // Once every token of the old key has expired, the old key is dropped at the next rotation.
    clock->advance(16 * 60 * 1000);
    JwtKeyStore::rotateFile(keyFile, *clock);
    QFile f(keyFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(!text.contains(oldKid.toLatin1()));
    QVERIFY(text.contains(newKid.toLatin1()));
}

QTEST_GUILESS_MAIN(TestJwt)
#include "test_jwt.moc"
