#include "server/features/transfer/corkboard_format.h"

#include "server/features/transfer/document_reader.h"
#include "shared/time_format.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace corkboard::corkboard_format {

namespace {

using namespace import_limits;

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(toRfc3339(t)) : QJsonValue(QJsonValue::Null);
}

QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const auto &s : list)
        a.append(s);
    return a;
}

bool plausibleEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral(R"(^[^@\s]+@[^@\s]+$)"));
    return re.match(email).hasMatch();
}

} // namespace

bool isOurs(const QJsonObject &document)
{
    return document.value(QStringLiteral("format")).toString() == boardFormat();
}

QJsonObject write(const ImportPlan &b, const QDateTime &exportedAt)
{
    QHash<QString, QString> columnKeys;
    QHash<QString, QString> labelKeys;
    QJsonObject doc;
    doc.insert(QStringLiteral("format"), boardFormat());
    doc.insert(QStringLiteral("format_version"), kFormatVersion);
    doc.insert(QStringLiteral("exported_at"), toRfc3339(exportedAt));
    doc.insert(QStringLiteral("board"),
        QJsonObject {{QStringLiteral("name"), b.name},
            {QStringLiteral("description"), b.description},
            {QStringLiteral("archived"), b.archived},
            {QStringLiteral("created_at"), timeValue(b.createdAt)},
            {QStringLiteral("updated_at"), timeValue(b.updatedAt)}});
    QJsonArray members;
    for (const auto &m : b.members) {
        members.append(QJsonObject {{QStringLiteral("email"), m.email},
            {QStringLiteral("display_name"), m.displayName}, {QStringLiteral("role"), m.role}});
    }
    doc.insert(QStringLiteral("members"), members);
    QJsonArray labels;
    for (const auto &l : b.labels) {
        const QString key = QStringLiteral("label-%1").arg(labels.size() + 1);
        labelKeys.insert(l.key, key);
        labels.append(QJsonObject {{QStringLiteral("key"), key}, {QStringLiteral("name"), l.name},
            {QStringLiteral("color"), l.color}});
    }
    doc.insert(QStringLiteral("labels"), labels);
    QJsonArray columns;
    for (const auto &c : b.columns) {
        const QString key = QStringLiteral("column-%1").arg(columns.size() + 1);
        columnKeys.insert(c.key, key);
        columns.append(QJsonObject {{QStringLiteral("key"), key}, {QStringLiteral("name"), c.name},
            {QStringLiteral("wip_limit"),
                c.wipLimit ? QJsonValue(*c.wipLimit) : QJsonValue(QJsonValue::Null)}});
    }
    doc.insert(QStringLiteral("columns"), columns);
    QJsonArray cards;
    for (const auto &c : b.cards) {
        QStringList cardLabels;
        for (const auto &k : c.labelKeys)
            cardLabels.append(labelKeys.value(k));
        QJsonArray checklist;
        for (const auto &i : c.checklist) {
            checklist.append(
                QJsonObject {{QStringLiteral("text"), i.text}, {QStringLiteral("done"), i.done}});
        }
        QJsonArray comments;
        for (const auto &m : c.comments) {
            comments.append(QJsonObject {{QStringLiteral("author"), m.authorEmail},
                {QStringLiteral("author_name"), m.authorName}, {QStringLiteral("body"), m.body},
                {QStringLiteral("created_at"), timeValue(m.createdAt)},
                {QStringLiteral("updated_at"), timeValue(m.updatedAt)}});
        }
        cards.append(QJsonObject {{QStringLiteral("column"), columnKeys.value(c.columnKey)},
            {QStringLiteral("title"), c.title}, {QStringLiteral("description"), c.description},
            {QStringLiteral("due_at"), timeValue(c.dueAt)},
            {QStringLiteral("archived"), c.archived},
            {QStringLiteral("created_by"), c.createdByEmail},
            {QStringLiteral("labels"), strings(cardLabels)},
            {QStringLiteral("assignees"), strings(c.assigneeEmails)},
            {QStringLiteral("checklist"), checklist}, {QStringLiteral("comments"), comments},
            {QStringLiteral("created_at"), timeValue(c.createdAt)},
            {QStringLiteral("updated_at"), timeValue(c.updatedAt)}});
    }
    doc.insert(QStringLiteral("cards"), cards);
    QJsonArray activity;
    for (const auto &a : b.activity) {
        activity.append(QJsonObject {{QStringLiteral("actor"), a.actorEmail},
            {QStringLiteral("action"), a.action}, {QStringLiteral("summary"), a.summary},
            {QStringLiteral("at"), timeValue(a.at)}});
    }
    doc.insert(QStringLiteral("activity"), activity);
    return doc;
}

