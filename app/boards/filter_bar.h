#pragma once

#include "app/boards/board_filter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace corkboard::ui {

class OpenBoard;

//! The row above the columns that narrows what the board shows: text, label, person ("Me"
//! first) and due date, and "Clear". Its choices follow the board's labels and members.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(OpenBoard *board, QWidget *parent = nullptr);
    //! Who "Me" is (the signed-in person).
    void setMe(const QString &userId);

    BoardFilter filter() const { return m_filter; }
    QLineEdit *textField() const { return m_text; }
    QComboBox *labelBox() const { return m_label; }
    QComboBox *personBox() const { return m_person; }
    QComboBox *dueBox() const { return m_due; }
    QToolButton *clearButton() const { return m_clear; }
    //! "Showing 2 of 7 cards" while a filter is on.
    void setCounts(int shown, int total);

Q_SIGNALS:
    void filterChanged();

private:
    void fillChoices();
    void update();

    OpenBoard *m_board;
    QString m_me;
    BoardFilter m_filter;
    QLineEdit *m_text = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_person = nullptr;
    QComboBox *m_due = nullptr;
    QToolButton *m_clear = nullptr;
    QLabel *m_counts = nullptr;
    bool m_filling = false;
};

} // namespace corkboard::ui
