#pragma once

#include "shared/client/api_decode.h"
#include "shared/dto/server_info.h"

namespace corkboard::client {

//! Typed calls that need no sign-in: server-info and health.
class ServerApi
{
public:
    explicit ServerApi(ApiClient &client)
        : m_client(client)
    {
    }

    //! GET /api/v1/server-info (decides between "register" and "sign in" on the welcome page).
    QFuture<ApiResult<ServerInfo>> serverInfo();
    //! GET /health: the server answers at all.
    QFuture<ApiResult<NoContent>> health();

private:
    ApiClient &m_client;
};

} // namespace corkboard::client
