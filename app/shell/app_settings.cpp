#include "app/shell/app_settings.h"

#include "shared/client/server_trust.h"

#include <QSettings>

namespace corkboard::ui {

AppSettings::AppSettings(const QString &file)
    : m_file(file)
    , m_settings(file.isEmpty() ? new QSettings : new QSettings(file, QSettings::IniFormat))
{
}

std::shared_ptr<client::ServerTrust> AppSettings::serverTrust()
{
    if (!m_trust) {
        m_trust = std::make_shared<client::ServerTrust>(
            std::make_shared<client::SettingsPinStore>(m_settings->fileName()));
    }
    return m_trust;
}

AppSettings::~AppSettings()
{
    delete m_settings;
}

AppSettings::Shape AppSettings::shape() const
{
    const QString s = m_settings->value(QStringLiteral("shape")).toString();
    if (s == QLatin1String("local"))
        return Shape::Local;
    if (s == QLatin1String("remote"))
        return Shape::Remote;
    return Shape::Unset;
}

void AppSettings::setShape(Shape shape)
{
    m_settings->setValue(QStringLiteral("shape"),
        shape == Shape::Local        ? QStringLiteral("local")
            : shape == Shape::Remote ? QStringLiteral("remote")
                                     : QString());
}

QUrl AppSettings::remoteUrl() const
{
    return QUrl(m_settings->value(QStringLiteral("remote_url")).toString());
}

void AppSettings::setRemoteUrl(const QUrl &url)
{
    m_settings->setValue(QStringLiteral("remote_url"), url.toString());
}

bool AppSettings::shareOnLan() const
{
    return m_settings->value(QStringLiteral("lan/share"), false).toBool();
}

void AppSettings::setShareOnLan(bool share)
{
    m_settings->setValue(QStringLiteral("lan/share"), share);
}

int AppSettings::lanPort() const
{
    return m_settings->value(QStringLiteral("lan/port"), 8080).toInt();
}

void AppSettings::setLanPort(int port)
{
    m_settings->setValue(QStringLiteral("lan/port"), port);
}

QString AppSettings::language() const
{
    return m_settings->value(QStringLiteral("language")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(QStringLiteral("language"), language);
}

static QString accountKey(const QString &server)
{
    return QStringLiteral("accounts/")
        + QString::fromLatin1(server.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

static QString lastBoardKey(const QString &server)
{
    return QStringLiteral("lastBoard/")
        + QString::fromLatin1(server.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QString AppSettings::lastBoard(const QString &server) const
{
    return m_settings->value(lastBoardKey(server)).toString();
}

void AppSettings::setLastBoard(const QString &server, const QString &boardId)
{
    if (boardId.isEmpty())
        m_settings->remove(lastBoardKey(server));
    else
        m_settings->setValue(lastBoardKey(server), boardId);
}

QString AppSettings::accountFor(const QString &server) const
{
    return m_settings->value(accountKey(server)).toString();
}

void AppSettings::setAccountFor(const QString &server, const QString &accountId)
{
    if (accountId.isEmpty())
        m_settings->remove(accountKey(server));
    else
        m_settings->setValue(accountKey(server), accountId);
}

int AppSettings::localPort() const
{
    return m_settings->value(QStringLiteral("local_port"), 0).toInt();
}

void AppSettings::setLocalPort(int port)
{
    m_settings->setValue(QStringLiteral("local_port"), port);
}

bool AppSettings::keepInTray() const
{
    return m_settings->value(QStringLiteral("keep_in_tray"), true).toBool();
}

void AppSettings::setKeepInTray(bool keep)
{
    m_settings->setValue(QStringLiteral("keep_in_tray"), keep);
}

} // namespace corkboard::ui
