#pragma once

#include <QStyledItemDelegate>

namespace corkboard::ui {

//! Paints a card: its cover image, label chips, title, due badge (soon/overdue colours),
//! checklist progress, attachment count,
//! comment count and assignee initials — in the colours of the system palette.
class CardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setCardWidth(int width) { m_width = width; }

    //! Badge colours, shared with tests and the legend.
    static QColor soonColor();
    static QColor overdueColor();

private:
    int titleHeight(const QFontMetrics &fm, const QString &title) const;
    //! `title` broken into at most `maxLines` lines of whole words, the last one ending in "…"
    //! when the title is longer (the card's tool tip has it whole).
    static QString elidedTitle(const QFont &font, int width, const QString &title, int maxLines);

    int m_width = 260;
};

} // namespace corkboard::ui
