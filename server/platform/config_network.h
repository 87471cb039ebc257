#pragma once

#include <QString>
#include <functional>

namespace corkboard {

struct Config;

namespace config_detail {
bool parseBool(const QString &setting, const QString &text);
} // namespace config_detail

//! The LAN-link settings of the table in config.cpp (tls, tls-cert, tls-key, trusted-proxies,
//! discovery). `lookup(flag, &value)` gives the value and the name to blame, or an empty name.
void parseNetworkSettings(
    Config &config, const std::function<QString(const char *, QString *)> &lookup);

} // namespace corkboard
