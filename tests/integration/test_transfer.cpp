// Board export and import against the real server (loopback HTTP, real SQLite file): our own
// document round-trips losslessly, a realistic Trello export lands with everything mapped, and
// hostile documents get a clear 4xx while nothing at all is written.
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using namespace corkboard;
using namespace corkboard::test;

namespace {

QString bearer(const RegisteredUser &u)
{
    return u.accessToken;
}

HttpResult postDocument(TestServer &server, const RegisteredUser &who, const QByteArray &body)
{
    return http("POST", server.url(QStringLiteral("/api/v1/boards/import")), body,
        {{"Content-Type", "application/json"},
            {"Authorization", "Bearer " + who.accessToken.toLatin1()}});
}

QJsonObject created(const HttpResult &r)
{
    return r.data();
}

// What the database holds, counted straight from the file (a second connection).
qint64 countRows(TestServer &server, const QString &table)
{
    const QString name = QStringLiteral("count-") + table;
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(server.config().sqlitePath());
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next())
                n = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

QByteArray trelloFixture()
{
    QFile f(QStringLiteral(CORKBOARD_SOURCE_DIR "/tests/data/trello_board.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QJsonObject withoutExportTime(QJsonObject doc)
{
    doc.remove(QStringLiteral("exported_at"));
    return doc;
}

} // namespace

class TestTransfer : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    RegisteredUser m_owner;
    RegisteredUser m_ada;

    QString api(const QString &path) const
    {
        return m_server->url(QStringLiteral("/api/v1") + path);
    }

    QJsonObject post(const QString &path, const QJsonObject &body, const RegisteredUser &who)
    {
        const auto r = httpJson("POST", api(path), body, bearer(who));
        if (r.status != 201 && r.status != 200)
            qWarning() << path << r.status << r.body;
        return r.data();
    }

    // A board with a bit of everything: labels, four columns (one with a WIP limit), cards with
    // descriptions, due dates, labels, assignees, checklists, comments, an archived card, unicode.
    QString buildRichBoard()
    {
        const QJsonObject snap = post(QStringLiteral("/boards"),
            {{u"name"_s, QStringLiteral("Relaunch ✨")},
                {u"description"_s, QStringLiteral("Spring plan")}},
            m_owner);
        const QString boardId = snap.value(u"board"_s).toObject().value(u"id"_s).toString();
        const QJsonArray columns = snap.value(u"columns"_s).toArray();
        const QString todo = columns.at(0).toObject().value(u"id"_s).toString();
        const QString doing = columns.at(1).toObject().value(u"id"_s).toString();
        httpJson("PUT", api(QStringLiteral("/boards/%1/members/%2").arg(boardId, m_ada.userId)),
            {{u"role"_s, u"editor"_s}}, bearer(m_owner));
        const QString review = post(QStringLiteral("/boards/%1/columns").arg(boardId),
            {{u"name"_s, QStringLiteral("Review")}, {u"wip_limit"_s, 3},
                {u"after_column_id"_s, doing}},
            m_owner)
                                   .value(u"id"_s)
                                   .toString();
        const QString red = post(QStringLiteral("/boards/%1/labels").arg(boardId),
            {{u"name"_s, u"Blocker"_s}, {u"color"_s, u"#eb5a46"_s}}, m_owner)
                                .value(u"id"_s)
                                .toString();
        const QString blue = post(QStringLiteral("/boards/%1/labels").arg(boardId),
            {{u"name"_s, QStringLiteral("Frontend 日本")}, {u"color"_s, u"#0079bf"_s}}, m_owner)
                                 .value(u"id"_s)
                                 .toString();
        const QString c1 = post(QStringLiteral("/boards/%1/cards").arg(boardId),
            {{u"column_id"_s, todo}, {u"title"_s, QStringLiteral("Pick colours 🎨")},
                {u"description"_s, QStringLiteral("Three options.\n\n- dark\n- light")},
                {u"due_at"_s, u"2030-04-05T16:00:00.000Z"_s},
                {u"label_ids"_s, QJsonArray {red, blue}},
                {u"assignee_ids"_s, QJsonArray {m_ada.userId}}},
            m_owner)
                               .value(u"id"_s)
                               .toString();
        post(QStringLiteral("/boards/%1/cards").arg(boardId),
            {{u"column_id"_s, todo}, {u"title"_s, QStringLiteral("Second in To do")}}, m_ada);
        const QString c3 = post(QStringLiteral("/boards/%1/cards").arg(boardId),
            {{u"column_id"_s, review}, {u"title"_s, QStringLiteral("Übersetzung")},
                {u"label_ids"_s, QJsonArray {blue}}},
            m_ada)
                               .value(u"id"_s)
                               .toString();
        const QString archived = post(QStringLiteral("/boards/%1/cards").arg(boardId),
            {{u"column_id"_s, doing}, {u"title"_s, QStringLiteral("Old experiment")}}, m_owner)
                                     .value(u"id"_s)
                                     .toString();
        httpJson("PATCH", api(QStringLiteral("/cards/%1").arg(archived)), {{u"archived"_s, true}},
            bearer(m_owner));
        const QString item = post(QStringLiteral("/cards/%1/checklist").arg(c1),
            {{u"text"_s, QStringLiteral("Collect references")}}, m_owner)
                                 .value(u"id"_s)
                                 .toString();
        post(QStringLiteral("/cards/%1/checklist").arg(c1),
            {{u"text"_s, QStringLiteral("Contrast check")}}, m_owner);
        httpJson("PATCH", api(QStringLiteral("/checklist-items/%1").arg(item)), {{u"done"_s, true}},
            bearer(m_owner));
        post(QStringLiteral("/cards/%1/comments").arg(c1),
            {{u"body"_s, QStringLiteral("Option 2 reads best ✅")}}, m_ada);
        post(QStringLiteral("/cards/%1/comments").arg(c1), {{u"body"_s, QStringLiteral("Agreed.")}},
            m_owner);
        post(QStringLiteral("/cards/%1/comments").arg(c3), {{u"body"_s, QStringLiteral("Danke!")}},
            m_owner);
        return boardId;
    }

    QJsonObject exportOf(const QString &boardId, const RegisteredUser &who)
    {
        const auto r
            = httpAuth("GET", api(QStringLiteral("/boards/%1/export").arg(boardId)), bearer(who));
        if (r.status != 200)
            qWarning() << "export" << r.status << r.body;
        return r.json();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_owner = registerUser(*m_server, QStringLiteral("owner@example.com"));
        m_ada = registerUser(*m_server, QStringLiteral("ada@example.com"),
            QStringLiteral("correct horse battery"), QStringLiteral("Ada Lovelace"));
    }

    void cleanup() { m_server.reset(); }

    void exportImportExportIsLossless()
    {
        const QString boardId = buildRichBoard();
        const QJsonObject first = exportOf(boardId, m_owner);
        QCOMPARE(first.value(u"format"_s).toString(), QStringLiteral("corkboard.board-export"));
        QCOMPARE(first.value(u"format_version"_s).toInt(), 1);
        QCOMPARE(first.value(u"columns"_s).toArray().size(), 4);
        QCOMPARE(first.value(u"cards"_s).toArray().size(), 4);
        QCOMPARE(first.value(u"members"_s).toArray().size(), 2);
        QVERIFY(first.value(u"activity"_s).toArray().size() >= 10);
        // People by e-mail, never by this server's ids.
        QVERIFY(!QJsonDocument(first).toJson().contains(m_ada.userId.toUtf8()));
        QVERIFY(QJsonDocument(first).toJson().contains("ada@example.com"));

        const auto imported = postDocument(*m_server, m_owner, QJsonDocument(first).toJson());
        QCOMPARE(imported.status, 201);
        const QJsonObject report = created(imported);
        QCOMPARE(report.value(u"source"_s).toString(), QStringLiteral("corkboard"));
        const QJsonObject counts = report.value(u"imported"_s).toObject();
        QCOMPARE(counts.value(u"cards"_s).toInt(), 4);
        QCOMPARE(counts.value(u"archived_cards"_s).toInt(), 1);
        QCOMPARE(counts.value(u"columns"_s).toInt(), 4);
        QCOMPARE(counts.value(u"labels"_s).toInt(), 2);
        QCOMPARE(counts.value(u"checklist_items"_s).toInt(), 2);
        QCOMPARE(counts.value(u"comments"_s).toInt(), 3);
        QCOMPARE(counts.value(u"members"_s).toInt(), 2);
        QVERIFY(report.value(u"unmatched_members"_s).toArray().isEmpty());
        const QString copyId = report.value(u"board"_s).toObject().value(u"id"_s).toString();
        QVERIFY(!copyId.isEmpty() && copyId != boardId);

        const QJsonObject second = exportOf(copyId, m_owner);
        if (withoutExportTime(first) != withoutExportTime(second)) {
            qWarning().noquote() << QJsonDocument(first).toJson();
            qWarning().noquote() << QJsonDocument(second).toJson();
        }
        QCOMPARE(withoutExportTime(second), withoutExportTime(first));

        // The copy is a real board: Ada (matched by e-mail) sees it, with her assignment.
        const auto snap
            = httpAuth("GET", api(QStringLiteral("/boards/%1").arg(copyId)), bearer(m_ada));
        QCOMPARE(snap.status, 200);
        const QJsonArray cards = snap.data().value(u"cards"_s).toArray();
        QCOMPARE(cards.size(), 3); // the archived one is not in the default snapshot
        QJsonObject colours;
        for (const auto &c : cards) {
            if (c.toObject().value(u"title"_s).toString() == u"Pick colours 🎨"_s)
                colours = c.toObject();
        }
        QCOMPARE(colours.value(u"assignee_ids"_s).toArray(), QJsonArray {m_ada.userId});
        QCOMPARE(colours.value(u"label_ids"_s).toArray().size(), 2);
    }

    void exportNeedsMembershipAndInstanceExportNeedsAdmin()
    {
        const QString boardId = buildRichBoard();
        const RegisteredUser outsider = registerUser(*m_server, QStringLiteral("eve@example.com"));
        QCOMPARE(
            httpAuth("GET", api(QStringLiteral("/boards/%1/export").arg(boardId)), bearer(outsider))
                .status,
            404);
        QCOMPARE(httpAuth("GET", api(QStringLiteral("/admin/export")), bearer(m_ada)).code(),
            QStringLiteral("FORBIDDEN"));
        post(QStringLiteral("/boards"), {{u"name"_s, QStringLiteral("Eve's own")}}, outsider);
        const auto all = httpAuth("GET", api(QStringLiteral("/admin/export")), bearer(m_owner));
        QCOMPARE(all.status, 200);
        QVERIFY(all.header("Content-Disposition").startsWith("attachment"));
        QCOMPARE(
            all.json().value(u"format"_s).toString(), QStringLiteral("corkboard.instance-export"));
        const QJsonArray boards = all.json().value(u"boards"_s).toArray();
        QCOMPARE(boards.size(), 2);
        QStringList names;
        for (const auto &b : boards)
            names.append(b.toObject().value(u"board"_s).toObject().value(u"name"_s).toString());
        QVERIFY(names.contains(QStringLiteral("Eve's own")));
    }

    void trelloExportLandsWithEverythingMapped()
    {
        const QByteArray fixture = trelloFixture();
        QVERIFY(!fixture.isEmpty());
        const auto r = postDocument(*m_server, m_owner, fixture);
        QCOMPARE(r.status, 201);
        const QJsonObject report = created(r);
        QCOMPARE(report.value(u"source"_s).toString(), QStringLiteral("trello"));
        QCOMPARE(report.value(u"board"_s).toObject().value(u"name"_s).toString(),
            QStringLiteral("Website relaunch 🚀"));
        const QJsonObject n = report.value(u"imported"_s).toObject();
        QCOMPARE(n.value(u"columns"_s).toInt(), 4); // the closed list is not a column
        QCOMPARE(n.value(u"cards"_s).toInt(), 8);
        QCOMPARE(n.value(u"archived_cards"_s).toInt(), 2); // a closed card, a card of a closed list
        QCOMPARE(n.value(u"labels"_s).toInt(), 12);
        QCOMPARE(n.value(u"checklist_items"_s).toInt(), 7);
        QCOMPARE(n.value(u"comments"_s).toInt(), 4);
        QCOMPARE(n.value(u"members"_s).toInt(), 2); // the importer and Ada (matched by e-mail)
        const QJsonArray unmatched = report.value(u"unmatched_members"_s).toArray();
        QCOMPARE(unmatched.size(), 2);
        QVERIFY(unmatched.at(0).toString().startsWith(QStringLiteral("Grace Hopper")));
        QVERIFY(unmatched.at(1).toString().startsWith(QStringLiteral("Linus Törnqvist")));
        QHash<QString, int> skipped;
        for (const auto &s : report.value(u"skipped"_s).toArray())
            skipped.insert(
                s.toObject().value(u"what"_s).toString(), s.toObject().value(u"count"_s).toInt());
        QCOMPARE(skipped.value(QStringLiteral("attachments")), 2);
        QCOMPARE(skipped.value(QStringLiteral("Trello actions")), 3);
        QCOMPARE(skipped.value(QStringLiteral("closed lists")), 1);
        QCOMPARE(skipped.value(QStringLiteral("card members")), 3);

        const QString boardId = report.value(u"board"_s).toObject().value(u"id"_s).toString();
        const auto snap = httpAuth("GET",
            api(QStringLiteral("/boards/%1?include_archived=true").arg(boardId)), bearer(m_ada));
        QCOMPARE(snap.status, 200); // Ada is a member now
        const QJsonObject data = snap.data();
        QStringList columnNames;
        QHash<QString, QString> columnName;
        for (const auto &c : data.value(u"columns"_s).toArray()) {
            columnNames.append(c.toObject().value(u"name"_s).toString());
            columnName.insert(
                c.toObject().value(u"id"_s).toString(), c.toObject().value(u"name"_s).toString());
        }
        QCOMPARE(columnNames,
            (QStringList {QStringLiteral("Backlog"), QStringLiteral("In progress"),
                QStringLiteral("Review ✔"), QStringLiteral("Done")}));
        QHash<QString, QString> labelColour;
        QHash<QString, QString> labelName;
        for (const auto &l : data.value(u"labels"_s).toArray()) {
            labelColour.insert(l.toObject().value(u"name"_s).toString(),
                l.toObject().value(u"color"_s).toString());
            labelName.insert(
                l.toObject().value(u"id"_s).toString(), l.toObject().value(u"name"_s).toString());
        }
        QCOMPARE(labelColour.value(QStringLiteral("Ready")), QStringLiteral("#61bd4f")); // green
        QCOMPARE(labelColour.value(QStringLiteral("Blocker")), QStringLiteral("#eb5a46")); // red
        QCOMPARE(
            labelColour.value(QStringLiteral("Sky")), QStringLiteral("#00c2e0")); // unnamed sky
        QCOMPARE(labelColour.value(QStringLiteral("Legal")), QStringLiteral("#344563")); // black
        QCOMPARE(labelColour.value(QStringLiteral("Someday")), QStringLiteral("#b3bac5")); // none
        QCOMPARE(labelColour.size(), 12);

        QHash<QString, QJsonObject> cards;
        QStringList backlog;
        for (const auto &c : data.value(u"cards"_s).toArray()) {
            const QJsonObject card = c.toObject();
            cards.insert(card.value(u"title"_s).toString(), card);
            if (columnName.value(card.value(u"column_id"_s).toString()) == QLatin1String("Backlog"))
                backlog.append(card.value(u"title"_s).toString());
        }
        QCOMPARE(backlog,
            (QStringList {QStringLiteral("Pick the colour palette"),
                QStringLiteral("Flash intro 🙈"), QStringLiteral("Write the style guide"),
                QStringLiteral("Übersetzung für 日本語 ✓")}));
        const QJsonObject palette = cards.value(QStringLiteral("Pick the colour palette"));
        QCOMPARE(palette.value(u"due_at"_s).toString(), QStringLiteral("2024-04-05T16:00:00.000Z"));
        QCOMPARE(
            palette.value(u"description"_s).toString(), QStringLiteral("Three options by Friday."));
        QCOMPARE(palette.value(u"assignee_ids"_s).toArray(), QJsonArray {m_ada.userId});
        QStringList paletteLabels;
        for (const auto &id : palette.value(u"label_ids"_s).toArray())
            paletteLabels.append(labelName.value(id.toString()));
        paletteLabels.sort();
        QCOMPARE(paletteLabels, (QStringList {QStringLiteral("Design"), QStringLiteral("Sky")}));
        QCOMPARE(palette.value(u"checklist_progress"_s).toObject().value(u"done"_s).toInt(), 2);
        QCOMPARE(palette.value(u"checklist_progress"_s).toObject().value(u"total"_s).toInt(), 3);
        QCOMPARE(palette.value(u"comment_count"_s).toInt(), 2);
        QVERIFY(cards.value(QStringLiteral("Flash intro 🙈")).value(u"archived"_s).toBool());
        QVERIFY(
            cards.value(QStringLiteral("Old landing page A/B test")).value(u"archived"_s).toBool());
        QVERIFY(!cards.value(QStringLiteral("Cookie banner")).value(u"archived"_s).toBool());

        // Checklists in Trello order, two checklists named in their items; comments oldest first,
        // Ada's as Ada, others' attributed in the text.
        const QString launch
            = cards.value(QStringLiteral("Launch checklist")).value(u"id"_s).toString();
        const auto detail
            = httpAuth("GET", api(QStringLiteral("/cards/%1").arg(launch)), bearer(m_owner));
        QStringList items;
        for (const auto &i : detail.data().value(u"checklist"_s).toArray())
            items.append(i.toObject().value(u"text"_s).toString());
        QCOMPARE(items,
            (QStringList {QStringLiteral("Before launch: DNS switched"),
                QStringLiteral("Before launch: Redirects tested"),
                QStringLiteral("After launch: Announce on the blog"),
                QStringLiteral("After launch: Thank the team 🎉")}));
        const QString paletteId = palette.value(u"id"_s).toString();
        const auto comments = httpAuth(
            "GET", api(QStringLiteral("/cards/%1/comments").arg(paletteId)), bearer(m_owner));
        const QJsonArray list = comments.json().value(u"data"_s).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(u"body"_s).toString(),
            QStringLiteral("Grace Hopper wrote:\n\nCan we keep the old palette as a fallback?"));
        QCOMPARE(list.at(0).toObject().value(u"author_id"_s).toString(), m_owner.userId);
        QCOMPARE(list.at(1).toObject().value(u"body"_s).toString(),
            QStringLiteral("Option 2 reads best on dark backgrounds."));
        QCOMPARE(list.at(1).toObject().value(u"author_id"_s).toString(), m_ada.userId);
        QCOMPARE(list.at(1).toObject().value(u"created_at"_s).toString(),
            QStringLiteral("2024-03-02T15:30:00.000Z"));
    }

    void hostileDocumentsChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");

        const QJsonObject good {{u"format"_s, u"corkboard.board-export"_s},
            {u"format_version"_s, 1}, {u"board"_s, QJsonObject {{u"name"_s, u"Fine"_s}}},
            {u"columns"_s, QJsonArray {QJsonObject {{u"key"_s, u"c1"_s}, {u"name"_s, u"To do"_s}}}},
            {u"cards"_s, QJsonArray {QJsonObject {{u"column"_s, u"c1"_s}, {u"title"_s, u"ok"_s}}}}};
        auto variant = [&good](const std::function<void(QJsonObject &)> &change) {
            QJsonObject d = good;
            change(d);
            return QJsonDocument(d).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("unknown document")
            << QByteArray("{\"hello\": \"world\"}") << 422 << u"format"_s;
        QTest::newRow("newer format") << variant([](QJsonObject &d) { d[u"format_version"_s] = 2; })
                                      << 422 << u"format_version"_s;
        QTest::newRow("title too long") << variant([](QJsonObject &d) {
            d[u"cards"_s] = QJsonArray {
                QJsonObject {{u"column"_s, u"c1"_s}, {u"title"_s, QString(201, QLatin1Char('x'))}}};
        }) << 422 << u"cards[0].title"_s;
        QTest::newRow("title of wrong type") << variant([](QJsonObject &d) {
            d[u"cards"_s] = QJsonArray {QJsonObject {{u"column"_s, u"c1"_s}, {u"title"_s, 42}}};
        }) << 422 << u"cards[0].title"_s;
        QTest::newRow("card in no column") << variant([](QJsonObject &d) {
            d[u"cards"_s]
                = QJsonArray {QJsonObject {{u"column"_s, u"nope"_s}, {u"title"_s, u"x"_s}}};
        }) << 422 << u"cards[0].column"_s;
        QTest::newRow("NUL in a name") << variant([](QJsonObject &d) {
            d[u"board"_s] = QJsonObject {
                {u"name"_s, QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))}};
        }) << 422 << u"board.name"_s;
        QTest::newRow("too many labels") << variant([](QJsonObject &d) {
            QJsonArray labels;
            for (int i = 0; i < 51; ++i)
                labels.append(QJsonObject {{u"key"_s, QString::number(i)}, {u"name"_s, u"l"_s},
                    {u"color"_s, u"#000000"_s}});
            d[u"labels"_s] = labels;
        }) << 422 << u"labels"_s;
        QTest::newRow("bad colour") << variant([](QJsonObject &d) {
            d[u"labels"_s] = QJsonArray {
                QJsonObject {{u"key"_s, u"l"_s}, {u"name"_s, u"l"_s}, {u"color"_s, u"red"_s}}};
        }) << 422 << u"labels[0].color"_s;
        QTest::newRow("unknown field")
            << variant([](QJsonObject &d) { d[u"sql"_s] = u"DROP TABLE"_s; }) << 422 << u"sql"_s;
        QTest::newRow("one bad card after good ones") << variant([](QJsonObject &d) {
            QJsonArray cards;
            for (int i = 0; i < 200; ++i)
                cards.append(QJsonObject {
                    {u"column"_s, u"c1"_s}, {u"title"_s, QStringLiteral("card %1").arg(i)}});
            cards.append(QJsonObject {{u"column"_s, u"c1"_s}, {u"title"_s, u""_s}});
            d[u"cards"_s] = cards;
        }) << 422 << u"cards[200].title"_s;
        QByteArray deep = "{\"format\":\"corkboard.board-export\",\"format_version\":1,\"board\":{"
                          "\"name\":\"d\"},\"columns\":[],\"x\":";
        for (int i = 0; i < 40; ++i)
            deep += "[";
        for (int i = 0; i < 40; ++i)
            deep += "]";
        deep += "}";
        QTest::newRow("too deep") << deep << 422 << u"document"_s;
        QTest::newRow("Trello list of wrong type") << QByteArray(
            "{\"id\":\"b\",\"name\":\"T\",\"lists\":[{\"id\":\"l\",\"name\":7}],\"cards\":[]}")
                                                   << 422 << u"lists[0].name"_s;
        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << 400 << QString();
        QTest::newRow("over the size cap")
            << (QByteArray("{\"format\":\"corkboard.board-export\",\"pad\":\"")
                   + QByteArray(17 * 1024 * 1024, 'a') + QByteArray("\"}"))
            << 413 << QString();
    }

    void hostileDocumentsChangeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const qint64 boards = countRows(*m_server, QStringLiteral("boards"));
        const qint64 cards = countRows(*m_server, QStringLiteral("cards"));
        const qint64 events = countRows(*m_server, QStringLiteral("events"));
        if (body.size() > 16 * 1024 * 1024) {
            // Refused by the connection guard from the headers, before the body is buffered.
            const QByteArray head = "POST /api/v1/boards/import HTTP/1.1\r\nHost: localhost\r\n"
                                    "Content-Type: application/json\r\nAuthorization: Bearer "
                + m_owner.accessToken.toLatin1()
                + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
            QCOMPARE(rawStatus(rawExchange(m_server->port(), head + body.left(64 * 1024))), status);
            QCOMPARE(countRows(*m_server, QStringLiteral("boards")), boards);
            return;
        }
        const auto r = postDocument(*m_server, m_owner, body);
        QCOMPARE(r.status, status);
        QVERIFY(r.header("Content-Type").startsWith("application/problem+json"));
        if (!field.isEmpty()) {
            QStringList fields;
            for (const auto &e : r.json().value(u"errors"_s).toArray())
                fields.append(e.toObject().value(u"field"_s).toString());
            QVERIFY2(fields.contains(field), qPrintable(fields.join(QStringLiteral(", "))));
        }
        QCOMPARE(countRows(*m_server, QStringLiteral("boards")), boards);
        QCOMPARE(countRows(*m_server, QStringLiteral("cards")), cards);
        QCOMPARE(countRows(*m_server, QStringLiteral("events")), events);
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "test_transfer.moc"
