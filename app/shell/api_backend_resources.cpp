// ApiBackend, second half: boards, columns, labels, people, notifications and search (cards,
// checklists and comments: api_backend_cards.cpp). Values reach the window as the typed client
// decoded them.
#include "app/shell/api_backend.h"
#include "app/shell/api_backend_util.h"
#include "shared/client/auth_api.h"
#include "shared/client/boards_api.h"
#include "shared/client/keychain_token_store.h"
#include "shared/client/live_client.h"
#include "shared/client/notifications_api.h"
#include "shared/client/webhooks_api.h"

namespace corkboard::ui {

using client::ApiResult;
using detail::deliver;

namespace {
template<class T>
QList<T> itemsOf(const client::Page<T> &page)
{
    return page.items;
}
Nothing nothing(const client::NoContent &)
{
    return {};
}
} // namespace

void ApiBackend::listBoards(QObject *context, Callback<QList<Board>> done)
{
    client::PageRequest page;
    page.limit = 200;
    deliver(m_boards->boards(page), context, std::move(done), [this](const client::Page<Board> &p) {
        for (const auto &b : p.items)
            m_boardNames.insert(b.id, b.name);
        return p.items;
    });
}

void ApiBackend::deleteBoard(QObject *context, const QString &boardId, Callback<Nothing> done)
{
    deliver(m_boards->deleteBoard(boardId), context, std::move(done), nothing);
}

void ApiBackend::createBoard(QObject *context, const QString &name, Callback<Board> done)
{
    deliver(m_boards->createBoard(name), context, std::move(done),
        [](const BoardSnapshot &s) { return s.board; });
}

void ApiBackend::updateBoard(QObject *context, const QString &boardId, std::optional<QString> name,
    std::optional<bool> archived, Callback<Board> done)
{
    client::BoardPatch patch;
    patch.name = std::move(name);
    patch.archived = archived;
    deliver(m_boards->updateBoard(boardId, patch), context, std::move(done));
}

void ApiBackend::loadBoard(QObject *context, const QString &boardId, Callback<BoardSnapshot> done)
{
    deliver(m_boards->snapshot(boardId), context, std::move(done), [this](const BoardSnapshot &s) {
        for (const auto &m : s.members)
            m_names.insert(m.userId, m.displayName);
        m_boardNames.insert(s.board.id, s.board.name);
        return s;
    });
}

void ApiBackend::watchBoard(const QString &boardId, qint64 sinceSeq)
{
    m_live->subscribe(boardId, sinceSeq);
}

void ApiBackend::unwatchBoard(const QString &boardId)
{
    m_live->unsubscribe(boardId);
}

void ApiBackend::createColumn(
    QObject *context, const QString &boardId, const QString &name, Callback<Column> done)
{
    deliver(m_boards->createColumn(boardId, name), context, std::move(done));
}

void ApiBackend::moveColumn(
    QObject *context, const QString &columnId, const QString &afterColumnId, Callback<Column> done)
{
    client::ColumnPatch patch;
    patch.afterColumnId = afterColumnId;
    deliver(m_boards->updateColumn(columnId, patch), context, std::move(done));
}

void ApiBackend::archivedCards(QObject *context, const QString &boardId, Callback<QList<Card>> done)
{
    deliver(
        m_boards->snapshot(boardId, true), context, std::move(done), [](const BoardSnapshot &s) {
            QList<Card> out;
            for (const auto &c : s.cards) {
                if (c.archived)
                    out << c;
            }
            return out;
        });
}

void ApiBackend::updateColumn(QObject *context, const QString &columnId,
    std::optional<QString> name, std::optional<int> wipLimit, Callback<Column> done)
{
    client::ColumnPatch patch;
    patch.name = std::move(name);
    if (wipLimit)
        patch.wipLimit = *wipLimit > 0 ? std::optional<int>(*wipLimit) : std::nullopt;
    deliver(m_boards->updateColumn(columnId, patch), context, std::move(done));
}

void ApiBackend::deleteColumn(
    QObject *context, const QString &columnId, const QString &moveCardsTo, Callback<Nothing> done)
{
    deliver(m_boards->deleteColumn(columnId, moveCardsTo), context, std::move(done), nothing);
}

void ApiBackend::createLabel(QObject *context, const QString &boardId, const QString &name,
    const QString &color, Callback<Label> done)
{
    deliver(m_boards->createLabel(boardId, name, color), context, std::move(done));
}

void ApiBackend::updateLabel(QObject *context, const QString &labelId, std::optional<QString> name,
    std::optional<QString> color, Callback<Label> done)
{
    deliver(m_boards->updateLabel(labelId, name, color), context, std::move(done));
}

void ApiBackend::deleteLabel(QObject *context, const QString &labelId, Callback<Nothing> done)
{
    deliver(m_boards->deleteLabel(labelId), context, std::move(done), nothing);
}

void ApiBackend::cardActivity(QObject *context, const QString &boardId, const QString &cardId,
    const QString &cursor, Callback<client::Page<ActivityEntry>> done)
{
    client::PageRequest page;
    page.limit = 50;
    page.cursor = cursor;
    deliver(m_boards->activity(boardId, page, cardId), context, std::move(done));
}

void ApiBackend::listMembers(
    QObject *context, const QString &boardId, Callback<QList<BoardMember>> done)
{
    deliver(m_boards->members(boardId), context, std::move(done));
}

void ApiBackend::setMemberRole(QObject *context, const QString &boardId, const QString &userId,
    const QString &role, Callback<BoardMember> done)
{
    deliver(m_boards->setMember(boardId, userId, role), context, std::move(done));
}

void ApiBackend::removeMember(
    QObject *context, const QString &boardId, const QString &userId, Callback<Nothing> done)
{
    deliver(m_boards->removeMember(boardId, userId), context, std::move(done), nothing);
}

// The directory entries are UserSummary (id, name, e-mail; role and disabled for admins):
// decoded as such by UsersApi, never as a full User (that left names and roles empty).
void ApiBackend::findUsers(
    QObject *context, const QString &query, Callback<QList<UserSummary>> done)
{
    client::PageRequest page;
    page.limit = 200;
    deliver(m_users->directory(query, page), context, std::move(done), itemsOf<UserSummary>);
}

void ApiBackend::listPeople(QObject *context, Callback<QList<UserSummary>> done)
{
    client::PageRequest page;
    page.limit = 200;
    deliver(
        m_users->directory(QString(), page, true), context, std::move(done), itemsOf<UserSummary>);
}

void ApiBackend::setUserRole(QObject *context, const QString &userId, const QString &role,
    bool disabled, Callback<User> done)
{
    deliver(m_users->adminUpdate(userId, role, disabled), context, std::move(done));
}

void ApiBackend::listInvites(QObject *context, Callback<QList<Invite>> done)
{
    deliver(m_auth->invites(), context, std::move(done));
}

void ApiBackend::createInvite(QObject *context, const QString &role, Callback<Invite> done)
{
    deliver(m_auth->createInvite(role), context, std::move(done));
}

void ApiBackend::deleteInvite(QObject *context, const QString &code, Callback<Nothing> done)
{
    deliver(m_auth->deleteInvite(code), context, std::move(done), nothing);
}

void ApiBackend::updateMyName(QObject *context, const QString &displayName, Callback<User> done)
{
    deliver(m_users->updateMe(displayName), context, std::move(done), [this](const User &u) {
        m_account = u;
        m_names.insert(u.id, u.displayName);
        return u;
    });
}

void ApiBackend::changePassword(QObject *context, const QString &currentPassword,
    const QString &newPassword, Callback<Nothing> done)
{
    deliver(
        m_users->changePassword(currentPassword, newPassword), context, std::move(done), nothing);
}

void ApiBackend::listSessions(QObject *context, Callback<QList<Session>> done)
{
    deliver(m_auth->sessions(), context, std::move(done));
}

void ApiBackend::revokeSession(QObject *context, const QString &sessionId, Callback<Nothing> done)
{
    deliver(m_auth->revokeSession(sessionId), context, std::move(done), nothing);
}

void ApiBackend::listWebhooks(
    QObject *context, const QString &boardId, Callback<QList<Webhook>> done)
{
    deliver(m_webhooks->webhooks(boardId), context, std::move(done));
}

void ApiBackend::createWebhook(QObject *context, const QString &boardId, const QString &url,
    const QStringList &events, Callback<Webhook> done)
{
    deliver(m_webhooks->createWebhook(boardId, url, events), context, std::move(done));
}

void ApiBackend::deleteWebhook(QObject *context, const QString &webhookId, Callback<Nothing> done)
{
    deliver(m_webhooks->deleteWebhook(webhookId), context, std::move(done), nothing);
}

void ApiBackend::webhookDeliveries(
    QObject *context, const QString &webhookId, Callback<QList<WebhookDelivery>> done)
{
    client::PageRequest page;
    page.limit = 50;
    deliver(m_webhooks->deliveries(webhookId, page), context, std::move(done),
        itemsOf<WebhookDelivery>);
}

void ApiBackend::listNotifications(QObject *context, Callback<QList<Notification>> done)
{
    client::PageRequest page;
    page.limit = 100;
    deliver(m_notifications->notifications(page), context, std::move(done), itemsOf<Notification>);
}

void ApiBackend::markNotificationRead(QObject *context, const QString &id, Callback<Nothing> done)
{
    deliver(m_notifications->markRead(id), context, std::move(done),
        [](const Notification &) { return Nothing {}; });
}

void ApiBackend::markAllNotificationsRead(QObject *context, Callback<Nothing> done)
{
    deliver(
        m_notifications->markAllRead(), context, std::move(done), [](int) { return Nothing {}; });
}

void ApiBackend::search(QObject *context, const QString &query, Callback<QList<SearchHit>> done)
{
    client::PageRequest page;
    page.limit = 20;
    deliver(m_boards->search(query, QString(), page), context, std::move(done), itemsOf<SearchHit>);
}

DesktopSession::BackendFactory apiBackendFactory(AppSettings *settings)
{
    auto store = std::make_shared<client::KeychainTokenStore>();
    return [settings, store](const QUrl &url, QObject *parent) -> Backend * {
        return new ApiBackend(url, store, settings, parent);
    };
}

} // namespace corkboard::ui
