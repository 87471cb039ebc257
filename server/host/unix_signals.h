#pragma once

#include <QObject>

class QSocketNotifier;

namespace corkboard {

//! Turns SIGTERM/SIGINT into a Qt signal on the main thread (self-pipe).
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace corkboard