ImportPlan read(const QJsonObject &doc, DocumentReader &r)
{
    ImportPlan plan;
    plan.source = QStringLiteral("corkboard");
    r.onlyKnown(doc, QString(),
        {QStringLiteral("format"), QStringLiteral("format_version"), QStringLiteral("exported_at"),
            QStringLiteral("board"), QStringLiteral("members"), QStringLiteral("labels"),
            QStringLiteral("columns"), QStringLiteral("cards"), QStringLiteral("activity")});
    const auto version = r.integer(doc, "format_version", QString(), 1, 1000000);
    if (!version) {
        if (doc.value(QStringLiteral("format_version")).isUndefined())
            r.fail(QStringLiteral("format_version"), QStringLiteral("required"),
                QStringLiteral("this field is required"));
        return plan;
    }
    if (*version > kFormatVersion) {
        r.fail(QStringLiteral("format_version"), QStringLiteral("unsupported"),
            QStringLiteral("format version %1 is newer than this server reads (%2)")
                .arg(*version)
                .arg(kFormatVersion));
        return plan;
    }
    r.time(doc, "exported_at", QString(), false);

    const QJsonObject board = r.object(doc.value(QStringLiteral("board")), QStringLiteral("board"));
    const QString bp = QStringLiteral("board");
    r.onlyKnown(board, bp,
        {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("archived"),
            QStringLiteral("created_at"), QStringLiteral("updated_at")});
    plan.name = r.text(board, "name", bp, 1, kNameMax, true).value_or(QString());
    plan.description = r.text(board, "description", bp, 0, kTextMax, false).value_or(QString());
    plan.archived = r.boolean(board, "archived", bp, false).value_or(false);
    plan.createdAt = r.time(board, "created_at", bp, false).value_or(QDateTime());
    plan.updatedAt = r.time(board, "updated_at", bp, false).value_or(QDateTime());

    const QStringList roles {
        QStringLiteral("owner"), QStringLiteral("editor"), QStringLiteral("viewer")};
    auto readEmail = [&r](const QJsonObject &o, const char *key, const QString &path,
                         bool required) -> QString {
        const auto e = r.text(o, key, path, 0, kEmailMax, required);
        if (e && !e->isEmpty() && !plausibleEmail(*e)) {
            r.fail(DocumentReader::at(path, key), QStringLiteral("invalid_format"),
                QStringLiteral("must be an e-mail address"));
            return QString();
        }
        return e.value_or(QString());
    };

    const QJsonArray members = r.array(doc, "members", QString(), kMaxMembers, false);
    for (qsizetype i = 0; i < members.size(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("members"), i);
        const QJsonObject m = r.object(members.at(i), p);
        r.onlyKnown(m, p,
            {QStringLiteral("email"), QStringLiteral("display_name"), QStringLiteral("role")});
        ImportPlan::Member member;
        member.email = readEmail(m, "email", p, true);
        member.displayName
            = r.text(m, "display_name", p, 0, kDisplayNameMax, false).value_or(QString());
        member.role = r.text(m, "role", p, 1, 20, true).value_or(QStringLiteral("editor"));
        if (!roles.contains(member.role))
            r.fail(DocumentReader::at(p, "role"), QStringLiteral("invalid_choice"),
                QStringLiteral("must be owner, editor or viewer"));
        plan.members.append(member);
    }

    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    QSet<QString> labelKeys;
    const QJsonArray labels = r.array(doc, "labels", QString(), kMaxLabels, false);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("labels"), i);
        const QJsonObject l = r.object(labels.at(i), p);
        r.onlyKnown(l, p, {QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("color")});
        ImportPlan::Label label;
        label.key = r.text(l, "key", p, 1, 64, true).value_or(QString());
        label.name = r.text(l, "name", p, 1, kNameMax, true).value_or(QString());
        label.color
            = r.text(l, "color", p, 1, 7, true).value_or(QStringLiteral("#000000")).toLower();
        if (!hex.match(label.color).hasMatch())
            r.fail(DocumentReader::at(p, "color"), QStringLiteral("invalid_format"),
                QStringLiteral("must be a colour like #3366cc"));
        if (!label.key.isEmpty() && labelKeys.contains(label.key))
            r.fail(DocumentReader::at(p, "key"), QStringLiteral("duplicate"),
                QStringLiteral("another label has this key"));
        labelKeys.insert(label.key);
        plan.labels.append(label);
    }

    QSet<QString> columnKeys;
    const QJsonArray columns = r.array(doc, "columns", QString(), kMaxColumns, true);
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("columns"), i);
        const QJsonObject c = r.object(columns.at(i), p);
        r.onlyKnown(
            c, p, {QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("wip_limit")});
        ImportPlan::Column column;
        column.key = r.text(c, "key", p, 1, 64, true).value_or(QString());
        column.name = r.text(c, "name", p, 1, kNameMax, true).value_or(QString());
        column.wipLimit = r.integer(c, "wip_limit", p, 0, 999);
        if (!column.key.isEmpty() && columnKeys.contains(column.key))
            r.fail(DocumentReader::at(p, "key"), QStringLiteral("duplicate"),
                QStringLiteral("another column has this key"));
        columnKeys.insert(column.key);
        plan.columns.append(column);
    }

    int commentTotal = 0;
    const QJsonArray cards = r.array(doc, "cards", QString(), kMaxCards, false);
    for (qsizetype i = 0; i < cards.size() && r.ok(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("cards"), i);
        const QJsonObject c = r.object(cards.at(i), p);
        r.onlyKnown(c, p,
            {QStringLiteral("column"), QStringLiteral("title"), QStringLiteral("description"),
                QStringLiteral("due_at"), QStringLiteral("archived"), QStringLiteral("created_by"),
                QStringLiteral("labels"), QStringLiteral("assignees"), QStringLiteral("checklist"),
                QStringLiteral("comments"), QStringLiteral("created_at"),
                QStringLiteral("updated_at")});
        ImportPlan::Card card;
        card.columnKey = r.text(c, "column", p, 1, 64, true).value_or(QString());
        if (!card.columnKey.isEmpty() && !columnKeys.contains(card.columnKey))
            r.fail(DocumentReader::at(p, "column"), QStringLiteral("unknown_reference"),
                QStringLiteral("no column has this key"));
        card.title = r.text(c, "title", p, 1, kTitleMax, true).value_or(QString());
        card.description = r.text(c, "description", p, 0, kTextMax, false).value_or(QString());
        card.dueAt = r.time(c, "due_at", p, false).value_or(QDateTime());
        card.archived = r.boolean(c, "archived", p, false).value_or(false);
        card.createdByEmail = readEmail(c, "created_by", p, false);
        card.createdAt = r.time(c, "created_at", p, false).value_or(QDateTime());
        card.updatedAt = r.time(c, "updated_at", p, false).value_or(QDateTime());
        const QJsonArray cardLabels = r.array(c, "labels", p, kMaxLabels, false);
        for (qsizetype j = 0; j < cardLabels.size(); ++j) {
            const QString key = cardLabels.at(j).toString();
            if (!cardLabels.at(j).isString() || !labelKeys.contains(key))
                r.fail(DocumentReader::at(DocumentReader::at(p, "labels"), j),
                    QStringLiteral("unknown_reference"), QStringLiteral("no label has this key"));
            else if (!card.labelKeys.contains(key))
                card.labelKeys.append(key);
        }
        const QJsonArray assignees = r.array(c, "assignees", p, 100, false);
        for (qsizetype j = 0; j < assignees.size(); ++j) {
            const QString email = assignees.at(j).toString();
            if (!assignees.at(j).isString() || email.size() > kEmailMax || !plausibleEmail(email))
                r.fail(DocumentReader::at(DocumentReader::at(p, "assignees"), j),
                    QStringLiteral("invalid_format"), QStringLiteral("must be an e-mail address"));
            else if (!card.assigneeEmails.contains(email))
                card.assigneeEmails.append(email);
        }
        const QJsonArray checklist = r.array(c, "checklist", p, kMaxChecklistItemsPerCard, false);
        for (qsizetype j = 0; j < checklist.size(); ++j) {
            const QString ip = DocumentReader::at(DocumentReader::at(p, "checklist"), j);
            const QJsonObject item = r.object(checklist.at(j), ip);
            r.onlyKnown(item, ip, {QStringLiteral("text"), QStringLiteral("done")});
            card.checklist.append(
                {r.text(item, "text", ip, 1, kChecklistTextMax, true).value_or(QString()),
                    r.boolean(item, "done", ip, false).value_or(false)});
        }
        const QJsonArray comments = r.array(c, "comments", p, kMaxCommentsPerCard, false);
        commentTotal += int(comments.size());
        for (qsizetype j = 0; j < comments.size(); ++j) {
            const QString cp = DocumentReader::at(DocumentReader::at(p, "comments"), j);
            const QJsonObject m = r.object(comments.at(j), cp);
            r.onlyKnown(m, cp,
                {QStringLiteral("author"), QStringLiteral("author_name"), QStringLiteral("body"),
                    QStringLiteral("created_at"), QStringLiteral("updated_at")});
            ImportPlan::Comment comment;
            comment.authorEmail = readEmail(m, "author", cp, false);
            comment.authorName
                = r.text(m, "author_name", cp, 0, kDisplayNameMax, false).value_or(QString());
            comment.body = r.text(m, "body", cp, 1, kTextMax, true).value_or(QString());
            comment.createdAt = r.time(m, "created_at", cp, false).value_or(QDateTime());
            comment.updatedAt = r.time(m, "updated_at", cp, false).value_or(QDateTime());
            card.comments.append(comment);
        }
        plan.cards.append(card);
    }
    if (commentTotal > kMaxComments)
        r.fail(QStringLiteral("cards"), QStringLiteral("too_many"),
            QStringLiteral("at most %1 comments in all").arg(kMaxComments));

    const QJsonArray activity = r.array(doc, "activity", QString(), kMaxActivity, false);
    for (qsizetype i = 0; i < activity.size() && r.ok(); ++i) {
        const QString p = DocumentReader::at(QStringLiteral("activity"), i);
        const QJsonObject a = r.object(activity.at(i), p);
        r.onlyKnown(a, p,
            {QStringLiteral("actor"), QStringLiteral("action"), QStringLiteral("summary"),
                QStringLiteral("at")});
        ImportPlan::Activity entry;
        entry.actorEmail = readEmail(a, "actor", p, false);
        entry.action = r.text(a, "action", p, 1, 64, true).value_or(QString());
        entry.summary = r.text(a, "summary", p, 0, 1000, false).value_or(QString());
        entry.at = r.time(a, "at", p, true).value_or(QDateTime());
        plan.activity.append(entry);
    }
    return plan;
}

} // namespace corkboard::corkboard_format
