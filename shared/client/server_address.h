#pragma once

#include <QString>
#include <QUrl>
#include <optional>

namespace corkboard::client {

//! What a person types as a server address, read one way everywhere (first-run and connect
//! dialogs): a bare "host[:port]" means HTTPS (never silently plain HTTP); an explicit
//! http:// or https:// is kept as typed.
struct ServerAddress
{
    //! The URL, or nullopt when it is not an http(s) address with a host.
    static std::optional<QUrl> parse(const QString &typed);
    //! http:// to anything but this computer: passwords and tokens would cross the network
    //! readable by anyone on it; the window asks before it connects.
    static bool isPlainBeyondLoopback(const QUrl &url);
};

} // namespace corkboard::client
