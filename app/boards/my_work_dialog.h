#pragma once

#include "app/shell/backend.h"

#include <QDialog>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace corkboard::ui {

//! View ▸ My work: the cards assigned to me on every board I belong to, overdue first, then by
//! due date, then those without one. Activating a row opens that card on its board.
class MyWorkDialog : public QDialog
{
    Q_OBJECT
public:
    MyWorkDialog(Backend *backend, const QString &myUserId, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    //! True once every board has answered (or failed).
    bool isLoaded() const { return m_pending == 0 && m_listed; }

Q_SIGNALS:
    void openCardRequested(const QString &boardId, const QString &cardId);

private:
    void addBoard(const BoardSnapshot &snapshot);
    void finishOne();

    Backend *m_backend;
    QString m_me;
    QTreeWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    int m_pending = 0;
    bool m_listed = false;
    int m_failed = 0;
};

} // namespace corkboard::ui
