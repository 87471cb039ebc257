#pragma once

#include "shared/client/api_decode.h"
#include "shared/dto/backup.h"
#include "shared/dto/import_report.h"

#include <QByteArray>

namespace corkboard::client {

//! Typed calls for board export/import and the admin's backups.
class TransferApi
{
public:
    explicit TransferApi(ApiClient &client)
        : m_client(client)
    {
    }

    //! GET /boards/{id}/export: the export document as the server wrote it (save it as is).
    QFuture<ApiResult<QByteArray>> exportBoard(const QString &boardId);
    //! POST /boards/import with a document (our export or a Trello JSON export) → the report.
    QFuture<ApiResult<ImportReport>> importBoard(const QByteArray &document);
    //! Admin: GET /admin/export, every board in one document.
    QFuture<ApiResult<QByteArray>> exportInstance();
    //! Admin: GET /admin/backups, newest first.
    QFuture<ApiResult<QList<BackupInfo>>> backups();
    //! Admin: POST /admin/backups → the new, verified backup.
    QFuture<ApiResult<BackupInfo>> createBackup();

private:
    ApiClient &m_client;
};

} // namespace corkboard::client
