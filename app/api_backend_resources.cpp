// ApiBackend, second half: boards, columns, cards, people, notifications and search.
#include "app/api_backend.h"
#include "app/api_backend_util.h"
#include "app/app_settings.h"
#include "shared/client/api_decode.h"
#include "shared/client/auth_api.h"
#include "shared/client/boards_api.h"
#include "shared/client/cards_api.h"
#include "shared/client/keychain_token_store.h"
#include "shared/client/live_client.h"
#include "shared/client/notifications_api.h"

namespace corkboard::ui {

using client::ApiRequest;
using client::ApiResponse;
using client::ApiResult;
using detail::deliver;

void ApiBackend::listBoards(QObject *context, Callback<QList<BoardSummary>> done)
{
    client::PageRequest page;
    page.limit = 200;
    deliver(m_boards->boards(page), context, std::move(done),
        [this](const client::Page<::corkboard::Board> &p) {
            QList<BoardSummary> out;
            for (const auto &b : p.items) {
                out << convert::board(b);
                m_boardNames.insert(b.id, b.name);
            }
            return out;
        });
}

void ApiBackend::createBoard(QObject *context, const QString &name, Callback<BoardSummary> done)
{
    deliver(m_boards->createBoard(name), context, std::move(done),
        [](const ::corkboard::BoardSnapshot &s) { return convert::board(s.board); });
}

void ApiBackend::updateBoard(QObject *context, const QString &boardId, std::optional<QString> name,
    std::optional<bool> archived, Callback<BoardSummary> done)
{
    client::BoardPatch patch;
    patch.name = std::move(name);
    patch.archived = archived;
    deliver(m_boards->updateBoard(boardId, patch), context, std::move(done),
        [](const ::corkboard::Board &b) { return convert::board(b); });
}

void ApiBackend::loadBoard(QObject *context, const QString &boardId, Callback<BoardSnapshot> done)
{
    deliver(m_boards->snapshot(boardId), context, std::move(done),
        [this](const ::corkboard::BoardSnapshot &s) {
            for (const auto &m : s.members)
                m_names.insert(m.userId, m.displayName);
            m_boardNames.insert(s.board.id, s.board.name);
            return convert::snapshot(s);
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
    deliver(m_boards->createColumn(boardId, name), context, std::move(done),
        [](const ::corkboard::Column &c) { return convert::column(c); });
}

void ApiBackend::moveColumn(
    QObject *context, const QString &columnId, const QString &afterColumnId, Callback<Column> done)
{
    client::ColumnPatch patch;
    patch.afterColumnId = afterColumnId;
    deliver(m_boards->updateColumn(columnId, patch), context, std::move(done),
        [](const ::corkboard::Column &c) { return convert::column(c); });
}

void ApiBackend::createCard(QObject *context, const QString &boardId, const QString &columnId,
    const QString &title, const QString &afterCardId, Callback<Card> done)
{
    client::NewCard card;
    card.columnId = columnId;
    card.title = title;
    card.afterCardId = afterCardId;
    deliver(m_cards->createCard(boardId, card), context, std::move(done),
        [](const ::corkboard::Card &c) { return convert::card(c); });
}

void ApiBackend::moveCard(QObject *context, const QString &cardId, const QString &columnId,
    const QString &afterCardId, const QString &beforeCardId, Callback<Card> done)
{
    client::CardPlacement placement {columnId, afterCardId, beforeCardId};
    deliver(m_cards->moveCard(cardId, placement), context, std::move(done),
        [](const ::corkboard::Card &c) { return convert::card(c); });
}

void ApiBackend::loadCard(QObject *context, const QString &cardId, Callback<CardDetail> done)
{
    QPointer<QObject> guard(context);
    m_cards->card(cardId).then(context,
        [this, guard, cardId, done = std::move(done)](const ApiResult<::corkboard::CardDetail> &r) {
            if (!r) {
                done(Outcome<CardDetail>::failure(convert::error(r.error())));
                return;
            }
            CardDetail detail = convert::cardDetail(r.value());
            if (!guard)
                return;
            client::PageRequest page;
            page.limit = 200;
            m_cards->comments(cardId, page)
                .then(guard.data(),
                    [this, detail, done](
                        const ApiResult<client::Page<::corkboard::Comment>> &c) mutable {
                        if (c) {
                            for (const auto &comment : c.value().items)
                                detail.comments << convert::comment(comment, m_names);
                        }
                        done(Outcome<CardDetail>::success(detail));
                    });
        });
}

void ApiBackend::setCardArchived(
    QObject *context, const QString &cardId, bool archived, Callback<Card> done)
{
    client::CardPatch p;
    p.archived = archived;
    deliver(m_cards->updateCard(cardId, p), context, std::move(done),
        [](const ::corkboard::Card &c) { return convert::card(c); });
}

void ApiBackend::deleteCard(QObject *context, const QString &cardId, Callback<Nothing> done)
{
    deliver(m_cards->deleteCard(cardId), context, std::move(done),
        [](const client::NoContent &) { return Nothing {}; });
}

void ApiBackend::archivedCards(QObject *context, const QString &boardId, Callback<QList<Card>> done)
{
    deliver(m_boards->snapshot(boardId, true), context, std::move(done),
        [](const ::corkboard::BoardSnapshot &s) {
            QList<Card> out;
            for (const auto &c : s.cards) {
                if (c.archived)
                    out << convert::card(c);
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
    deliver(m_boards->updateColumn(columnId, patch), context, std::move(done),
        [](const ::corkboard::Column &c) { return convert::column(c); });
}

void ApiBackend::deleteColumn(
    QObject *context, const QString &columnId, const QString &moveCardsTo, Callback<Nothing> done)
{
    deliver(m_boards->deleteColumn(columnId, moveCardsTo), context, std::move(done),
        [](const client::NoContent &) { return Nothing {}; });
}

void ApiBackend::updateCard(QObject *context, const QString &cardId, int version,
    const CardPatch &patch, Callback<Card> done)
{
    client::CardPatch p;
    p.title = patch.title;
    p.description = patch.description;
    p.assigneeIds = patch.assigneeIds;
    p.labelIds = patch.labelIds;
    p.dueAt = patch.dueAt;
    p.archived = patch.archived;
    deliver(m_cards->updateCard(cardId, p, qint64(version)), context, std::move(done),
        [](const ::corkboard::Card &c) { return convert::card(c); });
}

void ApiBackend::addChecklistItem(
    QObject *context, const QString &cardId, const QString &text, Callback<ChecklistItem> done)
{
    deliver(m_cards->addChecklistItem(cardId, text), context, std::move(done),
        [](const ::corkboard::ChecklistItem &i) { return convert::checklistItem(i); });
}

void ApiBackend::setChecklistItemDone(
    QObject *context, const QString &itemId, bool done, Callback<ChecklistItem> doneCb)
{
    deliver(m_cards->updateChecklistItem(itemId, std::nullopt, done), context, std::move(doneCb),
        [](const ::corkboard::ChecklistItem &i) { return convert::checklistItem(i); });
}

void ApiBackend::addComment(QObject *context, const QString &cardId, const QString &body,
    const QStringList &mentionIds, Callback<Comment> done)
{
    deliver(m_cards->addComment(cardId, body, mentionIds), context, std::move(done),
        [this](const ::corkboard::Comment &c) { return convert::comment(c, m_names); });
}

void ApiBackend::boardActivity(
    QObject *context, const QString &boardId, Callback<QList<ActivityEntry>> done)
{
    client::PageRequest page;
    page.limit = 50;
    deliver(m_boards->activity(boardId, page), context, std::move(done),
        [](const client::Page<::corkboard::ActivityEntry> &p) {
            QList<ActivityEntry> out;
            for (const auto &a : p.items)
                out << convert::activity(a);
            return out;
        });
}

void ApiBackend::listMembers(QObject *context, const QString &boardId, Callback<QList<Person>> done)
{
    deliver(m_boards->members(boardId), context, std::move(done),
        [](const QList<::corkboard::BoardMember> &members) {
            QList<Person> out;
            for (const auto &m : members)
                out << convert::member(m);
            return out;
        });
}

void ApiBackend::setMemberRole(QObject *context, const QString &boardId, const QString &userId,
    const QString &role, Callback<Person> done)
{
    deliver(m_boards->setMember(boardId, userId, role), context, std::move(done),
        [](const ::corkboard::BoardMember &m) { return convert::member(m); });
}

void ApiBackend::removeMember(
    QObject *context, const QString &boardId, const QString &userId, Callback<Nothing> done)
{
    deliver(m_boards->removeMember(boardId, userId), context, std::move(done),
        [](const client::NoContent &) { return Nothing {}; });
}

// The directory entries are UserSummary (id, name, e-mail; role and disabled for admins):
// decoded as such by UsersApi, never as a full User (that left names and roles empty).
void ApiBackend::findUsers(QObject *context, const QString &query, Callback<QList<Person>> done)
{
    client::PageRequest page;
    page.limit = 200;
    deliver(m_users->directory(query, page), context, std::move(done),
        [](const client::Page<dto::UserSummary> &p) {
            QList<Person> out;
            for (const auto &u : p.items)
                out << convert::person(u);
            return out;
        });
}

void ApiBackend::listPeople(QObject *context, Callback<QList<Person>> done)
{
    client::PageRequest page;
    page.limit = 200;
    deliver(m_users->directory(QString(), page, true), context, std::move(done),
        [](const client::Page<dto::UserSummary> &p) {
            QList<Person> out;
            for (const auto &u : p.items)
                out << convert::person(u);
            return out;
        });
}

void ApiBackend::setUserRole(QObject *context, const QString &userId, const QString &role,
    bool disabled, Callback<Person> done)
{
    deliver(m_users->adminUpdate(userId, role, disabled), context, std::move(done),
        [](const dto::User &u) { return convert::person(u); });
}

void ApiBackend::listInvites(QObject *context, Callback<QList<Invite>> done)
{
    deliver(m_auth->invites(), context, std::move(done), [](const QList<dto::Invite> &invites) {
        QList<Invite> out;
        for (const auto &i : invites)
            out << convert::invite(i);
        return out;
    });
}

void ApiBackend::createInvite(QObject *context, const QString &role, Callback<Invite> done)
{
    deliver(m_auth->createInvite(role), context, std::move(done),
        [](const dto::Invite &i) { return convert::invite(i); });
}

void ApiBackend::listNotifications(QObject *context, Callback<QList<Notification>> done)
{
    client::PageRequest page;
    page.limit = 100;
    deliver(m_notifications->notifications(page), context, std::move(done),
        [](const client::Page<dto::Notification> &p) {
            QList<Notification> out;
            for (const auto &n : p.items)
                out << convert::notification(n);
            return out;
        });
}

void ApiBackend::markNotificationRead(QObject *context, const QString &id, Callback<Nothing> done)
{
    deliver(m_notifications->markRead(id), context, std::move(done),
        [](const dto::Notification &) { return Nothing {}; });
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
    deliver(m_boards->search(query, QString(), page), context, std::move(done),
        [this](const client::Page<::corkboard::SearchHit> &p) {
            QList<SearchHit> out;
            for (const auto &h : p.items)
                out << convert::searchHit(h, m_boardNames.value(h.boardId));
            return out;
        });
}

DesktopSession::BackendFactory apiBackendFactory(AppSettings *settings)
{
    auto store = std::make_shared<client::KeychainTokenStore>();
    return [settings, store](const QUrl &url, QObject *parent) -> Backend * {
        return new ApiBackend(url, store, settings, parent);
    };
}

} // namespace corkboard::ui
