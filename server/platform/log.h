#pragma once

#include <QJsonObject>
#include <QLoggingCategory>
#include <functional>

// Every logging category of the server library, declared in one place.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcAccess)
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcEvents)
Q_DECLARE_LOGGING_CATEGORY(lcJobs)

namespace corkboard::logging {

enum class Format
{
    Json,
    Text
};

//! Installs the JSON-lines (or text) message handler; level is debug|info|warning|error.
void install(Format format, const QString &level);
//! Also append every line to this file (desktop mode), rotating at 5 MB with 3 old copies kept.
void setLogFile(const QString &path);
//! Test seam: every formatted line is also handed to this sink (empty function to remove).
void setSink(std::function<void(const QByteArray &line)> sink);

//! The request id of the request this thread is handling (empty outside requests).
void setCurrentRequestId(const QString &id);
QString currentRequestId();

//! Logs one line with structured fields (never pass secrets here).
void write(const QLoggingCategory &category, QtMsgType type, const QString &message,
    const QJsonObject &fields = {});

//! Formats one line the way the handler would; exposed for tests.
QByteArray formatLine(Format format, QtMsgType type, const char *category, const QString &message,
    const QString &requestId, const QJsonObject &fields);

} // namespace corkboard::logging
