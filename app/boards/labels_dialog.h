#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;
class QPushButton;

namespace corkboard::ui {

class Backend;
class OpenBoard;

//! Board ▸ Labels…: the open board's labels, each created, renamed, recoloured and deleted here
//! (buttons and the list's context menu). Every change goes to the server through the Backend;
//! the open board shows it at once, other windows through the live channel.
class LabelsDialog : public QDialog
{
    Q_OBJECT
public:
    //! Choice ids of the delete question (for MessageBox::setNextAnswer in tests).
    enum DeleteChoice
    {
        ConfirmDelete = 21,
        CancelDelete = 22
    };

    LabelsDialog(Backend *backend, OpenBoard *board, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *colourButton() const { return m_colour; }
    QPushButton *deleteButton() const { return m_delete; }

    //! The colours a label can have: a name for people and menus, "#rrggbb" for the server.
    static QList<QPair<QString, QString>> palette();

private:
    void rebuild();
    QString selectedId() const;
    void createLabel();
    void renameSelected();
    void recolourSelected(const QString &color);
    void deleteSelected();
    void showMenu(const QPoint &pos);
    void fillColourMenu(QMenu *menu);
    void report(const QString &message);

    Backend *m_backend;
    OpenBoard *m_board;
    QListWidget *m_list = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_colour = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace corkboard::ui
