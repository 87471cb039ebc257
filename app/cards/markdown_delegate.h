#pragma once

#include <QStyledItemDelegate>

class QTextDocument;

namespace corkboard::ui {

//! Paints a comment row: its first line (who and when) in bold, then the body (`bodyRole`)
//! rendered as Markdown with Qt's own parser (GitHub dialect). Raw HTML in the text is shown as
//! text, never interpreted, and images are never loaded (no file or network access from what
//! someone else wrote). Links are shown underlined; the row's tooltip keeps the plain text.
class MarkdownDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    MarkdownDelegate(int bodyRole, QObject *parent);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! The document a body renders to at `width` pixels (also what tests read back).
    static std::unique_ptr<QTextDocument> render(
        const QString &markdown, const QFont &font, qreal width);

private:
    int textWidth(const QStyleOptionViewItem &option) const;

    int m_bodyRole;
};

} // namespace corkboard::ui
