#include "app/shell/api_backend.h"

#include "app/cards/attachment_transfers.h"
#include "app/shell/api_backend_util.h"
#include "app/shell/app_settings.h"
#include "shared/client/api_decode.h"
#include "shared/client/auth_api.h"
#include "shared/client/boards_api.h"
#include "shared/client/cards_api.h"
#include "shared/client/error_presenter.h"
#include "shared/client/keychain_token_store.h"
#include "shared/client/live_client.h"
#include "shared/client/notifications_api.h"
#include "shared/client/server_api.h"
#include "shared/client/webhooks_api.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace corkboard::ui {

using client::ApiRequest;
using client::ApiResponse;
using client::ApiResult;

UiError uiError(const client::ApiError &e)
{
    UiError out;
    out.status = e.isTransport() ? 0 : e.status;
    if (e.code)
        out.code = errorCodeName(*e.code);
    out.message = client::ErrorPresenter::message(e);
    out.fieldErrors = client::ErrorPresenter::fieldMessages(e);
    const QJsonObject current = e.extra.value(QStringLiteral("current")).toObject();
    if (e.status == 412 && current.contains(QStringLiteral("column_id")))
        out.currentCard = cardFromJson(current);
    return out;
}

namespace {

//! The health probe answers at once: no retries, short timeout (a retrying probe would still be
//! in flight long after the server went away).
client::ApiClient::Options probeOptions()
{
    client::ApiClient::Options o;
    o.maxRetries = 0;
    o.timeoutMs = 3000;
    return o;
}

UiError notSignedIn()
{
    return uiError(
        client::ApiError::session(ErrorCode::Unauthenticated, QStringLiteral("not signed in")));
}

} // namespace

ApiBackend::ApiBackend(const QUrl &serverUrl, std::shared_ptr<client::TokenStore> tokens,
    AppSettings *settings, QObject *parent)
    : Backend(parent)
    , m_settings(settings)
    , m_tokens(std::move(tokens))
    , m_api(new client::ApiClient(serverUrl, m_tokens, this))
    , m_probeClient(new client::ApiClient(serverUrl, m_tokens, probeOptions(), this))
    , m_live(new client::LiveClient(m_api->liveUrl(), this))
    , m_boards(std::make_unique<client::BoardsApi>(*m_api))
    , m_cards(std::make_unique<client::CardsApi>(*m_api))
    , m_server(std::make_unique<client::ServerApi>(*m_probeClient))
    , m_users(std::make_unique<client::UsersApi>(*m_api))
    , m_auth(std::make_unique<client::AuthApi>(*m_api))
    , m_notifications(std::make_unique<client::NotificationsApi>(*m_api))
    , m_webhooks(std::make_unique<client::WebhooksApi>(*m_api))
{
    if (m_settings) {
        m_api->setServerTrust(m_settings->serverTrust());
        m_probeClient->setServerTrust(m_settings->serverTrust());
    }
    m_live->attach(m_api);
    m_attachments = new AttachmentTransfers(
        m_api, client::UploadResumeStore(m_settings ? m_settings->file() : QString()), this);
    connect(m_api, &client::ApiClient::sessionEnded, this, [this] {
        m_account.reset();
        m_live->close();
        m_probe.stop();
        Q_EMIT sessionEnded();
    });
    connect(m_api, &client::ApiClient::connectivityChanged, this,
        [this](client::ApiClient::Connectivity c) {
            m_serverReachable = c == client::ApiClient::Connectivity::Online;
            updateConnectivity();
        });
    connect(m_live, &client::LiveClient::stateChanged, this, [this](client::LiveClient::State s) {
        const bool wasReady = m_liveReady;
        m_liveReady = s == client::LiveClient::State::Ready;
        if (wasReady && !m_liveReady)
            probe(); // the socket dropped: is the server gone?
        updateConnectivity();
    });
    connect(m_live, &client::LiveClient::eventReceived, this, [this](const EventEnvelope &e) {
        if (e.type == QLatin1String("member.added") || e.type == QLatin1String("member.updated")) {
            const BoardMember m = boardMemberFromJson(QJsonDocument::fromJson(e.data).object());
            m_names.insert(m.userId, m.displayName);
        }
        if (e.type == QLatin1String("presence.changed")) {
            QStringList names;
            const QJsonObject data = QJsonDocument::fromJson(e.data).object();
            // {board_id, viewers: [{user_id}]}: names come from the board's members we know.
            const QString me = m_account ? m_account->id : QString();
            for (const QJsonValue &v : data.value(QStringLiteral("viewers")).toArray()) {
                const QString id = v.toObject().value(QStringLiteral("user_id")).toString();
                if (!id.isEmpty() && id != me)
                    names << m_names.value(id, tr("someone"));
            }
            Q_EMIT presenceChanged(e.boardId, names);
            return;
        }
        Q_EMIT boardEvent(e);
    });
    connect(m_api, &client::ApiClient::certificateRefused, this, &ApiBackend::holdForCertificate);
    connect(m_live, &client::LiveClient::certificateRefused, this, &ApiBackend::holdForCertificate);
    connect(m_live, &client::LiveClient::resyncRequired, this, &Backend::boardResyncNeeded);
    connect(m_live, &client::LiveClient::notificationReceived, this, [this](const QJsonObject &o) {
        Notification n;
        if (fromJson(o, n))
            Q_EMIT notificationReceived(n);
    });
    m_probe.setInterval(5000);
    connect(&m_probe, &QTimer::timeout, this, &ApiBackend::probe);
}

