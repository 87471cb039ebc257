#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace corkboard {

class JsonWriter;

//! Something an import left out, and why (e.g. "attachments", "not imported: files are not
//! part of a board export", 3).
struct ImportSkip
{
    QString what;
    QString reason;
    int count = 0;
};

//! What POST /boards/import did: the new board, counts per kind, what was left out.
struct ImportReport
{
    QString boardId;
    QString boardName;
    QString source; //!< corkboard | trello
    int columns = 0;
    int cards = 0;
    int archivedCards = 0;
    int labels = 0;
    int checklistItems = 0;
    int comments = 0;
    int members = 0;
    int activity = 0;
    QStringList unmatchedMembers; //!< people of the document with no account here
    QList<ImportSkip> skipped;
};

void writeJson(JsonWriter &w, const ImportReport &report);
ImportReport importReportFromJson(const QJsonObject &o);

} // namespace corkboard
