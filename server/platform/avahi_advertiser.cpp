// The Avahi implementation of ServiceAdvertiser: libavahi-client on its own threaded poll, so
// nothing here ever blocks the server's threads. Every call into Avahi from outside its thread
// holds the poll's lock, as libavahi-client requires.
#include "server/platform/log.h"
#include "server/platform/service_advertiser.h"

#include <QMutex>

#include <avahi-client/client.h>
#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-common/strlst.h>
#include <avahi-common/thread-watch.h>

namespace corkboard {

namespace {

class AvahiAdvertiser final : public ServiceAdvertiser
{
public:
    AvahiAdvertiser() = default;
    ~AvahiAdvertiser() override { stop(); }

    void publish(const QString &name, quint16 port, const DiscoveryRecord &record) override
    {
        if (!m_poll) {
            m_name = name.toUtf8().left(63); // a DNS label
            m_port = port;
            m_txt = record.toTxt();
            start();
            return;
        }
        avahi_threaded_poll_lock(m_poll);
        m_port = port;
        m_txt = record.toTxt(); // the name stays (it may have been renamed after a collision)
        if (m_group && !avahi_entry_group_is_empty(m_group)) {
            AvahiStringList *txt = txtList();
            avahi_entry_group_update_service_txt_strlst(m_group, AVAHI_IF_UNSPEC,
                AVAHI_PROTO_UNSPEC, AvahiPublishFlags(0), m_name.constData(),
                DiscoveryRecord::kServiceType, nullptr, txt);
            avahi_string_list_free(txt);
        } else if (m_client && avahi_client_get_state(m_client) == AVAHI_CLIENT_S_RUNNING) {
            createServices(m_client);
        }
        avahi_threaded_poll_unlock(m_poll);
    }

    void withdraw() override { stop(); }

private:
    void start()
    {
        m_poll = avahi_threaded_poll_new();
        if (!m_poll)
            return;
        int error = 0;
        // NO_FAIL: no daemon yet is not an error; the client connects when one appears.
        m_client = avahi_client_new(avahi_threaded_poll_get(m_poll), AVAHI_CLIENT_NO_FAIL,
            &AvahiAdvertiser::onClientState, this, &error);
        if (!m_client) {
            logging::write(lcServer(), QtWarningMsg,
                QStringLiteral("LAN discovery unavailable: Avahi client failed"),
                {{QStringLiteral("error"), QString::fromUtf8(avahi_strerror(error))}});
            avahi_threaded_poll_free(m_poll);
            m_poll = nullptr;
            return;
        }
        avahi_threaded_poll_start(m_poll);
    }

    void stop()
    {
        if (!m_poll)
            return;
        avahi_threaded_poll_stop(m_poll);
        if (m_client)
            avahi_client_free(m_client); // frees the entry group too
        m_client = nullptr;
        m_group = nullptr;
        avahi_threaded_poll_free(m_poll);
        m_poll = nullptr;
    }

    AvahiStringList *txtList() const
    {
        AvahiStringList *list = nullptr;
        for (qsizetype i = m_txt.size() - 1; i >= 0; --i)
            list = avahi_string_list_add(list, m_txt.at(i).constData());
        return list;
    }

    // Runs on Avahi's thread (the poll lock is held).
    void createServices(AvahiClient *client)
    {
        if (!m_group)
            m_group = avahi_entry_group_new(client, &AvahiAdvertiser::onGroupState, this);
        if (!m_group)
            return;
        avahi_entry_group_reset(m_group);
        AvahiStringList *txt = txtList();
        int rc = avahi_entry_group_add_service_strlst(m_group, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC,
            AvahiPublishFlags(0), m_name.constData(), DiscoveryRecord::kServiceType, nullptr,
            nullptr, m_port, txt);
        avahi_string_list_free(txt);
        if (rc == AVAHI_ERR_COLLISION) {
            rename();
            createServices(client);
            return;
        }
        if (rc >= 0)
            rc = avahi_entry_group_commit(m_group);
        if (rc < 0) {
            logging::write(lcServer(), QtWarningMsg,
                QStringLiteral("LAN discovery: could not announce the server"),
                {{QStringLiteral("error"), QString::fromUtf8(avahi_strerror(rc))}});
        }
    }

    void rename()
    {
        char *alternative = avahi_alternative_service_name(m_name.constData());
        m_name = QByteArray(alternative);
        avahi_free(alternative);
    }

    static void onClientState(AvahiClient *client, AvahiClientState state, void *self)
    {
        auto *me = static_cast<AvahiAdvertiser *>(self);
        switch (state) {
        case AVAHI_CLIENT_S_RUNNING:
            me->createServices(client);
            logging::write(lcServer(), QtInfoMsg, QStringLiteral("announced on the LAN (DNS-SD)"),
                {{QStringLiteral("name"), QString::fromUtf8(me->m_name)},
                    {QStringLiteral("type"), QLatin1String(DiscoveryRecord::kServiceType)}});
            break;
        case AVAHI_CLIENT_S_COLLISION:
        case AVAHI_CLIENT_S_REGISTERING:
            if (me->m_group)
                avahi_entry_group_reset(me->m_group);
            break;
        case AVAHI_CLIENT_CONNECTING:
            logging::write(lcServer(), QtInfoMsg,
                QStringLiteral("LAN discovery waits for the Avahi daemon (not running); the "
                               "address can be typed in meanwhile"));
            break;
        case AVAHI_CLIENT_FAILURE:
            logging::write(lcServer(), QtWarningMsg, QStringLiteral("LAN discovery failed"),
                {{QStringLiteral("error"),
                    QString::fromUtf8(avahi_strerror(avahi_client_errno(client)))}});
            break;
        }
    }

    static void onGroupState(AvahiEntryGroup *group, AvahiEntryGroupState state, void *self)
    {
        auto *me = static_cast<AvahiAdvertiser *>(self);
        if (state == AVAHI_ENTRY_GROUP_COLLISION) {
            // Another server on the LAN has this name: take "name #2" and announce again.
            me->rename();
            me->createServices(avahi_entry_group_get_client(group));
        }
    }

    AvahiThreadedPoll *m_poll = nullptr;
    AvahiClient *m_client = nullptr;
    AvahiEntryGroup *m_group = nullptr;
    QByteArray m_name;
    quint16 m_port = 0;
    QList<QByteArray> m_txt;
};

} // namespace

std::unique_ptr<ServiceAdvertiser> makeServiceAdvertiser()
{
    return std::make_unique<AvahiAdvertiser>();
}

} // namespace corkboard
