#pragma once

#include "shared/discovery_record.h"

#include <QObject>
#include <QString>
#include <memory>

namespace corkboard {

//! Announces this server on the local network (DNS-SD `_corkboard._tcp`). An interface so other
//! platforms can plug in Bonjour; on Linux it is Avahi. Announcing is best effort: without a
//! running Avahi daemon the server works as before and says so once in the log.
class ServiceAdvertiser
{
public:
    virtual ~ServiceAdvertiser() = default;
    //! Starts (or updates) the announcement.
    virtual void publish(const QString &name, quint16 port, const DiscoveryRecord &record) = 0;
    //! Stops announcing (shutdown).
    virtual void withdraw() = 0;
};

//! The platform's advertiser (Avahi on Linux).
std::unique_ptr<ServiceAdvertiser> makeServiceAdvertiser();

} // namespace corkboard
