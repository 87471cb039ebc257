#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

namespace corkboard {

class Database;

//! In the server process: notifications are written by the worker process, so this polls the
//! table for rows it has not pushed yet and hands each to the sink as
//! {"type":"notification","data":{…}} (the live hub sends it to the user's WebSockets).
class NotificationPump : public QObject
{
    Q_OBJECT
public:
    using Sink = std::function<void(const QString &userId, const QByteArray &message)>;

    NotificationPump(Database &db, Sink sink, int intervalMs = 500, QObject *parent = nullptr);
    //! Pushes whatever arrived since the last call (also called by the timer).
    void poll();

private:
    Database &m_db;
    Sink m_sink;
    QTimer m_timer;
    qint64 m_lastSeq = -1;
};

} // namespace corkboard
