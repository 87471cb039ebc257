#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace corkboard::client {
class ApiClient;
}

namespace corkboard::ui {

//! The Administration dialog's "Backups" tab: the server's backups (newest first) and
//! "Back up now".
class BackupsPanel : public QWidget
{
    Q_OBJECT
public:
    BackupsPanel(client::ApiClient *api, QWidget *parent = nullptr);
    void reload();
    QTableWidget *table() const { return m_table; }
    QPushButton *backUpNowButton() const { return m_backUpNow; }

private:
    client::ApiClient *m_api;
    QTableWidget *m_table;
    QPushButton *m_backUpNow;
    QLabel *m_status;
};

} // namespace corkboard::ui
