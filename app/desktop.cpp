#include "app/desktop.h"

#include "app/embedded_server.h"
#include "app/main_window.h"
#include "server/host/unix_signals.h"
#include "server/platform/log.h"

#include <QApplication>
#include <QDir>

namespace corkboard {

int runDesktop(const Config &configIn)
{
    Config config = configIn;
    if (config.port == 8080 && config.mode == RunMode::Desktop)
        config.port = 0;
    QDir().mkpath(config.dataDir);
    logging::setLogFile(QDir(config.dataDir).filePath(QStringLiteral("corkboard.log")));

    MainWindow window;
    EmbeddedServer server(config);
    QObject::connect(&server, &EmbeddedServer::started, &window, &MainWindow::showServer);
    QObject::connect(&server, &EmbeddedServer::failed, &window, &MainWindow::showFailure);
    QObject::connect(&server, &EmbeddedServer::stopped, qApp, [] { QCoreApplication::exit(0); });
    UnixSignalWatcher watcher;
    QObject::connect(&watcher, &UnixSignalWatcher::terminationRequested, &server, [&server] { server.stop(); });
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(qApp, &QApplication::lastWindowClosed, &server, [&server] { server.stop(); });
    window.showStarting();
    window.show();
    server.start();
    return QApplication::exec();
}

} // namespace corkboard
