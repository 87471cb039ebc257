#include "app/dto_convert.h"

#include <QCoreApplication>

#include "shared/client/error_presenter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace corkboard::ui::convert {

UiError error(const client::ApiError &e)
{
    UiError out;
    out.status = e.isTransport() ? 0 : e.status;
    if (e.code)
        out.code = errorCodeName(*e.code);
    out.message = client::ErrorPresenter::message(e);
    out.fieldErrors = client::ErrorPresenter::fieldMessages(e);
    const QJsonObject current = e.extra.value(QStringLiteral("current")).toObject();
    if (e.status == 412 && current.contains(QStringLiteral("column_id")))
        out.currentCard = card(cardFromJson(current));
    return out;
}

Account account(const dto::User &user)
{
    return {user.id, user.email, user.displayName, user.role};
}

BoardSummary board(const ::corkboard::Board &b)
{
    return {b.id, b.name, b.description, b.archived, int(b.version)};
}

Column column(const ::corkboard::Column &c)
{
    return {c.id, c.name, c.wipLimit.value_or(0), c.position, int(c.version)};
}

Card card(const ::corkboard::Card &c)
{
    Card out;
    out.id = c.id;
    out.columnId = c.columnId;
    out.title = c.title;
    out.description = c.description;
    out.position = c.position;
    out.assigneeIds = c.assigneeIds;
    out.labelIds = c.labelIds;
    out.dueAt = c.dueAt;
    out.checklistDone = c.checklistDone;
    out.checklistTotal = c.checklistTotal;
    out.commentCount = c.commentCount;
    out.archived = c.archived;
    out.version = int(c.version);
    return out;
}

Label label(const ::corkboard::Label &l)
{
    return {l.id, l.name, QColor(l.color)};
}

Person member(const ::corkboard::BoardMember &m)
{
    return {m.userId, m.displayName, QString(), m.role, false};
}

Person person(const dto::UserSummary &u)
{
    return {u.id, u.displayName, u.email, u.role.value_or(QString()), u.disabled.value_or(false)};
}

Person person(const dto::User &u)
{
    return {u.id, u.displayName, u.email, u.role, u.disabled};
}

ChecklistItem checklistItem(const ::corkboard::ChecklistItem &i)
{
    return {i.id, i.text, i.done, int(i.version)};
}

Comment comment(const ::corkboard::Comment &c, const QHash<QString, QString> &names)
{
    return {c.id, c.cardId, c.authorId, names.value(c.authorId, c.authorId.left(8)), c.body,
        c.createdAt, c.mentionIds};
}

CardDetail cardDetail(const ::corkboard::CardDetail &d)
{
    CardDetail out;
    out.card = card(d.card);
    for (const auto &i : d.checklist)
        out.checklist << checklistItem(i);
    return out;
}

BoardSnapshot snapshot(const ::corkboard::BoardSnapshot &s)
{
    BoardSnapshot out;
    out.board = board(s.board);
    out.seq = std::max<qint64>(0, s.board.seq);
    out.columns.reserve(s.columns.size());
    for (const auto &c : s.columns)
        out.columns << column(c);
    out.cards.reserve(s.cards.size());
    for (const auto &c : s.cards)
        out.cards << card(c);
    for (const auto &l : s.labels)
        out.labels << label(l);
    for (const auto &m : s.members)
        out.members << member(m);
    return out;
}

ActivityEntry activity(const ::corkboard::ActivityEntry &a)
{
    return {a.actorName, a.summary.isEmpty() ? a.action : a.summary, a.at};
}

SearchHit searchHit(const ::corkboard::SearchHit &h, const QString &boardName)
{
    return {h.boardId, boardName, h.cardId.isEmpty() ? h.id : h.cardId, h.title, h.snippet};
}

Invite invite(const dto::Invite &i)
{
    return {i.code.isEmpty() ? i.codePrefix : i.code, i.role, i.expiresAt};
}

BoardEvent event(const ::corkboard::EventEnvelope &e)
{
    BoardEvent out;
    out.seq = e.seq;
    out.type = e.type;
    out.boardId = e.boardId;
    out.actorId = e.actorId;
    const QJsonObject data = QJsonDocument::fromJson(e.data).object();
    const QString id = data.value(QStringLiteral("id")).toString();
    if (e.type.endsWith(QLatin1String(".deleted")) || e.type == QLatin1String("member.removed"))
        out.deletedId = e.type.startsWith(QLatin1String("member."))
            ? data.value(QStringLiteral("user_id")).toString(id)
            : id;
    if (e.type.startsWith(QLatin1String("card.")) && !e.type.endsWith(QLatin1String(".deleted")))
        out.card = card(cardFromJson(data));
    else if (e.type.startsWith(QLatin1String("column."))
        && !e.type.endsWith(QLatin1String(".deleted")))
        out.column = column(columnFromJson(data));
    else if (e.type.startsWith(QLatin1String("label."))
        && !e.type.endsWith(QLatin1String(".deleted")))
        out.label = label(labelFromJson(data));
    else if ((e.type == QLatin1String("member.added") || e.type == QLatin1String("member.updated")))
        out.member = member(boardMemberFromJson(data));
    else if (e.type == QLatin1String("board.updated"))
        out.board = board(boardFromJson(data));
    else if (e.type.startsWith(QLatin1String("comment."))) {
        out.comment = comment(commentFromJson(data), {});
        out.cardId = out.comment->cardId;
    } else if (e.type == QLatin1String("checklist.changed")) {
        out.cardId = data.value(QStringLiteral("card_id")).toString(id);
    }
    return out;
}

Notification notification(const dto::Notification &o)
{
    Notification n;
    n.id = o.id;
    n.kind = o.kind;
    n.boardId = o.boardId;
    n.cardId = o.cardId;
    n.createdAt = o.createdAt;
    n.read = o.read;
    {
        // The server sends the kind and details ({card_title, due_at, excerpt}); say it in words.
        const QJsonObject &d = o.data;
        const QString card = d.value(QStringLiteral("card_title")).toString();
        if (n.kind == QLatin1String("due_soon"))
            n.text = QCoreApplication::translate("Notifications", "“%1” is due soon").arg(card);
        else if (n.kind == QLatin1String("overdue"))
            n.text = QCoreApplication::translate("Notifications", "“%1” is overdue").arg(card);
        else if (n.kind == QLatin1String("assigned"))
            n.text = QCoreApplication::translate("Notifications", "You were assigned to “%1”")
                         .arg(card);
        else if (n.kind == QLatin1String("mentioned"))
            n.text = QCoreApplication::translate("Notifications", "You were mentioned on “%1”")
                         .arg(card);
        else if (n.kind == QLatin1String("comment_on_assigned"))
            n.text = QCoreApplication::translate("Notifications", "New comment on “%1”").arg(card);
        else
            n.text = n.kind;
    }
    return n;
}

} // namespace corkboard::ui::convert
