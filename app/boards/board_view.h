#pragma once

#include <QHash>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;

namespace corkboard::ui {

class BoardCommands;
class OpenBoard;
class CardDelegate;
class ColumnWidget;
class FilterBar;

//! The open board: title, presence row, and the columns side by side.
class BoardView : public QWidget
{
    Q_OBJECT
public:
    //! `commands`: where the columns' menus and keys send changes (undoable).
    BoardView(OpenBoard *controller, BoardCommands *commands, QWidget *parent = nullptr);

    ColumnWidget *columnWidget(const QString &columnId) const
    {
        return m_columnWidgets.value(columnId);
    }
    QList<ColumnWidget *> columnWidgets() const;
    QLabel *presenceLabel() const { return m_presence; }
    QPushButton *membersButton() const { return m_members; }
    //! Scrolls to the card and selects it; false when it is not on the board.
    bool focusCard(const QString &cardId);
    //! Scrolls to the card and selects it, leaving the keyboard focus where it is.
    bool revealCard(const QString &cardId);
    void setPresence(const QStringList &displayNames);
    FilterBar *filterBar() const { return m_filterBar; }

Q_SIGNALS:
    void cardActivated(const QString &cardId);
    void filesDroppedOnCard(const QString &cardId, const QStringList &paths);
    void copyLinkRequested(const QString &cardId);
    void membersRequested();
    void backRequested();

private:
    void rebuildColumns();
    //! Hides the cards the filter leaves out (rows stay in the models: moves keep their rows).
    void applyFilter();
    void applyFilter(ColumnWidget *column);
    void updateCounts();

    OpenBoard *m_controller;
    BoardCommands *m_commands;
    CardDelegate *m_delegate;
    QLabel *m_title = nullptr;
    QLabel *m_presence = nullptr;
    QLabel *m_loading = nullptr;
    QPushButton *m_members = nullptr;
    QLineEdit *m_newColumn = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_strip = nullptr;
    QHBoxLayout *m_stripLayout = nullptr;
    QHash<QString, ColumnWidget *> m_columnWidgets;
    FilterBar *m_filterBar = nullptr;
};

} // namespace corkboard::ui
