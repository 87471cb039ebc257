#pragma once

#include "app/boards/board_list_model.h"
#include "app/shell/backend.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace corkboard::ui {

//! The boards page: the user's boards with create, rename, archive and delete.
class BoardsList : public QWidget
{
    Q_OBJECT
public:
    explicit BoardsList(Backend *backend, QWidget *parent = nullptr);

    BoardListModel *model() { return &m_model; }
    QListView *view() const { return m_view; }
    //! "No boards yet…": shown instead of an empty list once the list has loaded.
    QLabel *emptyHint() const { return m_empty; }
    QLineEdit *newBoardField() const { return m_newName; }
    void reload();
    void createBoard(const QString &name);
    void renameSelected(const QString &name);
    void archiveSelected(bool archived);
    //! Asks (naming the board and that it cannot be undone), then deletes it for everyone.
    void deleteSelected();

    //! Choice ids of the delete question (MessageBox::setNextAnswer in tests).
    enum DeleteChoice
    {
        ConfirmDelete = 21,
        CancelDelete = 22
    };

Q_SIGNALS:
    void openRequested(const QString &boardId);
    void message(const QString &text);

private:
    QString selectedId() const;

    Backend *m_backend;
    BoardListModel m_model;
    QListView *m_view = nullptr;
    QLineEdit *m_newName = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_archive = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_loading = nullptr;
    QLabel *m_empty = nullptr;
    bool m_loaded = false;
    void updateEmptyHint();
};

} // namespace corkboard::ui
