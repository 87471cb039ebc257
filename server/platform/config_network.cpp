#include "server/platform/config_network.h"

#include "server/platform/config.h"

#include <QDir>

namespace corkboard {

bool Config::usesTls(const QString &listenHost) const
{
    if (tlsAlways)
        return true;
    const QHostAddress address(listenHost);
    const bool loopbackOnly = address.isLoopback()
        || listenHost.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
    return !loopbackOnly && !insecureHttp;
}

void parseNetworkSettings(Config &c, const std::function<QString(const char *, QString *)> &lookup)
{
    QString v;
    QString name;
    if (!(name = lookup("tls", &v)).isEmpty()) {
        const QString mode = v.trimmed().toLower();
        if (mode != QLatin1String("auto") && mode != QLatin1String("on"))
            throw ConfigError(name, QStringLiteral("must be auto or on, got '%1'").arg(v));
        c.tlsAlways = mode == QLatin1String("on");
    }
    if (!(name = lookup("tls-cert", &v)).isEmpty() && !v.trimmed().isEmpty())
        c.tlsCertFile = QDir(v.trimmed()).absolutePath();
    if (!(name = lookup("tls-key", &v)).isEmpty() && !v.trimmed().isEmpty())
        c.tlsKeyFile = QDir(v.trimmed()).absolutePath();
    if (c.tlsCertFile.isEmpty() != c.tlsKeyFile.isEmpty()) {
        throw ConfigError(c.tlsCertFile.isEmpty() ? QStringLiteral("CORKBOARD_TLS_CERT")
                                                  : QStringLiteral("CORKBOARD_TLS_KEY"),
            QStringLiteral("set both CORKBOARD_TLS_CERT and CORKBOARD_TLS_KEY, or neither"));
    }
    if (!(name = lookup("trusted-proxies", &v)).isEmpty()) {
        const auto entries = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &entry : entries) {
            const QString text = entry.trimmed();
            QPair<QHostAddress, int> subnet;
            if (text.contains(QLatin1Char('/'))) {
                subnet = QHostAddress::parseSubnet(text);
            } else if (QHostAddress a(text); !a.isNull()) {
                subnet = {a, a.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
            }
            if (subnet.first.isNull())
                throw ConfigError(name,
                    QStringLiteral("must be a comma-separated list of addresses or CIDRs such as "
                                   "127.0.0.1 or 10.0.0.0/8, got '%1'")
                        .arg(text));
            c.trustedProxies.append(subnet);
        }
    }
    if (!(name = lookup("discovery", &v)).isEmpty())
        c.discovery = config_detail::parseBool(name, v);
}

} // namespace corkboard
