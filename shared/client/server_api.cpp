#include "shared/client/server_api.h"

namespace corkboard::client {

QFuture<ApiResult<ServerInfo>> ServerApi::serverInfo()
{
    ApiRequest request = ApiRequest::get(QStringLiteral("/api/v1/server-info"));
    request.authenticated = false;
    return m_client.call<ServerInfo>(std::move(request),
        [](const ApiResponse &r) { return decode::checked<ServerInfo>(r, &fromJson); });
}

QFuture<ApiResult<NoContent>> ServerApi::health()
{
    ApiRequest request = ApiRequest::get(QStringLiteral("/health"));
    request.authenticated = false;
    return m_client.call<NoContent>(std::move(request), &decode::none);
}

} // namespace corkboard::client
