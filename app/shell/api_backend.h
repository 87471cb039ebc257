#pragma once

#include "app/shell/backend.h"
#include "app/shell/desktop_session.h"
#include "shared/client/api_result.h"
#include "shared/dto/user.h"

#include <QFuture>
#include <QTimer>
#include <memory>

namespace corkboard::client {
class ApiClient;
class AuthApi;
class BoardsApi;
class CardsApi;
class LiveClient;
class NotificationsApi;
class WebhooksApi;
class ServerApi;
class TokenStore;
class UsersApi;
} // namespace corkboard::client

namespace corkboard::ui {

class AppSettings;

//! The Backend over the typed client: ApiClient for calls, LiveClient for live events,
//! the keychain for the refresh token. The same for the embedded server and a team's server.
class ApiBackend : public Backend
{
    Q_OBJECT
public:
    //! `settings` remembers which account was signed in last on this server (an id, no secret).
    ApiBackend(const QUrl &serverUrl, std::shared_ptr<client::TokenStore> tokens,
        AppSettings *settings, QObject *parent = nullptr);
    ~ApiBackend() override;

    client::ApiClient *api() const { return m_api; }
    client::LiveClient *live() const { return m_live; }
    //! How often the server's health is checked while signed in (tests make it short).
    void setProbeInterval(int ms);

