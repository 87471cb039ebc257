// The Avahi implementation of ServerBrowser: libavahi-client on its own threaded poll; results
// are handed to the browser's thread with queued calls, so signals arrive where Qt expects.
#include "shared/client/client_log.h"
#include "shared/client/server_browser.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>
#include <functional>

#include <avahi-client/client.h>
#include <avahi-client/lookup.h>
#include <avahi-common/address.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-common/strlst.h>
#include <avahi-common/thread-watch.h>

namespace corkboard::client {

namespace {

class AvahiServerBrowser final : public ServerBrowser
{
public:
    AvahiServerBrowser() = default;

    ~AvahiServerBrowser() override
    {
        if (!m_poll)
            return;
        avahi_threaded_poll_stop(m_poll);
        if (m_client)
            avahi_client_free(m_client); // frees browser and resolvers
        avahi_threaded_poll_free(m_poll);
    }

    void start() override
    {
        if (m_poll)
            return;
        m_poll = avahi_threaded_poll_new();
        if (!m_poll) {
            setAvailable(false, tr("Discovery is unavailable on this computer."));
            return;
        }
        int error = 0;
        m_client = avahi_client_new(avahi_threaded_poll_get(m_poll), AVAHI_CLIENT_NO_FAIL,
            &AvahiServerBrowser::onClientState, this, &error);
        if (!m_client) {
            setAvailable(false,
                tr("Discovery is unavailable (%1). Enter the server's address instead.")
                    .arg(QString::fromUtf8(avahi_strerror(error))));
            return;
        }
        avahi_threaded_poll_start(m_poll);
    }

    bool isAvailable() const override { return m_available; }

private:
    // Called on Avahi's thread or (from start) on ours; the QPointer dies with this object.
    void post(std::function<void(AvahiServerBrowser *)> f)
    {
        QPointer<AvahiServerBrowser> self(this);
        QMetaObject::invokeMethod(
            this,
            [self, f = std::move(f)] {
                if (self)
                    f(self);
            },
            Qt::QueuedConnection);
    }

    void setAvailable(bool available, const QString &reason)
    {
        if (m_available == available && m_reason == reason)
            return;
        m_available = available;
        m_reason = reason;
        Q_EMIT availabilityChanged(available, reason);
    }

    static void onClientState(AvahiClient *client, AvahiClientState state, void *data)
    {
        auto *me = static_cast<AvahiServerBrowser *>(data);
        if (state == AVAHI_CLIENT_S_RUNNING) {
            if (!me->m_browser) {
                me->m_browser = avahi_service_browser_new(client, AVAHI_IF_UNSPEC,
                    AVAHI_PROTO_UNSPEC, DiscoveryRecord::kServiceType, nullptr, AvahiLookupFlags(0),
                    &AvahiServerBrowser::onBrowse, me);
            }
            me->post([](AvahiServerBrowser *b) { b->setAvailable(true, QString()); });
        } else if (state == AVAHI_CLIENT_CONNECTING || state == AVAHI_CLIENT_FAILURE) {
            // The daemon is not running (or went away): say so; typing an address still works.
            me->m_browser = nullptr; // freed with the client's objects on failure
            me->m_resolvers.clear();
            me->m_instances.clear();
            me->post([](AvahiServerBrowser *b) {
                b->setAvailable(false,
                    tr("Discovery is unavailable: the Avahi service is not running. Enter the "
                       "server's address instead."));
            });
        }
    }

    static void onBrowse(AvahiServiceBrowser *browser, AvahiIfIndex iface, AvahiProtocol protocol,
        AvahiBrowserEvent event, const char *name, const char *type, const char *domain,
        AvahiLookupResultFlags, void *data)
    {
        auto *me = static_cast<AvahiServerBrowser *>(data);
        AvahiClient *client = avahi_service_browser_get_client(browser);
        const QString service = QString::fromUtf8(name ? name : "");
        switch (event) {
        case AVAHI_BROWSER_NEW: {
            // One per interface and protocol; each resolver stays for as long as the instance
            // does: the first answer may come from the daemon's cache (a server of the same name
            // that just stopped, with its old port), and a live resolver reports the new records
            // when they replace it.
            ++me->m_instances[service];
            const QString key = resolverKey(service, iface, protocol);
            if (!me->m_resolvers.contains(key)) {
                me->m_resolvers.insert(key,
                    avahi_service_resolver_new(client, iface, protocol, name, type, domain,
                        AVAHI_PROTO_UNSPEC, AvahiLookupFlags(0), &AvahiServerBrowser::onResolved,
                        me));
            }
            break;
        }
        case AVAHI_BROWSER_REMOVE:
            if (AvahiServiceResolver *r
                = me->m_resolvers.take(resolverKey(service, iface, protocol)))
                avahi_service_resolver_free(r);
            if (--me->m_instances[service] <= 0) {
                me->m_instances.remove(service);
                me->post([service](AvahiServerBrowser *b) { Q_EMIT b->lost(service); });
            }
            break;
        case AVAHI_BROWSER_FAILURE:
            me->post([](AvahiServerBrowser *b) {
                b->setAvailable(false, tr("Discovery stopped working. Enter the address instead."));
            });
            break;
        case AVAHI_BROWSER_ALL_FOR_NOW:
        case AVAHI_BROWSER_CACHE_EXHAUSTED:
            break;
        }
    }

    static QString resolverKey(const QString &name, AvahiIfIndex iface, AvahiProtocol protocol)
    {
        return name + QLatin1Char('/') + QString::number(iface) + QLatin1Char('/')
            + QString::number(protocol);
    }

    static void onResolved(AvahiServiceResolver *, AvahiIfIndex, AvahiProtocol,
        AvahiResolverEvent event, const char *name, const char *, const char *, const char *,
        const AvahiAddress *address, uint16_t port, AvahiStringList *txt, AvahiLookupResultFlags,
        void *data)
    {
        auto *me = static_cast<AvahiServerBrowser *>(data);
        if (event == AVAHI_RESOLVER_FOUND && address) {
            char text[AVAHI_ADDRESS_STR_MAX] = {};
            avahi_address_snprint(text, sizeof text, address);
            QList<QByteArray> entries;
            for (AvahiStringList *i = txt; i; i = avahi_string_list_get_next(i)) {
                entries.append(
                    QByteArray(reinterpret_cast<const char *>(avahi_string_list_get_text(i)),
                        int(avahi_string_list_get_size(i))));
            }
            bool ok = false;
            DiscoveredServer server;
            server.name = QString::fromUtf8(name);
            server.host = QString::fromLatin1(text);
            server.port = port;
            server.record = DiscoveryRecord::fromTxt(entries, &ok);
            if (ok)
                me->post([server](AvahiServerBrowser *b) { Q_EMIT b->found(server); });
        }
        // Kept (see onBrowse): freed on REMOVE, or with the client.
    }

    AvahiThreadedPoll *m_poll = nullptr;
    AvahiClient *m_client = nullptr;
    AvahiServiceBrowser *m_browser = nullptr; //!< Avahi's thread only
    QHash<QString, int> m_instances; //!< Avahi's thread only
    //! name/interface/protocol → its resolver; Avahi's thread only
    QHash<QString, AvahiServiceResolver *> m_resolvers;
    bool m_available = true;
    QString m_reason;
};

} // namespace

std::unique_ptr<ServerBrowser> makeServerBrowser()
{
    return std::make_unique<AvahiServerBrowser>();
}

} // namespace corkboard::client
