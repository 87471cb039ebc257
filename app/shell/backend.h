#pragma once

#include "shared/client/cards_api.h"
#include "shared/dto/activity.h"
#include "shared/dto/auth.h"
#include "shared/dto/board.h"
#include "shared/dto/card.h"
#include "shared/dto/column.h"
#include "shared/dto/comment.h"
#include "shared/dto/label.h"
#include "shared/dto/notification.h"
#include "shared/dto/snapshot.h"
#include "shared/dto/user.h"
#include "shared/dto/webhook.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace corkboard::ui {

class AttachmentTransfers;

//! Why a call failed, already in words a person can read (from ErrorPresenter).
struct UiError
{
    int status = 0; //!< HTTP status, 0 when the server was not reached
    QString code; //!< wire code, e.g. "VALIDATION_FAILED"
    QString message;
    QHash<QString, QString> fieldErrors; //!< wire field name → message
    std::optional<Card> currentCard; //!< on a card's 412: the card as the server has it now
    bool isConflict() const { return status == 412; }
    bool isOffline() const { return status == 0; }
};

//! The result of one call: a value or an error.
template<class T>
struct Outcome
{
    std::optional<T> value;
    UiError error;
    bool ok() const { return value.has_value(); }
    static Outcome success(T v) { return Outcome {std::move(v), {}}; }
    static Outcome failure(UiError e) { return Outcome {std::nullopt, std::move(e)}; }
};

struct Nothing
{
};

template<class T>
using Callback = std::function<void(const Outcome<T> &)>;

enum class Connectivity
{
    Online,
    Reconnecting,
    Offline
};

