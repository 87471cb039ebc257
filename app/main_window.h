#pragma once

#include <QMainWindow>

class QLabel;
class QNetworkAccessManager;

namespace corkboard {

//! The desktop window. For now it shows where the embedded server listens and its health.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    void showStarting();
    void showServer(const QString &baseUrl);
    void showFailure(const QString &message);
    QString statusText() const;

private:
    void refreshHealth();

    QLabel *m_address = nullptr;
    QLabel *m_health = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QString m_baseUrl;
};

} // namespace corkboard
