#include "app/cards/markdown_delegate.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

#include <cmath>
#include <memory>

namespace corkboard::ui {

namespace {
constexpr int kPad = 4;

//! A document that never fetches a resource: `![x](file:///…)` or a remote image in someone
//! else's comment loads nothing.
class SealedDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        Q_UNUSED(type)
        Q_UNUSED(name)
        return QVariant();
    }
};

QString headerOf(const QModelIndex &index)
{
    return index.data(Qt::DisplayRole).toString().section(QLatin1Char('\n'), 0, 0);
}
} // namespace

MarkdownDelegate::MarkdownDelegate(int bodyRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_bodyRole(bodyRole)
{
}

std::unique_ptr<QTextDocument> MarkdownDelegate::render(
    const QString &markdown, const QFont &font, qreal width)
{
    auto doc = std::make_unique<SealedDocument>();
    doc->setDefaultFont(font);
    doc->setDocumentMargin(0);
    doc->setMarkdown(markdown,
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    doc->setTextWidth(std::max<qreal>(width, 40));
    return doc;
}

int MarkdownDelegate::textWidth(const QStyleOptionViewItem &option) const
{
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        width = view->viewport()->width();
    // The row leaves room for the view's spacing; the text has the row's padding on each side.
    return std::max(40, width - 4 * kPad);
}

QSize MarkdownDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int header = QFontMetrics(bold).height();
    const auto doc = render(index.data(m_bodyRole).toString(), option.font, textWidth(option));
    // As wide as the text (the view's width less the padding): rows wrap, never scroll sideways.
    return {textWidth(option) + 2 * kPad,
        kPad + header + kPad + int(std::ceil(doc->size().height())) + kPad};
}

void MarkdownDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // background, selection and focus only
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group
        = opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QColor ink
        = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);

    painter->save();
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(ink);
    const QRect inner = opt.rect.adjusted(kPad, kPad, -kPad, -kPad);
    const int headerHeight = QFontMetrics(bold).height();
    painter->drawText(QRect(inner.left(), inner.top(), inner.width(), headerHeight),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(headerOf(index), Qt::ElideRight, inner.width()));

    const auto doc = render(index.data(m_bodyRole).toString(), opt.font, inner.width());
    painter->translate(inner.left(), inner.top() + headerHeight + kPad);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, ink);
    context.clip = QRectF(0, 0, inner.width(), inner.height() - headerHeight - kPad);
    painter->setClipRect(context.clip);
    doc->documentLayout()->draw(painter, context);
    painter->restore();
}

} // namespace corkboard::ui
