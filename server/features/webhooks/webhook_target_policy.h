#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace corkboard {

//! Which addresses a webhook may reach. A webhook is written by any board owner but sent from
//! the server's network position, so everything that is not plainly the public Internet is
//! refused: private (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10), loopback, link-local
//! (169.254/16 with the cloud metadata address, fe80::/10), ULA (fc00::/7), unspecified,
//! multicast, broadcast, reserved and documentation ranges, and this host's own interface
//! addresses. IPv4 inside IPv6 (mapped, NAT64, 6to4) is judged by its IPv4 part. The
//! administrator's allowlist (CORKBOARD_WEBHOOK_ALLOW, CIDRs) opens chosen ranges again; it can
//! never open unspecified, multicast or broadcast addresses, which are not places to POST to.
class WebhookTargetPolicy
{
public:
    //! `allowCidrs` as validated by the config ("10.0.5.0/24", "fd12::/64", "127.0.0.1/32").
    //! `ownAddresses`: the host's interface addresses (default: read from the system).
    explicit WebhookTargetPolicy(const QStringList &allowCidrs);
    WebhookTargetPolicy(const QStringList &allowCidrs, QList<QHostAddress> ownAddresses);

    bool allows(const QHostAddress &address) const;
    //! For a URL host at creation: empty when acceptable, else a sentence saying why not. Names
    //! are resolved (and every address checked) only at delivery; here literal addresses and
    //! the names that always mean this machine (`localhost`, `*.localhost`) are judged.
    QString hostProblem(const QString &host) const;

private:
    bool allowlisted(const QHostAddress &address) const;
    bool internal(const QHostAddress &address) const;

    QList<QPair<QHostAddress, int>> m_allow;
    QList<QHostAddress> m_own;
};

} // namespace corkboard
