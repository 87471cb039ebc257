#include "tests/support/cards_http_world.h"

#include "tests/support/board_api.h"

#include <QJsonArray>
#include <QTest>
#include <tuple>

namespace corkboard::test {

bool CardsHttpWorld::setUpWorld()
{
    [&] {
        m_server = std::make_unique<TestServer>();
        m_owner = registerUser(*m_server, QStringLiteral("owner@example.test"));
        m_other = registerUser(*m_server, QStringLiteral("other@example.test"));
        BoardApi boards {*m_server};
        std::tie(m_board, m_column) = boards.createBoard(m_owner, {});
        std::tie(m_otherBoard, m_otherColumn) = boards.createBoard(m_owner, {});
        QVERIFY(!m_column.isEmpty() && !m_otherColumn.isEmpty());
        m_otherLabel = post(QStringLiteral("/api/v1/boards/%1/labels").arg(m_otherBoard),
            {{QStringLiteral("name"), QStringLiteral("x")},
                {QStringLiteral("color"), QStringLiteral("#123456")}},
            m_owner.accessToken)
                           .data()
                           .value(QStringLiteral("id"))
                           .toString();
        QVERIFY(!m_otherLabel.isEmpty());
    }();
    return !QTest::currentTestFailed() && !m_otherLabel.isEmpty();
}

HttpResult CardsHttpWorld::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return httpJson("POST", url(path), body, token);
}

QString CardsHttpWorld::newCard(const QString &title)
{
    return post(QStringLiteral("/api/v1/boards/%1/cards").arg(m_board),
        {{QStringLiteral("column_id"), m_column}, {QStringLiteral("title"), title}},
        m_owner.accessToken)
        .data()
        .value(QStringLiteral("id"))
        .toString();
}

qint64 CardsHttpWorld::boardSeq()
{
    const auto r
        = httpAuth("GET", url(QStringLiteral("/api/v1/boards/") + m_board), m_owner.accessToken);
    return qint64(
        r.data().value(QStringLiteral("board")).toObject().value(QStringLiteral("seq")).toDouble());
}

qint64 CardsHttpWorld::cardCount()
{
    const auto r = httpAuth("GET",
        url(QStringLiteral("/api/v1/boards/%1?include_archived=true").arg(m_board)),
        m_owner.accessToken);
    return r.data().value(QStringLiteral("cards")).toArray().size();
}

} // namespace corkboard::test
