#include "server/platform/log.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <cstdio>

Q_LOGGING_CATEGORY(lcHttp, "corkboard.http")
Q_LOGGING_CATEGORY(lcAccess, "corkboard.access")
Q_LOGGING_CATEGORY(lcDb, "corkboard.db")
Q_LOGGING_CATEGORY(lcAuth, "corkboard.auth")
Q_LOGGING_CATEGORY(lcSecurity, "corkboard.security")
Q_LOGGING_CATEGORY(lcServer, "corkboard.server")
Q_LOGGING_CATEGORY(lcEvents, "corkboard.events")
Q_LOGGING_CATEGORY(lcJobs, "corkboard.jobs")

namespace corkboard::logging {

namespace {
Format g_format = Format::Json;
QMutex g_mutex;
std::function<void(const QByteArray &)> g_sink;
QString g_filePath;
thread_local QString t_requestId;
thread_local const QJsonObject *t_fields = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void appendToFile(const QByteArray &line)
{
    if (g_filePath.isEmpty())
        return;
    QFileInfo info(g_filePath);
    if (info.exists() && info.size() > 5 * 1024 * 1024) {
        for (int i = 2; i >= 1; --i) {
            QFile::remove(g_filePath + QLatin1Char('.') + QString::number(i + 1));
            QFile::rename(g_filePath + QLatin1Char('.') + QString::number(i),
                g_filePath + QLatin1Char('.') + QString::number(i + 1));
        }
        QFile::remove(g_filePath + QStringLiteral(".1"));
        QFile::rename(g_filePath, g_filePath + QStringLiteral(".1"));
    }
    QFile f(g_filePath);
    if (f.open(QIODevice::Append | QIODevice::WriteOnly))
        f.write(line);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Our SocketHandoff never listens (the acceptor does); QTcpServer warns about that on every
    // handed-off connection although it works as documented.
    if (message.startsWith(
            QLatin1String("QTcpServer::nextPendingConnection() called while not listening")))
        return;
    const QJsonObject empty;
    const QByteArray line
        = formatLine(g_format, type, context.category ? context.category : "default", message,
            t_requestId, t_fields ? *t_fields : empty);
    QMutexLocker lock(&g_mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    appendToFile(line);
    if (g_sink)
        g_sink(line);
}
} // namespace

QByteArray formatLine(Format format, QtMsgType type, const char *category, const QString &message,
    const QString &requestId, const QJsonObject &fields)
{
    const QString ts = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (format == Format::Text) {
        QString text = ts + QLatin1Char(' ') + QLatin1String(levelName(type)) + QLatin1Char(' ')
            + QLatin1String(category) + QStringLiteral(": ") + message;
        if (!requestId.isEmpty())
            text += QStringLiteral(" [") + requestId + QLatin1Char(']');
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            text += QLatin1Char(' ') + it.key() + QLatin1Char('=')
                + it.value().toVariant().toString();
        }
        return text.toUtf8() + '\n';
    }
    QJsonObject o;
    o.insert(QStringLiteral("ts"), ts);
    o.insert(QStringLiteral("level"), QLatin1String(levelName(type)));
    o.insert(QStringLiteral("category"), QLatin1String(category));
    o.insert(QStringLiteral("msg"), message);
    if (!requestId.isEmpty())
        o.insert(QStringLiteral("request_id"), requestId);
    if (!fields.isEmpty())
        o.insert(QStringLiteral("fields"), fields);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

void install(Format format, const QString &level)
{
    g_format = format;
    QString rules = QStringLiteral("qt.httpserver.warning=false\n");
    if (level == QLatin1String("info"))
        rules += QStringLiteral("corkboard.*.debug=false\n");
    else if (level == QLatin1String("warning"))
        rules += QStringLiteral("corkboard.*.debug=false\ncorkboard.*.info=false\n");
    else if (level == QLatin1String("error"))
        rules += QStringLiteral(
            "corkboard.*.debug=false\ncorkboard.*.info=false\ncorkboard.*.warning=false\n");
    else
        rules += QStringLiteral("corkboard.*.debug=true\n");
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(handler);
}

void setLogFile(const QString &path)
{
    QMutexLocker lock(&g_mutex);
    g_filePath = path;
}

void setSink(std::function<void(const QByteArray &)> sink)
{
    QMutexLocker lock(&g_mutex);
    g_sink = std::move(sink);
}

void setCurrentRequestId(const QString &id)
{
    t_requestId = id;
}

QString currentRequestId()
{
    return t_requestId;
}

void write(const QLoggingCategory &category, QtMsgType type, const QString &message,
    const QJsonObject &fields)
{
    if (!category.isEnabled(type))
        return;
    t_fields = &fields;
    QMessageLogger logger(nullptr, 0, nullptr, category.categoryName());
    switch (type) {
    case QtDebugMsg:
        logger.debug().noquote() << message;
        break;
    case QtInfoMsg:
        logger.info().noquote() << message;
        break;
    case QtWarningMsg:
        logger.warning().noquote() << message;
        break;
    default:
        logger.critical().noquote() << message;
        break;
    }
    t_fields = nullptr;
}

} // namespace corkboard::logging
