#include "app/shell/desktop.h"

#include "app/shell/api_backend.h"
#include "app/shell/app_settings.h"
#include "app/shell/desktop_session.h"
#include "app/shell/single_instance.h"
#include "app/shell/translations.h"
#include "server/host/unix_signals.h"
#include "server/platform/log.h"

#include <QApplication>
#include <QDir>
#include <QIcon>

namespace corkboard {

int runDesktop(const Config &configIn)
{
    Config config = configIn;
    if (config.port == 8080 && config.mode == RunMode::Desktop)
        config.port = 0;
    QDir().mkpath(config.dataDir);
    logging::setLogFile(QDir(config.dataDir).filePath(QStringLiteral("corkboard.log")));

    // The installed menu entry is org.corkboard.Corkboard.desktop (packaging/linux): Wayland
    // compositors and task bars match the window to it, and so to the hicolor "corkboard" icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.corkboard.Corkboard"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("corkboard")));
    ui::AppSettings settings;
    ui::installTranslations(settings.language());
    QApplication::setQuitOnLastWindowClosed(false);
    // One window per data folder: a second start hands its request to the running one.
    ui::SingleInstance instance(QDir(config.dataDir).canonicalPath());
    const QStringList requests = config.openLinks.isEmpty()
        ? QStringList {QString::fromLatin1(ui::SingleInstance::kShow)}
        : config.openLinks;
    if (instance.forward(requests))
        return 0;
    if (!instance.listen())
        logging::write(lcServer(), QtWarningMsg,
            QStringLiteral("a second start will not find this window"),
            {{QStringLiteral("socket"), instance.socketPath()}});
    ui::DesktopSession session(config, &settings, ui::apiBackendFactory(&settings));
    QObject::connect(
        &instance, &ui::SingleInstance::received, &session, &ui::DesktopSession::handleRequests);
    session.handleRequests(config.openLinks);
    QObject::connect(&session, &ui::DesktopSession::finished, qApp, &QCoreApplication::exit);
    UnixSignalWatcher watcher;
    QObject::connect(
        &watcher, &UnixSignalWatcher::terminationRequested, &session, &ui::DesktopSession::quit);
    session.start();
    return QApplication::exec();
}

} // namespace corkboard
