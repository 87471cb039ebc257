#pragma once

#include "server/features/transfer/transfer_service.h"
#include "server/http/request.h"
#include "server/http/response.h"

namespace corkboard {

class Router;
struct ThreadContext;

//! Board export/import and the admin's whole-server export.
class TransferController
{
public:
    explicit TransferController(ThreadContext &context);
    void registerRoutes(Router &router);

    Response exportBoard(const Request &request);
    Response exportInstance(const Request &request);
    Response importBoard(const Request &request);

private:
    TransferService m_service;
};

} // namespace corkboard
