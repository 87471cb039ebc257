// Route × role table over real HTTP with real tokens: every board-domain route, for owner,
// editor, viewer, non-member, server admin (not a member) and anonymous callers.
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace corkboard;
using namespace corkboard::test;

namespace {
enum Role
{
    Owner,
    Editor,
    Viewer,
    NonMember,
    Admin,
    Anonymous,
    RoleCount
};
const char *const kRoleNames[] = {"owner", "editor", "viewer", "non-member", "admin", "anonymous"};
} // namespace

class TestBoardRoles : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    RegisteredUser m_users[RoleCount];
    RegisteredUser m_extra;

    QString token(Role role) const
    {
        return role == Anonymous ? QString() : m_users[role].accessToken;
    }

    // Fresh resources for one row, all made by the owner: nothing a row does leaks into another.
    QHash<QString, QString> makeFixture()
    {
        QHash<QString, QString> ids;
        const QString owner = token(Owner);
        const auto board = httpJson("POST", m_server->url(QStringLiteral("/api/v1/boards")),
            {{QStringLiteral("name"), QStringLiteral("Fixture")}}, owner);
        if (board.status != 201)
            return ids;
        const QJsonObject snap = board.data();
        ids[QStringLiteral("board")]
            = snap.value(QStringLiteral("board")).toObject().value(QStringLiteral("id")).toString();
        ids[QStringLiteral("column")] = snap.value(QStringLiteral("columns"))
                                            .toArray()
                                            .at(0)
                                            .toObject()
                                            .value(QStringLiteral("id"))
                                            .toString();
        ids[QStringLiteral("column2")] = snap.value(QStringLiteral("columns"))
                                             .toArray()
                                             .at(1)
                                             .toObject()
                                             .value(QStringLiteral("id"))
                                             .toString();
        const QString b = QStringLiteral("/api/v1/boards/") + ids[QStringLiteral("board")];
        auto put = [&](const RegisteredUser &u, const char *role) {
            httpJson("PUT", m_server->url(b + QStringLiteral("/members/") + u.userId),
                {{QStringLiteral("role"), QLatin1String(role)}}, owner);
        };
        put(m_users[Editor], "editor");
        put(m_users[Viewer], "viewer");
        put(m_extra, "viewer");
        ids[QStringLiteral("extra_id")] = m_extra.userId;
        ids[QStringLiteral("stranger_id")] = m_users[NonMember].userId;
        ids[QStringLiteral("empty_column")]
            = httpJson("POST", m_server->url(b + QStringLiteral("/columns")),
                {{QStringLiteral("name"), QStringLiteral("Empty")}}, owner)
                  .data()
                  .value(QStringLiteral("id"))
                  .toString();
        ids[QStringLiteral("label")]
            = httpJson("POST", m_server->url(b + QStringLiteral("/labels")),
                {{QStringLiteral("name"), QStringLiteral("bug")},
                    {QStringLiteral("color"), QStringLiteral("#ff0000")}},
                owner)
                  .data()
                  .value(QStringLiteral("id"))
                  .toString();
        ids[QStringLiteral("card")] = httpJson("POST", m_server->url(b + QStringLiteral("/cards")),
            {{QStringLiteral("column_id"), ids[QStringLiteral("column")]},
                {QStringLiteral("title"), QStringLiteral("findme")}},
            owner)
                                          .data()
                                          .value(QStringLiteral("id"))
                                          .toString();
        const QString c = QStringLiteral("/api/v1/cards/") + ids[QStringLiteral("card")];
        ids[QStringLiteral("item")]
            = httpJson("POST", m_server->url(c + QStringLiteral("/checklist")),
                {{QStringLiteral("text"), QStringLiteral("step")}}, owner)
                  .data()
                  .value(QStringLiteral("id"))
                  .toString();
        ids[QStringLiteral("comment")]
            = httpJson("POST", m_server->url(c + QStringLiteral("/comments")),
                {{QStringLiteral("body"), QStringLiteral("by the editor")}}, token(Editor))
                  .data()
                  .value(QStringLiteral("id"))
                  .toString();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        for (int r = 0; r < Anonymous; ++r) {
            // The first account is the server admin; it is never made a board member.
            const int role = r == 0 ? Admin : (r <= Admin ? r - 1 : r);
            m_users[role] = registerUser(*m_server,
                QStringLiteral("%1@example.test").arg(QLatin1String(kRoleNames[role])),
                QStringLiteral("correct horse battery"), QLatin1String(kRoleNames[role]));
            QVERIFY(!m_users[role].accessToken.isEmpty());
        }
        QCOMPARE(m_users[Admin].role, QStringLiteral("admin"));
        m_extra = registerUser(*m_server, QStringLiteral("extra@example.test"));
    }

    void routeByRole_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("expected");

        struct Row
        {
            const char *method;
            const char *path;
            const char *body;
            int expect[RoleCount]; // owner, editor, viewer, non-member, admin, anonymous
        };
        const Row rows[] = {
            {"GET", "/api/v1/boards", nullptr, {200, 200, 200, 200, 200, 401}},
            {"POST", "/api/v1/boards", "{\"name\":\"mine\"}", {201, 201, 201, 201, 201, 401}},
            {"GET", "/api/v1/boards/{board}", nullptr, {200, 200, 200, 404, 404, 401}},
            {"PATCH", "/api/v1/boards/{board}", "{\"name\":\"renamed\"}",
                {200, 403, 403, 404, 404, 401}},
            {"DELETE", "/api/v1/boards/{board}", nullptr, {204, 403, 403, 404, 404, 401}},
            {"GET", "/api/v1/boards/{board}/members", nullptr, {200, 200, 200, 404, 404, 401}},
            {"PUT", "/api/v1/boards/{board}/members/{stranger_id}", "{\"role\":\"viewer\"}",
                {201, 403, 403, 404, 404, 401}},
            {"DELETE", "/api/v1/boards/{board}/members/{extra_id}", nullptr,
                {204, 403, 403, 404, 404, 401}},
            {"POST", "/api/v1/boards/{board}/columns", "{\"name\":\"New\"}",
                {201, 201, 403, 404, 404, 401}},
            {"PATCH", "/api/v1/columns/{column}", "{\"name\":\"Renamed\",\"wip_limit\":3}",
                {200, 200, 403, 404, 404, 401}},
            {"DELETE", "/api/v1/columns/{empty_column}", nullptr, {204, 204, 403, 404, 404, 401}},
            {"GET", "/api/v1/boards/{board}/labels", nullptr, {200, 200, 200, 404, 404, 401}},
            {"POST", "/api/v1/boards/{board}/labels", "{\"name\":\"ux\",\"color\":\"#00ff00\"}",
                {201, 201, 403, 404, 404, 401}},
            {"PATCH", "/api/v1/labels/{label}", "{\"color\":\"#0000ff\"}",
                {200, 200, 403, 404, 404, 401}},
            {"DELETE", "/api/v1/labels/{label}", nullptr, {204, 204, 403, 404, 404, 401}},
            {"POST", "/api/v1/boards/{board}/cards", "{\"column_id\":\"{column}\",\"title\":\"t\"}",
                {201, 201, 403, 404, 404, 401}},
            {"GET", "/api/v1/cards/{card}", nullptr, {200, 200, 200, 404, 404, 401}},
            {"PATCH", "/api/v1/cards/{card}", "{\"title\":\"edited\"}",
                {200, 200, 403, 404, 404, 401}},
            {"DELETE", "/api/v1/cards/{card}", nullptr, {204, 204, 403, 404, 404, 401}},
            {"POST", "/api/v1/cards/{card}/move", "{\"column_id\":\"{column2}\"}",
                {200, 200, 403, 404, 404, 401}},
            {"POST", "/api/v1/cards/{card}/checklist", "{\"text\":\"more\"}",
                {201, 201, 403, 404, 404, 401}},
            {"PATCH", "/api/v1/checklist-items/{item}", "{\"done\":true}",
                {200, 200, 403, 404, 404, 401}},
            {"DELETE", "/api/v1/checklist-items/{item}", nullptr, {204, 204, 403, 404, 404, 401}},
            {"GET", "/api/v1/cards/{card}/comments", nullptr, {200, 200, 200, 404, 404, 401}},
            {"POST", "/api/v1/cards/{card}/comments", "{\"body\":\"hi\"}",
                {201, 201, 201, 404, 404, 401}},
            // The fixture comment is the editor's: only its author edits it; the author or an owner
            // deletes it.
            {"PATCH", "/api/v1/comments/{comment}", "{\"body\":\"edited\"}",
                {403, 200, 403, 404, 404, 401}},
            {"DELETE", "/api/v1/comments/{comment}", nullptr, {204, 204, 403, 404, 404, 401}},
            {"GET", "/api/v1/boards/{board}/activity", nullptr, {200, 200, 200, 404, 404, 401}},
            {"GET", "/api/v1/search?q=findme&board_id={board}", nullptr,
                {200, 200, 200, 404, 404, 401}},
        };
        for (const auto &row : rows) {
            for (int role = 0; role < RoleCount; ++role) {
                const QString name = QStringLiteral("%1 %2 as %3")
                                         .arg(QLatin1String(row.method), QLatin1String(row.path),
                                             QLatin1String(kRoleNames[role]));
                QTest::newRow(name.toUtf8().constData())
                    << QByteArray(row.method) << QString::fromLatin1(row.path)
                    << QByteArray(row.body) << role << row.expect[role];
            }
        }
    }

    void routeByRole()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, role);
        QFETCH(int, expected);
        const auto ids = makeFixture();
        QVERIFY(!ids.value(QStringLiteral("comment")).isEmpty());
        for (auto it = ids.begin(); it != ids.end(); ++it) {
            const QString placeholder = QLatin1Char('{') + it.key() + QLatin1Char('}');
            path.replace(placeholder, it.value());
            body.replace(placeholder.toUtf8(), it.value().toUtf8());
        }
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!body.isEmpty())
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        if (role != Anonymous)
            headers.append(
                qMakePair(QByteArray("Authorization"), "Bearer " + token(Role(role)).toLatin1()));
        const auto r = http(method, m_server->url(path), body, headers);
        if (r.status != expected)
            qWarning().noquote() << r.body;
        QCOMPARE(r.status, expected);
        if (expected >= 400)
            QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        if (expected == 401)
            QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
    }

    void searchWithoutBoardOnlySeesOwnBoards()
    {
        const auto ids = makeFixture();
        QVERIFY(!ids.isEmpty());
        // A word no other row uses (the stranger is made a member of some fixture boards).
        const auto card = httpJson("POST",
            m_server->url(
                QStringLiteral("/api/v1/boards/%1/cards").arg(ids[QStringLiteral("board")])),
            {{QStringLiteral("column_id"), ids[QStringLiteral("column")]},
                {QStringLiteral("title"), QStringLiteral("quokka migration")}},
            token(Owner));
        QCOMPARE(card.status, 201);
        const auto mine = httpAuth(
            "GET", m_server->url(QStringLiteral("/api/v1/search?q=quokka")), token(Owner));
        QCOMPARE(mine.status, 200);
        QCOMPARE(mine.json().value(QStringLiteral("data")).toArray().size(), 1);
        const auto theirs = httpAuth(
            "GET", m_server->url(QStringLiteral("/api/v1/search?q=quokka")), token(NonMember));
        QCOMPARE(theirs.status, 200);
        QCOMPARE(theirs.json().value(QStringLiteral("data")).toArray().size(), 0);
        const auto admin = httpAuth(
            "GET", m_server->url(QStringLiteral("/api/v1/search?q=quokka")), token(Admin));
        QCOMPARE(admin.json().value(QStringLiteral("data")).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBoardRoles)
#include "test_board_roles.moc"
