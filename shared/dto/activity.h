#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace corkboard {

class JsonWriter;

//! One line of a board's activity feed: who did what to which entity.
struct ActivityEntry
{
    qint64 id = 0;
    QString boardId;
    QString actorId;
    QString actorName;
    QString action; //!< the event type, e.g. "card.moved"
    QString entityId;
    QString summary;
    qint64 seq = 0; //!< the event this entry belongs to
    QDateTime at;
    QString cardId; //!< the card it is about (card, comment, checklist, attachment); else empty
    //! Event-specific details; a move: from_column_id, from_column, to_column_id, to_column
    //! (the columns' names when the card moved).
    QJsonObject details;
};

//! One full-text search hit; `snippet` is HTML-escaped text with <mark>…</mark> around matches.
struct SearchHit
{
    QString kind; //!< card | comment
    QString id;
    QString boardId;
    QString cardId;
    QString title; //!< the card's title
    QString snippet;
    double rank = 0; //!< bm25, lower is better
};

void writeJson(JsonWriter &w, const ActivityEntry &entry);
void writeJson(JsonWriter &w, const SearchHit &hit);
ActivityEntry activityEntryFromJson(const QJsonObject &o);
SearchHit searchHitFromJson(const QJsonObject &o);

} // namespace corkboard
