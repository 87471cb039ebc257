#pragma once

#include "shared/dto/import_report.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace corkboard {

//! A board to import, whatever document it came from: validated, in display order, referring to
//! people by e-mail. Building one writes nothing; TransferService writes it in one transaction.
struct ImportPlan
{
    struct Label
    {
        QString key; //!< the document's id for it (cards refer to labels by key)
        QString name;
        QString color; //!< #rrggbb
    };
    struct Column
    {
        QString key;
        QString name;
        std::optional<int> wipLimit;
    };
    struct ChecklistItem
    {
        QString text;
        bool done = false;
    };
    struct Comment
    {
        QString authorEmail; //!< empty: unknown (the importer becomes the author)
        QString authorName; //!< shown in the body when the author has no account here
        QString body;
        QDateTime createdAt; //!< invalid: now
        QDateTime updatedAt;
    };
    struct Card
    {
        QString columnKey;
        QString title;
        QString description;
        QDateTime dueAt;
        bool archived = false;
        QString createdByEmail;
        QStringList labelKeys;
        QStringList assigneeEmails;
        QList<ChecklistItem> checklist;
        QList<Comment> comments;
        QDateTime createdAt;
        QDateTime updatedAt;
    };
    struct Member
    {
        QString email; //!< empty: the document did not say (listed as unmatched)
        QString displayName;
        QString role = QStringLiteral("editor");
    };
    struct Activity
    {
        QString actorEmail;
        QString action;
        QString summary;
        QDateTime at;
    };

    QString source; //!< corkboard | trello
    QString name;
    QString description;
    bool archived = false;
    QDateTime createdAt; //!< invalid: now
    QDateTime updatedAt;
    QList<Label> labels;
    QList<Column> columns;
    QList<Card> cards;
    QList<Member> members;
    QList<Activity> activity;
    QList<ImportSkip> skipped; //!< what the document had that is not imported, and why
};

//! The limits every imported document is held to (beyond the request body cap).
namespace import_limits {
constexpr int kMaxDepth = 16;
constexpr int kMaxColumns = 500;
constexpr int kMaxLabels = 50;
constexpr int kMaxCards = 20000;
constexpr int kMaxChecklistItemsPerCard = 500;
constexpr int kMaxCommentsPerCard = 2000;
constexpr int kMaxComments = 100000;
constexpr int kMaxMembers = 2000;
constexpr int kMaxActivity = 100000;
constexpr int kMaxTrelloActions = 200000;
constexpr int kNameMax = 100;
constexpr int kTitleMax = 200;
constexpr int kTextMax = 20000;
constexpr int kChecklistTextMax = 1000;
constexpr int kEmailMax = 254;
constexpr int kDisplayNameMax = 80;
constexpr qint64 kMaxDocumentBytes = 16ll * 1024 * 1024;
} // namespace import_limits

} // namespace corkboard
