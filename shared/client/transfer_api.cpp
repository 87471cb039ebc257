#include "shared/client/transfer_api.h"

#include "shared/client/boards_api.h"

namespace corkboard::client {

namespace {
ApiResult<QByteArray> documentBody(const ApiResponse &r)
{
    if (!r.json().contains(QStringLiteral("format")))
        return decode::malformed(r, "expected an export document");
    return r.body;
}
} // namespace

QFuture<ApiResult<QByteArray>> TransferApi::exportBoard(const QString &boardId)
{
    return m_client.call<QByteArray>(
        ApiRequest::get(QStringLiteral("/api/v1/boards/%1/export").arg(pathSegment(boardId))),
        &documentBody);
}

QFuture<ApiResult<ImportReport>> TransferApi::importBoard(const QByteArray &document)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/boards/import");
    request.body = document;
    return m_client.call<ImportReport>(request, [](const ApiResponse &r) {
        return decode::object<ImportReport>(r, &importReportFromJson);
    });
}

QFuture<ApiResult<QByteArray>> TransferApi::exportInstance()
{
    return m_client.call<QByteArray>(
        ApiRequest::get(QStringLiteral("/api/v1/admin/export")), &documentBody);
}

QFuture<ApiResult<QList<BackupInfo>>> TransferApi::backups()
{
    return m_client.call<QList<BackupInfo>>(
        ApiRequest::get(QStringLiteral("/api/v1/admin/backups")),
        [](const ApiResponse &r) -> ApiResult<QList<BackupInfo>> {
            const auto page = decode::page<BackupInfo>(r, &backupInfoFromJson);
            if (!page)
                return page.error();
            return page.value().items;
        });
}

QFuture<ApiResult<BackupInfo>> TransferApi::createBackup()
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/admin/backups");
    return m_client.call<BackupInfo>(request,
        [](const ApiResponse &r) { return decode::object<BackupInfo>(r, &backupInfoFromJson); });
}

} // namespace corkboard::client
