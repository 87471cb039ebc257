#pragma once

#include "server/features/transfer/import_plan.h"

#include <QHash>
#include <QStringList>
#include <optional>

namespace corkboard {

class Database;

//! SQL for exports (a board read whole in a fixed number of statements, people as e-mail) and
//! the look-ups an import needs. Imports write through the features' own repositories.
class TransferRepository
{
public:
    explicit TransferRepository(Database &db)
        : m_db(db)
    {
    }

    //! The board as a plan whose column/label keys are their ids; nullopt when missing.
    std::optional<ImportPlan> readBoard(const QString &boardId);
    //! Every board id, oldest first (instance export).
    QStringList allBoardIds();
    //! Active accounts by lower-cased e-mail → user id, for the e-mails given.
    QHash<QString, QString> usersByEmail(const QStringList &emails);
    //! The e-mail of an account (empty when unknown).
    QString emailOf(const QString &userId);

private:
    Database &m_db;
};

} // namespace corkboard
