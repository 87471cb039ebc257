#pragma once

#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

// What the window shows, independent of the wire format: the backend adapter fills these from
// the typed client's DTOs, the models and dialogs only ever see these.
namespace corkboard::ui {

struct Account
{
    QString id;
    QString email;
    QString displayName;
    QString role; //!< admin | member
    bool isAdmin() const { return role == QLatin1String("admin"); }
};

struct Person
{
    QString id;
    QString displayName;
    QString email;
    QString role; //!< board role (owner | editor | viewer) or server role, depending on the list
    bool disabled = false; //!< the account is disabled (admin list only)
};

//! "Ada Lovelace" → "AL"; "ada" → "A".
QString initialsOf(const QString &displayName);

struct Label
{
    QString id;
    QString name;
    QColor color;
};

struct BoardSummary
{
    QString id;
    QString name;
    QString description;
    bool archived = false;
    int version = 0;
};

struct Column
{
    QString id;
    QString name;
    int wipLimit = 0; //!< 0: no limit
    QString position;
    int version = 0;
};

struct ChecklistItem
{
    QString id;
    QString text;
    bool done = false;
    int version = 0;
};

struct Comment
{
    QString id;
    QString cardId;
    QString authorId;
    QString authorName;
    QString body;
    QDateTime createdAt;
    QStringList mentionIds;
};

struct Card
{
    QString id;
    QString columnId;
    QString title;
    QString description;
    QString position; //!< fractional key; cards sort by it inside a column
    QStringList assigneeIds;
    QStringList labelIds;
    QDateTime dueAt; //!< invalid: no due date
    int checklistDone = 0;
    int checklistTotal = 0;
    int commentCount = 0;
    int version = 0;
    bool archived = false;
};

//! One card with everything the detail dialog needs.
struct CardDetail
{
    Card card;
    QList<ChecklistItem> checklist;
    QList<Comment> comments;
};

//! The whole board as one GET returns it; seq is the event sequence it reflects.
struct BoardSnapshot
{
    BoardSummary board;
    qint64 seq = 0;
    QList<Column> columns;
    QList<Card> cards;
    QList<Label> labels;
    QList<Person> members;
};

//! A change made by someone (live): type is the wire event type, e.g. "card.moved"; the
//! resource it carries is decoded into the matching member (deletions carry only deletedId).
struct BoardEvent
{
    qint64 seq = 0;
    QString type;
    QString boardId;
    QString actorId;
    std::optional<BoardSummary> board;
    std::optional<Column> column;
    std::optional<Card> card;
    std::optional<Label> label;
    std::optional<Person> member;
    std::optional<Comment> comment;
    QString cardId; //!< the card a comment or checklist event belongs to
    QString deletedId;
};

struct Notification
{
    QString id;
    QString kind; //!< assigned | mentioned | due_soon | overdue | comment_on_assigned
    QString text;
    QString boardId;
    QString cardId;
    QDateTime createdAt;
    bool read = false;
};

struct SearchHit
{
    QString boardId;
    QString boardName;
    QString cardId;
    QString title;
    QString snippet;
};

struct ActivityEntry
{
    QString actorName;
    QString text;
    QDateTime at;
};

struct Invite
{
    QString code;
    QString role;
    QDateTime expiresAt;
};

//! Changes to a card; unset optionals stay as they are.
struct CardPatch
{
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QStringList> assigneeIds;
    std::optional<QStringList> labelIds;
    std::optional<QDateTime> dueAt; //!< set to an invalid QDateTime to clear
    std::optional<bool> archived;
    bool isEmpty() const
    {
        return !title && !description && !assigneeIds && !labelIds && !dueAt && !archived;
    }
};

} // namespace corkboard::ui

Q_DECLARE_METATYPE(corkboard::ui::BoardEvent)
Q_DECLARE_METATYPE(corkboard::ui::Notification)
