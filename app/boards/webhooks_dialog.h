#pragma once

#include "app/shell/backend.h"
#include "app/widgets/form_errors.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class QWidget;

namespace corkboard::ui {

//! Board ▸ Webhooks… (owners): the board's webhooks (URL, events, paused), adding one (URL and
//! event types; its secret is shown once, with Copy), deleting one after a question, and the
//! selected webhook's recent deliveries (state, attempts, last error).
class WebhooksDialog : public QDialog
{
    Q_OBJECT
public:
    WebhooksDialog(Backend *backend, const QString &boardId, QWidget *parent = nullptr);

    enum DeleteChoice
    {
        ConfirmDelete = 1,
        CancelDelete
    };

    //! The event types a webhook can subscribe to (as the server names them).
    static QStringList eventTypes();

    QTableWidget *hooks() const { return m_hooks; }
    QLineEdit *urlField() const { return m_url; }
    QListWidget *eventList() const { return m_events; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *deliveriesButton() const { return m_showDeliveries; }
    QTableWidget *deliveries() const { return m_deliveries; }
    //! The new webhook's secret (empty until one is added); shown only after creating it.
    QLabel *secretLabel() const { return m_secret; }
    QPushButton *copySecretButton() const { return m_copySecret; }
    QString errorFor(const QString &wireName) const { return m_errors.errorFor(wireName); }

private:
    void reload();
    void add();
    void askDelete();
    void showDeliveries();
    QString selectedId() const;
    void updateButtons();

    Backend *m_backend;
    QString m_boardId;
    QTableWidget *m_hooks = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_showDeliveries = nullptr;
    QLineEdit *m_url = nullptr;
    QListWidget *m_events = nullptr;
    QPushButton *m_add = nullptr;
    FormErrors m_errors;
    QWidget *m_secretBox = nullptr;
    QLabel *m_secret = nullptr;
    QPushButton *m_copySecret = nullptr;
    QTableWidget *m_deliveries = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace corkboard::ui
