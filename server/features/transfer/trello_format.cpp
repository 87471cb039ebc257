#include "server/features/transfer/trello_format.h"

#include "server/features/transfer/document_reader.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include "shared/time_format.h"

namespace corkboard::trello_format {

namespace {

using namespace import_limits;

const QString kNoColour = QStringLiteral("#b3bac5"); // Trello's grey for colourless labels

// Trello positions are numbers (sometimes strings such as "top"/"bottom" in old exports).
double position(const QJsonValue &v, double fallback)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.toString() == QLatin1String("top"))
        return -1e300;
    return fallback;
}

struct Ordered
{
    double pos = 0;
    qsizetype index = 0; // document order breaks ties
    bool operator<(const Ordered &o) const { return pos != o.pos ? pos < o.pos : index < o.index; }
};

QString capitalised(const QString &s)
{
    return s.isEmpty() ? s
                       : s.left(1).toUpper() + s.mid(1).replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace

QString labelColor(const QString &c)
{
    static const QHash<QString, QString> base {
        {QStringLiteral("green"), QStringLiteral("#61bd4f")},
        {QStringLiteral("yellow"), QStringLiteral("#f2d600")},
        {QStringLiteral("orange"), QStringLiteral("#ff9f1a")},
        {QStringLiteral("red"), QStringLiteral("#eb5a46")},
        {QStringLiteral("purple"), QStringLiteral("#c377e0")},
        {QStringLiteral("blue"), QStringLiteral("#0079bf")},
        {QStringLiteral("sky"), QStringLiteral("#00c2e0")},
        {QStringLiteral("lime"), QStringLiteral("#51e898")},
        {QStringLiteral("pink"), QStringLiteral("#ff78cb")},
        {QStringLiteral("black"), QStringLiteral("#344563")},
    };
    const QString name = c.section(QLatin1Char('_'), 0, 0);
    const QString shade = c.section(QLatin1Char('_'), 1);
    const auto it = base.constFind(name);
    if (it == base.constEnd()
        || (!shade.isEmpty() && shade != QLatin1String("dark") && shade != QLatin1String("light")))
        return QString();
    if (shade.isEmpty())
        return *it;
    // Trello's _dark and _light shades: the base colour toward black or white.
    const bool dark = shade == QLatin1String("dark");
    QString out = QStringLiteral("#");
    for (int i = 0; i < 3; ++i) {
        const int channel = it->mid(1 + 2 * i, 2).toInt(nullptr, 16);
        const int shaded = dark ? channel * 7 / 10 : channel + (255 - channel) * 4 / 10;
        out += QStringLiteral("%1").arg(shaded, 2, 16, QLatin1Char('0'));
    }
    return out;
}

bool looksLikeTrello(const QJsonObject &d)
{
    return d.value(QStringLiteral("lists")).isArray() && d.value(QStringLiteral("cards")).isArray()
        && d.value(QStringLiteral("id")).isString() && d.value(QStringLiteral("name")).isString();
}

ImportPlan read(const QJsonObject &doc, DocumentReader &r)
{
    ImportPlan plan;
    plan.source = QStringLiteral("trello");
    plan.name = r.text(doc, "name", QString(), 1, kNameMax, true).value_or(QString());
    plan.description = r.text(doc, "desc", QString(), 0, kTextMax, false, true).value_or(QString());
    plan.archived = r.boolean(doc, "closed", QString(), false).value_or(false);

    // People: Trello exports carry no e-mail unless the exporter's tooling added one.
    QHash<QString, QString> memberEmail; // Trello member id → e-mail
    QHash<QString, QString> memberName;
    const QJsonArray members = r.array(doc, "members", QString(), kMaxMembers, false);
    for (qsizetype i = 0; i < members.size(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("members"), i);
        const QJsonObject m = r.object(members.at(i), p);
        const QString id = r.text(m, "id", p, 1, 64, true).value_or(QString());
        const QString fullName = r.text(m, "fullName", p, 0, 1000, false, true).value_or(QString());
        const QString username = r.text(m, "username", p, 0, 1000, false, true).value_or(QString());
        const QString email = r.text(m, "email", p, 0, kEmailMax, false, true).value_or(QString());
        ImportPlan::Member member;
        member.email = email;
        member.displayName = fullName.isEmpty() ? username : fullName;
        if (!username.isEmpty() && !fullName.isEmpty())
            member.displayName += QStringLiteral(" (@%1)").arg(username);
        member.role = QStringLiteral("editor");
        memberEmail.insert(id, email);
        memberName.insert(id, fullName.isEmpty() ? username : fullName);
        plan.members.append(member);
    }

    // Labels.
    const QJsonArray labels = r.array(doc, "labels", QString(), kMaxLabels, false);
    QSet<QString> labelIds;
    int unknownColours = 0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("labels"), i);
        const QJsonObject l = r.object(labels.at(i), p);
        ImportPlan::Label label;
        label.key = r.text(l, "id", p, 1, 64, true).value_or(QString());
        const QString colour = r.text(l, "color", p, 0, 40, false, true).value_or(QString());
        const QString name = r.text(l, "name", p, 0, kNameMax, false, true).value_or(QString());
        label.color = colour.isEmpty() ? kNoColour : labelColor(colour);
        if (label.color.isEmpty()) {
            label.color = kNoColour;
            ++unknownColours;
        }
        label.name = name.trimmed().isEmpty()
            ? (colour.isEmpty() ? QStringLiteral("Label") : capitalised(colour))
            : name;
        labelIds.insert(label.key);
        plan.labels.append(label);
    }
    if (unknownColours > 0)
        plan.skipped.append({QStringLiteral("label colours"),
            QStringLiteral("colours Trello names that this server does not know were made grey"),
            unknownColours});

    // Lists → columns, in Trello order; closed lists are not made columns (their cards are
    // imported archived into the first open column).
    const QJsonArray lists = r.array(doc, "lists", QString(), kMaxColumns, true);
    QMap<Ordered, QJsonObject> orderedLists;
    for (qsizetype i = 0; i < lists.size(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("lists"), i);
        const QJsonObject l = r.object(lists.at(i), p);
        r.text(l, "id", p, 1, 64, true);
        r.text(l, "name", p, 1, kNameMax, true);
        r.boolean(l, "closed", p, false);
        orderedLists.insert({position(l.value(QStringLiteral("pos")), double(i)), i}, l);
    }
    QSet<QString> closedLists;
    QHash<QString, QString> listName;
    int closedListCount = 0;
    for (const auto &l : std::as_const(orderedLists)) {
        const QString id = l.value(QStringLiteral("id")).toString();
        listName.insert(id, l.value(QStringLiteral("name")).toString());
        if (l.value(QStringLiteral("closed")).toBool()) {
            closedLists.insert(id);
            ++closedListCount;
            continue;
        }
        plan.columns.append({id, l.value(QStringLiteral("name")).toString(), std::nullopt});
    }
    QString archiveColumn = plan.columns.isEmpty() ? QString() : plan.columns.first().key;
    if (archiveColumn.isEmpty() && !closedLists.isEmpty()) {
        // Every list was closed: one column holds their archived cards.
        archiveColumn = QStringLiteral("trello-archived-lists");
        plan.columns.append({archiveColumn, QStringLiteral("Archived lists"), std::nullopt});
    }
    if (closedListCount > 0)
        plan.skipped.append({QStringLiteral("closed lists"),
            QStringLiteral("archived in Trello: not made columns; their cards are imported "
                           "archived"),
            closedListCount});

    // Checklists, by card, in Trello order.
    QHash<QString, QMap<Ordered, QJsonObject>> checklistsByCard;
    const QJsonArray checklists = r.array(doc, "checklists", QString(), kMaxCards * 4, false);
    for (qsizetype i = 0; i < checklists.size(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("checklists"), i);
        const QJsonObject c = r.object(checklists.at(i), p);
        const QString card = r.text(c, "idCard", p, 1, 64, true).value_or(QString());
        r.text(c, "name", p, 0, kChecklistTextMax, false, true);
        const QJsonArray items = r.array(c, "checkItems", p, kMaxChecklistItemsPerCard, false);
        for (qsizetype j = 0; j < items.size(); ++j) {
            const QString ip = DocumentReader::at(DocumentReader::at(p, "checkItems"), j);
            const QJsonObject item = r.object(items.at(j), ip);
            r.text(item, "name", ip, 1, kChecklistTextMax, true);
            r.text(item, "state", ip, 1, 20, false);
        }
        checklistsByCard[card].insert({position(c.value(QStringLiteral("pos")), double(i)), i}, c);
    }

    // Comments: actions of type commentCard (other actions are history Trello keeps; skipped).
    QHash<QString, QMap<QDateTime, ImportPlan::Comment>> commentsByCard;
    const QJsonArray actions = r.array(doc, "actions", QString(), kMaxTrelloActions, false);
    int otherActions = 0;
    int commentTotal = 0;
    for (qsizetype i = 0; i < actions.size() && r.ok(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("actions"), i);
        const QJsonObject a = r.object(actions.at(i), p);
        const QString type = r.text(a, "type", p, 1, 100, true).value_or(QString());
        if (type != QLatin1String("commentCard")) {
            ++otherActions;
            continue;
        }
        const QJsonObject data
            = r.object(a.value(QStringLiteral("data")), DocumentReader::at(p, "data"));
        const QString dp = DocumentReader::at(p, "data");
        const QJsonObject card
            = r.object(data.value(QStringLiteral("card")), DocumentReader::at(dp, "card"));
        const QString cardId
            = r.text(card, "id", DocumentReader::at(dp, "card"), 1, 64, true).value_or(QString());
        ImportPlan::Comment comment;
        comment.body = r.text(data, "text", dp, 1, kTextMax, true).value_or(QString());
        comment.createdAt = r.time(a, "date", p, true).value_or(QDateTime());
        comment.updatedAt = comment.createdAt;
        const QString creator = a.value(QStringLiteral("idMemberCreator")).toString();
        const QJsonObject creatorObject = a.value(QStringLiteral("memberCreator")).toObject();
        comment.authorEmail = memberEmail.value(creator);
        comment.authorName = memberName.value(creator,
            creatorObject.value(QStringLiteral("fullName")).toString().left(kDisplayNameMax));
        if (++commentTotal > kMaxComments) {
            r.fail(QStringLiteral("actions"), QStringLiteral("too_many"),
                QStringLiteral("at most %1 comments in all").arg(kMaxComments));
            break;
        }
        // Same instant twice: keep both (later document entries a millisecond on).
        QDateTime key = comment.createdAt;
        while (commentsByCard[cardId].contains(key))
            key = key.addMSecs(1);
        commentsByCard[cardId].insert(key, comment);
    }
    if (otherActions > 0)
        plan.skipped.append({QStringLiteral("Trello actions"),
            QStringLiteral("only comments are imported; Trello's other history is not"),
            otherActions});

    // Cards, by list in Trello order.
    const QJsonArray cards = r.array(doc, "cards", QString(), kMaxCards, true);
    QMap<Ordered, QJsonObject> orderedCards;
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("cards"), i);
        const QJsonObject c = r.object(cards.at(i), p);
        r.text(c, "id", p, 1, 64, true);
        r.text(c, "name", p, 1, kTitleMax, true);
        r.text(c, "desc", p, 0, kTextMax, false, true);
        r.boolean(c, "closed", p, false);
        r.time(c, "due", p, false);
        const QString list = r.text(c, "idList", p, 1, 64, true).value_or(QString());
        if (!list.isEmpty() && !listName.contains(list))
            r.fail(DocumentReader::at(p, "idList"), QStringLiteral("unknown_reference"),
                QStringLiteral("no list has this id"));
        r.array(c, "idLabels", p, kMaxLabels, false);
        r.array(c, "idMembers", p, kMaxMembers, false);
        orderedCards.insert({position(c.value(QStringLiteral("pos")), double(i)), i}, c);
    }
    if (!r.ok())
        return plan;
    QHash<QString, int> columnIndex;
    for (qsizetype i = 0; i < plan.columns.size(); ++i)
        columnIndex.insert(plan.columns.at(i).key, int(i));
    QList<QList<ImportPlan::Card>> byColumn(plan.columns.size());
    int attachments = 0;
    int droppedAssignees = 0;
    int unknownLabelRefs = 0;
    for (const auto &c : std::as_const(orderedCards)) {
        ImportPlan::Card card;
        const QString list = c.value(QStringLiteral("idList")).toString();
        const bool listClosed = closedLists.contains(list);
        card.columnKey = listClosed ? archiveColumn : list;
        card.title = c.value(QStringLiteral("name")).toString();
        card.description = c.value(QStringLiteral("desc")).toString();
        card.archived = listClosed || c.value(QStringLiteral("closed")).toBool();
        const QJsonValue due = c.value(QStringLiteral("due"));
        if (due.isString())
            card.dueAt = fromRfc3339(due.toString()).toUTC();
        const QJsonArray idLabels = c.value(QStringLiteral("idLabels")).toArray();
        for (const auto &l : idLabels) {
            if (labelIds.contains(l.toString()))
                card.labelKeys.append(l.toString());
            else
                ++unknownLabelRefs;
        }
        const QJsonArray idMembers = c.value(QStringLiteral("idMembers")).toArray();
        for (const auto &m : idMembers) {
            const QString email = memberEmail.value(m.toString());
            if (email.isEmpty())
                ++droppedAssignees;
            else
                card.assigneeEmails.append(email);
        }
        attachments += int(c.value(QStringLiteral("attachments")).toArray().size());
        const auto cardChecklists
            = checklistsByCard.value(c.value(QStringLiteral("id")).toString());
        for (const auto &cl : cardChecklists) {
            const QString prefix = cardChecklists.size() > 1
                ? cl.value(QStringLiteral("name")).toString() + QStringLiteral(": ")
                : QString();
            QMap<Ordered, QJsonObject> items;
            const QJsonArray checkItems = cl.value(QStringLiteral("checkItems")).toArray();
            for (qsizetype j = 0; j < checkItems.size(); ++j) {
                const QJsonObject item = checkItems.at(j).toObject();
                items.insert({position(item.value(QStringLiteral("pos")), double(j)), j}, item);
            }
            for (const auto &item : std::as_const(items)) {
                QString text = prefix + item.value(QStringLiteral("name")).toString();
                if (text.size() > kChecklistTextMax)
                    text = item.value(QStringLiteral("name")).toString();
                card.checklist.append({text,
                    item.value(QStringLiteral("state")).toString() == QLatin1String("complete")});
            }
        }
        if (card.checklist.size() > kMaxChecklistItemsPerCard)
            r.fail(QStringLiteral("checklists"), QStringLiteral("too_many"),
                QStringLiteral("card '%1' has more than %2 checklist items")
                    .arg(card.title.left(60))
                    .arg(kMaxChecklistItemsPerCard));
        const auto comments = commentsByCard.value(c.value(QStringLiteral("id")).toString());
        for (const auto &m : comments)
            card.comments.append(m);
        byColumn[columnIndex.value(card.columnKey)].append(card);
    }
    for (const auto &column : std::as_const(byColumn))
        plan.cards += column;
    if (attachments > 0)
        plan.skipped.append({QStringLiteral("attachments"),
            QStringLiteral("files and links attached in Trello are not part of its JSON export"),
            attachments});
    if (droppedAssignees > 0)
        plan.skipped.append({QStringLiteral("card members"),
            QStringLiteral("Trello members with no matching account here are not assigned"),
            droppedAssignees});
    if (unknownLabelRefs > 0)
        plan.skipped.append({QStringLiteral("card labels"),
            QStringLiteral("labels the export does not define"), unknownLabelRefs});
    return plan;
}

} // namespace corkboard::trello_format