//! Everything the window can ask of a board server. Calls never block: each one answers later,
//! on the GUI thread, through its callback — and only while `context` is still alive. The one
//! implementation talks to the server through the typed ApiClient/LiveClient (also when the
//! server is the embedded one), so widgets never see HTTP.
class Backend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString serverUrl() const = 0;
    //! Stops background work (live socket, health checks) before the app quits.
    virtual void suspend() { }
    //! The certificate was reviewed and accepted: live updates start again at once.
    virtual void resumeAfterCertificate() { }
    virtual std::optional<User> account() const = 0;

    // Session
    virtual void registerAccount(QObject *context, const QString &email, const QString &password,
        const QString &displayName, const QString &inviteCode, Callback<User> done)
        = 0;
    virtual void signIn(
        QObject *context, const QString &email, const QString &password, Callback<User> done)
        = 0;
    //! Signs in with the refresh token kept in the keychain; fails when there is none.
    virtual void resumeSession(QObject *context, Callback<User> done) = 0;
    //! Revokes the session on the server and forgets the token in the keychain.
    virtual void signOut() = 0;

    // Boards
    virtual void listBoards(QObject *context, Callback<QList<Board>> done) = 0;
    virtual void createBoard(QObject *context, const QString &name, Callback<Board> done) = 0;
    //! Deletes the board for everyone (owners).
    virtual void deleteBoard(QObject *context, const QString &boardId, Callback<Nothing> done) = 0;
    virtual void updateBoard(QObject *context, const QString &boardId, std::optional<QString> name,
        std::optional<bool> archived, Callback<Board> done)
        = 0;
    virtual void loadBoard(QObject *context, const QString &boardId, Callback<BoardSnapshot> done)
        = 0;
    //! Live updates for one board from `sinceSeq`; events arrive through boardEvent().
    virtual void watchBoard(const QString &boardId, qint64 sinceSeq) = 0;
    virtual void unwatchBoard(const QString &boardId) = 0;

    // Columns and cards
    virtual void createColumn(
        QObject *context, const QString &boardId, const QString &name, Callback<Column> done)
        = 0;
    virtual void moveColumn(QObject *context, const QString &columnId, const QString &afterColumnId,
        Callback<Column> done)
        = 0;
    //! At the bottom of the column, after `afterCardId`, or (`atTop`) at the top.
    virtual void createCard(QObject *context, const QString &boardId, const QString &columnId,
        const QString &title, const QString &afterCardId, Callback<Card> done, bool atTop = false)
        = 0;
    //! Moves after `afterCardId`, else before `beforeCardId`, else to the bottom.
    virtual void moveCard(QObject *context, const QString &cardId, const QString &columnId,
        const QString &afterCardId, const QString &beforeCardId, Callback<Card> done)
        = 0;
    //! The card with its checklist (comments: listComments).
    virtual void loadCard(QObject *context, const QString &cardId, Callback<CardDetail> done) = 0;
    //! Archives (hides) or restores a card; no If-Match: it changes only that flag.
    virtual void setCardArchived(
        QObject *context, const QString &cardId, bool archived, Callback<Card> done)
        = 0;
    virtual void deleteCard(QObject *context, const QString &cardId, Callback<Nothing> done) = 0;
    //! The board's archived cards (for the archive view).
    virtual void archivedCards(QObject *context, const QString &boardId, Callback<QList<Card>> done)
        = 0;
    //! Renames a column and/or sets its WIP limit (0: none); unset optionals stay as they are.
    virtual void updateColumn(QObject *context, const QString &columnId,
        std::optional<QString> name, std::optional<int> wipLimit, Callback<Column> done)
        = 0;
    //! Deletes a column; its cards (if any) go to the bottom of `moveCardsTo`.
    virtual void deleteColumn(QObject *context, const QString &columnId, const QString &moveCardsTo,
        Callback<Nothing> done)
        = 0;
    //! PATCH with If-Match: `version`; a 412 answers with UiError::currentCard.
    virtual void updateCard(QObject *context, const QString &cardId, qint64 version,
        const client::CardPatch &patch, Callback<Card> done)
        = 0;
    virtual void addChecklistItem(
        QObject *context, const QString &cardId, const QString &text, Callback<ChecklistItem> done)
        = 0;
    virtual void setChecklistItemDone(
        QObject *context, const QString &itemId, bool done, Callback<ChecklistItem> doneCb)
        = 0;
    virtual void addComment(QObject *context, const QString &cardId, const QString &body,
        const QStringList &mentionIds, Callback<Comment> done)
        = 0;
    //! The card's comments, oldest first.
    virtual void listComments(
        QObject *context, const QString &cardId, Callback<QList<Comment>> done)
        = 0;
    virtual void editComment(
        QObject *context, const QString &commentId, const QString &body, Callback<Comment> done)
        = 0;
    virtual void deleteComment(QObject *context, const QString &commentId, Callback<Nothing> done)
        = 0;
    virtual void editChecklistItem(
        QObject *context, const QString &itemId, const QString &text, Callback<ChecklistItem> done)
        = 0;
    //! Moves the item right after `afterItemId` of the same card (empty: to the top).
    virtual void moveChecklistItem(QObject *context, const QString &itemId,
        const QString &afterItemId, Callback<ChecklistItem> done)
        = 0;
    virtual void deleteChecklistItem(
        QObject *context, const QString &itemId, Callback<Nothing> done)
        = 0;
    //! Labels of a board; `color` is "#rrggbb".
    virtual void createLabel(QObject *context, const QString &boardId, const QString &name,
        const QString &color, Callback<Label> done)
        = 0;
    virtual void updateLabel(QObject *context, const QString &labelId, std::optional<QString> name,
        std::optional<QString> color, Callback<Label> done)
        = 0;
    virtual void deleteLabel(QObject *context, const QString &labelId, Callback<Nothing> done) = 0;
    //! One page of a card's history, newest first; `cursor` empty: from the newest. The page's
    //! nextCursor is empty on the last page.
    virtual void cardActivity(QObject *context, const QString &boardId, const QString &cardId,
        const QString &cursor, Callback<client::Page<ActivityEntry>> done)
        = 0;

    // People
    virtual void listMembers(
        QObject *context, const QString &boardId, Callback<QList<BoardMember>> done)
        = 0;
    virtual void setMemberRole(QObject *context, const QString &boardId, const QString &userId,
        const QString &role, Callback<BoardMember> done)
        = 0;
    virtual void removeMember(
        QObject *context, const QString &boardId, const QString &userId, Callback<Nothing> done)
        = 0;
    virtual void findUsers(
        QObject *context, const QString &query, Callback<QList<UserSummary>> done)
        = 0;
    //! Admin: everyone on the server with server role and disabled flag.
    virtual void listPeople(QObject *context, Callback<QList<UserSummary>> done) = 0;
    virtual void setUserRole(QObject *context, const QString &userId, const QString &role,
        bool disabled, Callback<User> done)
        = 0;
    virtual void listInvites(QObject *context, Callback<QList<Invite>> done) = 0;
    virtual void createInvite(QObject *context, const QString &role, Callback<Invite> done) = 0;
    //! Withdraws an unused invite (admin).
    virtual void deleteInvite(QObject *context, const QString &code, Callback<Nothing> done) = 0;

    // My account
    //! Changes my display name; account() follows.
    virtual void updateMyName(QObject *context, const QString &displayName, Callback<User> done)
        = 0;
    //! Signs out my other devices; refusals name the field ("current_password", "new_password").
    virtual void changePassword(QObject *context, const QString &currentPassword,
        const QString &newPassword, Callback<Nothing> done)
        = 0;
    //! My signed-in devices (Session::current marks this one).
    virtual void listSessions(QObject *context, Callback<QList<Session>> done) = 0;
    virtual void revokeSession(QObject *context, const QString &sessionId, Callback<Nothing> done)
        = 0;

    // Webhooks (board owners)
    virtual void listWebhooks(
        QObject *context, const QString &boardId, Callback<QList<Webhook>> done)
        = 0;
    //! `events` empty: every event type. The answer carries the secret (shown once).
    virtual void createWebhook(QObject *context, const QString &boardId, const QString &url,
        const QStringList &events, Callback<Webhook> done)
        = 0;
    virtual void deleteWebhook(QObject *context, const QString &webhookId, Callback<Nothing> done)
        = 0;
    //! The webhook's most recent deliveries, newest first.
    virtual void webhookDeliveries(
        QObject *context, const QString &webhookId, Callback<QList<WebhookDelivery>> done)
        = 0;

    // Notifications and search
    virtual void listNotifications(QObject *context, Callback<QList<Notification>> done) = 0;
    virtual void markNotificationRead(QObject *context, const QString &id, Callback<Nothing> done)
        = 0;
    virtual void markAllNotificationsRead(QObject *context, Callback<Nothing> done) = 0;
    virtual void search(QObject *context, const QString &query, Callback<QList<SearchHit>> done)
        = 0;
    //! The name of a board this backend has listed or loaded (search hits name their board).
    virtual QString knownBoardName(const QString &boardId) const = 0;

    // Attachments: transfers with progress and cancel (null: this backend has none)
    virtual AttachmentTransfers *attachments() const { return nullptr; }

Q_SIGNALS:
    void connectivityChanged(corkboard::ui::Connectivity state);
    //! A change someone made to a watched board, as the server sent it (the resource in `data`).
    void boardEvent(const corkboard::EventEnvelope &event);
    //! The board must be loaded again (events were missed beyond what the server keeps).
    void boardResyncNeeded(const QString &boardId);
    void notificationReceived(const corkboard::Notification &notification);
    void presenceChanged(const QString &boardId, const QStringList &displayNames);
    //! The session ended (signed out, or refresh refused): show the sign-in form again.
    void sessionEnded();
    //! The server's certificate is no longer the pinned one (or not trusted at all): requests
    //! and live updates are held until the person reviews it (resumeAfterCertificate()).
    void certificateRefused(const QString &message);
};

//! Wraps a callback so it runs only while `context` lives (the usual guard for replies).
template<class T>
Callback<T> guarded(QObject *context, Callback<T> done)
{
    return [ctx = QPointer<QObject>(context), done = std::move(done)](const Outcome<T> &o) {
        if (ctx && done)
            done(o);
    };
}

} // namespace corkboard::ui
