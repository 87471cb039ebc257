#include "server/features/webhooks/webhook_target_policy.h"

#include <QNetworkInterface>

namespace corkboard {

namespace {

using Subnet = QPair<QHostAddress, int>;

QList<Subnet> subnets(std::initializer_list<const char *> cidrs)
{
    QList<Subnet> out;
    for (const char *c : cidrs)
        out.append(QHostAddress::parseSubnet(QString::fromLatin1(c)));
    return out;
}

// Everything that is not the public Internet (IANA special-purpose registries).
const QList<Subnet> &blockedV4()
{
    static const QList<Subnet> list = subnets({
        "0.0.0.0/8", // "this network"
        "10.0.0.0/8", // private
        "100.64.0.0/10", // carrier-grade NAT
        "127.0.0.0/8", // loopback
        "169.254.0.0/16", // link-local, cloud metadata (169.254.169.254)
        "172.16.0.0/12", // private
        "192.0.0.0/24", // IETF protocol assignments
        "192.0.2.0/24", // documentation
        "192.88.99.0/24", // 6to4 relay anycast
        "192.168.0.0/16", // private
        "198.18.0.0/15", // benchmarking
        "198.51.100.0/24", // documentation
        "203.0.113.0/24", // documentation
        "224.0.0.0/4", // multicast
        "240.0.0.0/4", // reserved, broadcast
    });
    return list;
}

const QList<Subnet> &blockedV6()
{
    static const QList<Subnet> list = subnets({
        "::/96", // unspecified, loopback, IPv4-compatible (deprecated)
        "64:ff9b:1::/48", // local-use NAT64
        "100::/64", // discard
        "2001::/32", // Teredo
        "2001:db8::/32", // documentation
        "fc00::/7", // unique local (ULA)
        "fe80::/10", // link-local
        "fec0::/10", // site-local (deprecated)
        "ff00::/8", // multicast
    });
    return list;
}

bool inAny(const QHostAddress &address, const QList<Subnet> &list)
{
    for (const Subnet &s : list) {
        if (address.isInSubnet(s))
            return true;
    }
    return false;
}

//! The IPv4 address an IPv6 address stands for (mapped, NAT64 64:ff9b::/96, 6to4 2002::/16);
//! the address itself otherwise.
QHostAddress effective(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(v4);
    const Q_IPV6ADDR b = address.toIPv6Address();
    auto v4At = [&b](int i) {
        return (quint32(b[i]) << 24) | (quint32(b[i + 1]) << 16) | (quint32(b[i + 2]) << 8)
            | quint32(b[i + 3]);
    };
    static const Subnet nat64 = QHostAddress::parseSubnet(QStringLiteral("64:ff9b::/96"));
    static const Subnet sixToFour = QHostAddress::parseSubnet(QStringLiteral("2002::/16"));
    if (address.isInSubnet(nat64))
        return QHostAddress(v4At(12));
    if (address.isInSubnet(sixToFour))
        return QHostAddress(v4At(2));
    return address;
}

bool neverATarget(const QHostAddress &a)
{
    return a.isNull() || a.isMulticast() || a.isBroadcast()
        || a == QHostAddress(QHostAddress::AnyIPv4) || a == QHostAddress(QHostAddress::AnyIPv6);
}

} // namespace

WebhookTargetPolicy::WebhookTargetPolicy(const QStringList &allowCidrs)
    : WebhookTargetPolicy(allowCidrs, QNetworkInterface::allAddresses())
{
}

WebhookTargetPolicy::WebhookTargetPolicy(
    const QStringList &allowCidrs, QList<QHostAddress> ownAddresses)
{
    for (const QString &cidr : allowCidrs) {
        const Subnet s = QHostAddress::parseSubnet(cidr.trimmed());
        if (!s.first.isNull())
            m_allow.append(s);
    }
    for (const QHostAddress &a : std::as_const(ownAddresses)) {
        QHostAddress own = effective(a);
        own.setScopeId(QString());
        m_own.append(own);
    }
}

bool WebhookTargetPolicy::allowlisted(const QHostAddress &address) const
{
    return inAny(address, m_allow);
}

bool WebhookTargetPolicy::internal(const QHostAddress &address) const
{
    QHostAddress bare = address;
    bare.setScopeId(QString());
    if (m_own.contains(bare))
        return true;
    return address.protocol() == QAbstractSocket::IPv4Protocol ? inAny(address, blockedV4())
                                                               : inAny(address, blockedV6());
}

bool WebhookTargetPolicy::allows(const QHostAddress &address) const
{
    const QHostAddress e = effective(address);
    if (neverATarget(address) || neverATarget(e))
        return false;
    if (allowlisted(address) || allowlisted(e))
        return true;
    return !internal(e);
}

QString WebhookTargetPolicy::hostProblem(const QString &hostText) const
{
    QString host = hostText.toLower();
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    QHostAddress address;
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost"))) {
        // Resolves to both loopback addresses; delivery would refuse it unless both are allowed.
        if (!allows(QHostAddress(QHostAddress::LocalHost))
            || !allows(QHostAddress(QHostAddress::LocalHostIPv6)))
            return QStringLiteral("url must not name this machine (localhost)");
        return QString();
    }
    if (!address.setAddress(host))
        return QString(); // a name: every address it resolves to is checked at delivery
    if (!allows(address)) {
        return QStringLiteral(
            "url must not target a private, loopback, link-local or other internal address "
            "(an administrator can allow a range with CORKBOARD_WEBHOOK_ALLOW)");
    }
    return QString();
}

} // namespace corkboard
