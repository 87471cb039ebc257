#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace corkboard::ui {

//! One desktop window per data folder: a second start hands its request (show the window, open
//! a link) to the running one over a local socket in the user's runtime folder (0700, owner-only
//! socket) and exits. Messages are short lines of text; nothing secret travels this way.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    //! `key`: what makes an instance the same one (the data folder).
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    //! True when a running instance took `messages` (it answered within `timeoutMs`).
    bool forward(const QStringList &messages, int timeoutMs = 3000) const;
    //! Starts answering later starts; false when the socket could not be made.
    bool listen();
    QString socketPath() const { return m_path; }

    static constexpr auto kShow = "show"; //!< bring the window to the front

Q_SIGNALS:
    void received(const QStringList &messages);

private:
    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace corkboard::ui