ApiBackend::~ApiBackend()
{
    m_live->close();
}

void ApiBackend::holdForCertificate(const client::ApiError &error)
{
    if (m_certificateHeld)
        return; // one review at a time; the live client keeps trying meanwhile otherwise
    m_certificateHeld = true;
    m_live->close();
    m_probe.stop();
    Q_EMIT certificateRefused(client::ErrorPresenter::message(error));
}

void ApiBackend::resumeAfterCertificate()
{
    m_certificateHeld = false;
    if (m_account)
        startLive();
}

void ApiBackend::suspend()
{
    m_probe.stop();
    m_live->close();
}

QString ApiBackend::serverUrl() const
{
    return m_api->serverUrl().toString();
}

void ApiBackend::setProbeInterval(int ms)
{
    m_probe.setInterval(ms);
}

void ApiBackend::probe()
{
    m_server->health().then(this, [this](const ApiResult<client::NoContent> &r) {
        m_serverReachable = r.isOk();
        updateConnectivity();
    });
}

void ApiBackend::updateConnectivity()
{
    Connectivity state = Connectivity::Online;
    if (!m_serverReachable)
        state = Connectivity::Offline;
    else if (m_live->state() == client::LiveClient::State::WaitingToReconnect && m_account)
        state = Connectivity::Reconnecting;
    setConnectivity(state);
}

void ApiBackend::setConnectivity(Connectivity state)
{
    if (state == m_state)
        return;
    const bool wasOffline = m_state == Connectivity::Offline;
    m_state = state;
    Q_EMIT connectivityChanged(state);
    // Back online: resumable uploads that gave up while the network was away go on (from the
    // server's offset).
    if (wasOffline && state == Connectivity::Online && m_account)
        m_attachments->resumeUnfinished();
}

void ApiBackend::startLive()
{
    m_live->open();
    m_probe.start();
}

void ApiBackend::adopt(QObject *context, QFuture<ApiResult<User>> signedIn, Callback<User> done)
{
    // AuthApi has filed the tokens with the ApiClient's session by the time this runs.
    signedIn.then(context, [this, done = std::move(done)](const ApiResult<User> &r) {
        if (!r) {
            done(Outcome<User>::failure(uiError(r.error())));
            return;
        }
        m_account = r.value();
        m_names.insert(r.value().id, r.value().displayName);
        m_settings->setAccountFor(serverUrl(), r.value().id);
        startLive();
        m_attachments->resumeUnfinished(); // uploads an earlier run left unfinished
        done(Outcome<User>::success(*m_account));
    });
}

void ApiBackend::registerAccount(QObject *context, const QString &email, const QString &password,
    const QString &displayName, const QString &inviteCode, Callback<User> done)
{
    adopt(context,
        m_auth->registerAccount(email, password, displayName,
            inviteCode.isEmpty() ? std::nullopt : std::optional<QString>(inviteCode)),
        std::move(done));
}

void ApiBackend::signIn(
    QObject *context, const QString &email, const QString &password, Callback<User> done)
{
    adopt(context, m_auth->login(email, password), std::move(done));
}

void ApiBackend::resumeSession(QObject *context, Callback<User> done)
{
    const QString accountId = m_settings->accountFor(serverUrl());
    if (accountId.isEmpty()) {
        QTimer::singleShot(
            0, context, [done = std::move(done)] { done(Outcome<User>::failure(notSignedIn())); });
        return;
    }
    m_api->restoreSession(accountId).then(
        context, [this, context, done = std::move(done)](const ApiResult<client::NoContent> &r) {
            if (!r) {
                done(Outcome<User>::failure(uiError(r.error())));
                return;
            }
            m_users->me().then(context, [this, done](const ApiResult<User> &me) {
                if (!me) {
                    done(Outcome<User>::failure(uiError(me.error())));
                    return;
                }
                m_account = me.value();
                m_names.insert(m_account->id, m_account->displayName);
                startLive();
                m_attachments->resumeUnfinished();
                done(Outcome<User>::success(*m_account));
            });
        });
}

void ApiBackend::signOut()
{
    m_live->close();
    m_probe.stop();
    m_account.reset();
    m_settings->setAccountFor(serverUrl(), QString());
    // The server revokes the refresh token; locally it is forgotten even when offline.
    m_auth->logout();
}

} // namespace corkboard::ui