    QString serverUrl() const override;
    void suspend() override;
    void resumeAfterCertificate() override;
    std::optional<User> account() const override { return m_account; }
    void registerAccount(QObject *context, const QString &email, const QString &password,
        const QString &displayName, const QString &inviteCode, Callback<User> done) override;
    void signIn(QObject *context, const QString &email, const QString &password,
        Callback<User> done) override;
    void resumeSession(QObject *context, Callback<User> done) override;
    void signOut() override;
    void listBoards(QObject *context, Callback<QList<Board>> done) override;
    void createBoard(QObject *context, const QString &name, Callback<Board> done) override;
    void deleteBoard(QObject *context, const QString &boardId, Callback<Nothing> done) override;
    void updateBoard(QObject *context, const QString &boardId, std::optional<QString> name,
        std::optional<bool> archived, Callback<Board> done) override;
    void loadBoard(QObject *context, const QString &boardId, Callback<BoardSnapshot> done) override;
    void watchBoard(const QString &boardId, qint64 sinceSeq) override;
    void unwatchBoard(const QString &boardId) override;
    void createColumn(QObject *context, const QString &boardId, const QString &name,
        Callback<Column> done) override;
    void moveColumn(QObject *context, const QString &columnId, const QString &afterColumnId,
        Callback<Column> done) override;
    void createCard(QObject *context, const QString &boardId, const QString &columnId,
        const QString &title, const QString &afterCardId, Callback<Card> done,
        bool atTop = false) override;
    void moveCard(QObject *context, const QString &cardId, const QString &columnId,
        const QString &afterCardId, const QString &beforeCardId, Callback<Card> done) override;
    void loadCard(QObject *context, const QString &cardId, Callback<CardDetail> done) override;
    void setCardArchived(
        QObject *context, const QString &cardId, bool archived, Callback<Card> done) override;
    void deleteCard(QObject *context, const QString &cardId, Callback<Nothing> done) override;
    void archivedCards(
        QObject *context, const QString &boardId, Callback<QList<Card>> done) override;
    void updateColumn(QObject *context, const QString &columnId, std::optional<QString> name,
        std::optional<int> wipLimit, Callback<Column> done) override;
    void deleteColumn(QObject *context, const QString &columnId, const QString &moveCardsTo,
        Callback<Nothing> done) override;
    void updateCard(QObject *context, const QString &cardId, qint64 version,
        const client::CardPatch &patch, Callback<Card> done) override;
    void addChecklistItem(QObject *context, const QString &cardId, const QString &text,
        Callback<ChecklistItem> done) override;
    void setChecklistItemDone(QObject *context, const QString &itemId, bool done,
        Callback<ChecklistItem> doneCb) override;
    void addComment(QObject *context, const QString &cardId, const QString &body,
        const QStringList &mentionIds, Callback<Comment> done) override;
    void cardActivity(QObject *context, const QString &boardId, const QString &cardId,
        const QString &cursor, Callback<client::Page<ActivityEntry>> done) override;
    void listMembers(
        QObject *context, const QString &boardId, Callback<QList<BoardMember>> done) override;
    void setMemberRole(QObject *context, const QString &boardId, const QString &userId,
        const QString &role, Callback<BoardMember> done) override;
    void removeMember(QObject *context, const QString &boardId, const QString &userId,
        Callback<Nothing> done) override;
    void findUsers(
        QObject *context, const QString &query, Callback<QList<UserSummary>> done) override;
    void listPeople(QObject *context, Callback<QList<UserSummary>> done) override;
    void setUserRole(QObject *context, const QString &userId, const QString &role, bool disabled,
        Callback<User> done) override;
    void listInvites(QObject *context, Callback<QList<Invite>> done) override;
    void createInvite(QObject *context, const QString &role, Callback<Invite> done) override;
    void deleteInvite(QObject *context, const QString &code, Callback<Nothing> done) override;
    void updateMyName(QObject *context, const QString &displayName, Callback<User> done) override;
    void changePassword(QObject *context, const QString &currentPassword,
        const QString &newPassword, Callback<Nothing> done) override;
    void listSessions(QObject *context, Callback<QList<Session>> done) override;
    void revokeSession(QObject *context, const QString &sessionId, Callback<Nothing> done) override;
    void listWebhooks(
        QObject *context, const QString &boardId, Callback<QList<Webhook>> done) override;
    void createWebhook(QObject *context, const QString &boardId, const QString &url,
        const QStringList &events, Callback<Webhook> done) override;
    void deleteWebhook(QObject *context, const QString &webhookId, Callback<Nothing> done) override;
    void webhookDeliveries(
        QObject *context, const QString &webhookId, Callback<QList<WebhookDelivery>> done) override;
    void listNotifications(QObject *context, Callback<QList<Notification>> done) override;
    void markNotificationRead(QObject *context, const QString &id, Callback<Nothing> done) override;
    void markAllNotificationsRead(QObject *context, Callback<Nothing> done) override;
    void listComments(
        QObject *context, const QString &cardId, Callback<QList<Comment>> done) override;
    void editComment(QObject *context, const QString &commentId, const QString &body,
        Callback<Comment> done) override;
    void deleteComment(QObject *context, const QString &commentId, Callback<Nothing> done) override;
    void editChecklistItem(QObject *context, const QString &itemId, const QString &text,
        Callback<ChecklistItem> done) override;
    void deleteChecklistItem(
        QObject *context, const QString &itemId, Callback<Nothing> done) override;
    void moveChecklistItem(QObject *context, const QString &itemId, const QString &afterItemId,
        Callback<ChecklistItem> done) override;
    void createLabel(QObject *context, const QString &boardId, const QString &name,
        const QString &color, Callback<Label> done) override;
    void updateLabel(QObject *context, const QString &labelId, std::optional<QString> name,
        std::optional<QString> color, Callback<Label> done) override;
    void deleteLabel(QObject *context, const QString &labelId, Callback<Nothing> done) override;
    void search(QObject *context, const QString &query, Callback<QList<SearchHit>> done) override;
    QString knownBoardName(const QString &boardId) const override
    {
        return m_boardNames.value(boardId);
    }
    AttachmentTransfers *attachments() const override { return m_attachments; }

private:
    void adopt(QObject *context, QFuture<client::ApiResult<User>> signedIn, Callback<User> done);
    void startLive();
    void holdForCertificate(const client::ApiError &error);
    void probe();
    void setConnectivity(Connectivity state);
    void updateConnectivity();

    AppSettings *m_settings;
    std::shared_ptr<client::TokenStore> m_tokens;
    client::ApiClient *m_api;
    client::ApiClient *m_probeClient; //!< unauthenticated /health checks only
    bool m_certificateHeld = false; //!< refused certificate: waiting for the person's review
    client::LiveClient *m_live;
    std::unique_ptr<client::BoardsApi> m_boards;
    std::unique_ptr<client::CardsApi> m_cards;
    std::unique_ptr<client::ServerApi> m_server;
    std::unique_ptr<client::UsersApi> m_users;
    std::unique_ptr<client::AuthApi> m_auth;
    std::unique_ptr<client::NotificationsApi> m_notifications;
    std::unique_ptr<client::WebhooksApi> m_webhooks;
    AttachmentTransfers *m_attachments = nullptr;
    std::optional<User> m_account;
    QHash<QString, QString> m_names; //!< user id → display name (board members seen)
    QHash<QString, QString> m_boardNames;
    QTimer m_probe;
    bool m_serverReachable = true;
    bool m_liveReady = false;
    Connectivity m_state = Connectivity::Online;
};

//! The factory of the real backend (keychain token store) for DesktopSession.
DesktopSession::BackendFactory apiBackendFactory(AppSettings *settings);

} // namespace corkboard::ui
