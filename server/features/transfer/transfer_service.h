#pragma once

#include "server/features/events/mutation.h"
#include "shared/dto/import_report.h"

#include <QByteArray>
#include <QJsonObject>

namespace corkboard {

struct ImportPlan;

//! Board export (our versioned JSON document), instance export for admins, and import of our
//! own documents and Trello board exports.
class TransferService
{
public:
    explicit TransferService(ServiceDeps deps)
        : m_deps(deps)
    {
    }

    //! The export document of a board the user belongs to (404 otherwise).
    QByteArray exportBoard(const QString &userId, const QString &boardId);
    //! Every board of the server (FORBIDDEN unless the caller is a server admin).
    QByteArray exportInstance(bool callerIsAdmin);
    //! Validates the whole document first (422 listing every problem, nothing written), then
    //! creates the board with everything in it in one transaction; the caller becomes its owner.
    ImportReport importBoard(const QString &userId, const QJsonObject &document);

private:
    ImportReport write(const QString &userId, const ImportPlan &plan);
    ServiceDeps m_deps;
};

} // namespace corkboard
