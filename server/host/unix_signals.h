#pragma once

#include <QObject>

class QSocketNotifier;

namespace corkboard {

//! Turns SIGTERM/SIGINT (and SIGHUP) into Qt signals on the main thread (self-pipe).
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);
    //! SIGHUP: read the TLS certificate and key again.
    void reloadRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace corkboard
