#pragma once
// One HTTP world for the card tests: a real server (SQLite file), an owner and another user, the
// owner's board "Main" (its first column) and a second board "Other" with a column and a label
// (for cross-board refusals), plus the few calls the tests share.
#include "tests/support/auth_helpers.h"
#include "tests/support/test_server.h"

#include <QJsonObject>
#include <QObject>
#include <memory>

namespace corkboard::test {

class CardsHttpWorld : public QObject
{
protected:
    //! Starts the server and creates the users and boards; false (with a failed test) on error.
    bool setUpWorld();

    std::unique_ptr<TestServer> m_server;
    RegisteredUser m_owner;
    RegisteredUser m_other;
    QString m_board;
    QString m_column;
    QString m_otherBoard;
    QString m_otherColumn;
    QString m_otherLabel;

    QString url(const QString &path) const { return m_server->url(path); }
    HttpResult post(const QString &path, const QJsonObject &body, const QString &token);
    //! A card titled `title` in Main's first column (its id).
    QString newCard(const QString &title);
    //! Main's newest event sequence number, as the snapshot reports it.
    qint64 boardSeq();
    //! Main's cards, archived ones included.
    qint64 cardCount();
};

} // namespace corkboard::test
