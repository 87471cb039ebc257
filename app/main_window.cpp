#include "app/main_window.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace corkboard {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_network(new QNetworkAccessManager(this))
{
    setWindowTitle(tr("Corkboard"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *title = new QLabel(tr("<h2>Corkboard</h2>"), central);
    m_address = new QLabel(central);
    m_address->setAccessibleName(tr("Server address"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_health = new QLabel(central);
    m_health->setAccessibleName(tr("Server health"));
    layout->addWidget(title);
    layout->addWidget(m_address);
    layout->addWidget(m_health);
    layout->addStretch();
    setCentralWidget(central);
    resize(720, 480);
    auto *timer = new QTimer(this);
    timer->setInterval(5000);
    connect(timer, &QTimer::timeout, this, &MainWindow::refreshHealth);
    timer->start();
}

void MainWindow::showStarting()
{
    m_address->setText(tr("Starting the board server on this computer…"));
    statusBar()->showMessage(tr("Starting…"));
}

void MainWindow::showServer(const QString &baseUrl)
{
    m_baseUrl = baseUrl;
    m_address->setText(tr("Board server: %1").arg(baseUrl));
    refreshHealth();
}

void MainWindow::showFailure(const QString &message)
{
    m_address->setText(tr("The board server could not start: %1").arg(message));
    statusBar()->showMessage(tr("Offline"));
}

QString MainWindow::statusText() const
{
    return m_address->text() + QLatin1Char('\n') + m_health->text();
}

void MainWindow::refreshHealth()
{
    if (m_baseUrl.isEmpty())
        return;
    QNetworkReply *reply = m_network->get(QNetworkRequest(QUrl(m_baseUrl + QStringLiteral("/health"))));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const auto status = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("status")).toString();
        if (reply->error() == QNetworkReply::NoError && status == QLatin1String("ok")) {
            m_health->setText(tr("Health: ok"));
            statusBar()->showMessage(tr("Online"));
        } else {
            m_health->setText(tr("Health: unreachable"));
            statusBar()->showMessage(tr("Offline"));
        }
    });
}

} // namespace corkboard
