#include "tests/support/auth_helpers.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QTest>

namespace corkboard::test {

namespace {
QMutex g_mutex;
QHash<QString, QString> g_adminTokens; // by the server's data dir (unique per TestServer)

RegisteredUser fromAuthResult(const HttpResult &r)
{
    const QJsonObject data = r.data();
    const QJsonObject user = data.value(QStringLiteral("user")).toObject();
    const QJsonObject tokens = data.value(QStringLiteral("tokens")).toObject();
    RegisteredUser out;
    out.userId = user.value(QStringLiteral("id")).toString();
    out.role = user.value(QStringLiteral("role")).toString();
    out.accessToken = tokens.value(QStringLiteral("access_token")).toString();
    out.refreshToken = tokens.value(QStringLiteral("refresh_token")).toString();
    return out;
}

void failTest(const char *what, const HttpResult &r)
{
    const QByteArray message
        = QByteArray(what) + ": HTTP " + QByteArray::number(r.status) + " " + r.body.left(500);
    QTest::qFail(message.constData(), __FILE__, __LINE__);
}
} // namespace

RegisteredUser registerUser(
    TestServer &server, const QString &email, const QString &password, const QString &displayName)
{
    QJsonObject body {{QStringLiteral("email"), email}, {QStringLiteral("password"), password},
        {QStringLiteral("display_name"), displayName}};
    QString adminToken;
    {
        QMutexLocker lock(&g_mutex);
        adminToken = g_adminTokens.value(server.dataDir());
    }
    if (!adminToken.isEmpty()) {
        const auto invite = httpJson("POST", server.url(QStringLiteral("/api/v1/invites")),
            QJsonObject {{QStringLiteral("role"), QStringLiteral("member")}}, adminToken);
        if (invite.status != 201) {
            failTest("registerUser: the admin could not create an invite", invite);
            return {};
        }
        body.insert(
            QStringLiteral("invite_code"), invite.data().value(QStringLiteral("code")).toString());
    }
    const auto r = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/register")), body);
    if (r.status != 201) {
        failTest("registerUser: registration refused", r);
        return {};
    }
    RegisteredUser user = fromAuthResult(r);
    if (user.role == QLatin1String("admin") && adminToken.isEmpty()) {
        QMutexLocker lock(&g_mutex);
        g_adminTokens.insert(server.dataDir(), user.accessToken);
    }
    return user;
}

RegisteredUser loginUser(TestServer &server, const QString &email, const QString &password)
{
    const auto r = httpJson("POST", server.url(QStringLiteral("/api/v1/auth/login")),
        QJsonObject {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    if (r.status != 200) {
        failTest("loginUser: sign-in refused", r);
        return {};
    }
    return fromAuthResult(r);
}

} // namespace corkboard::test
