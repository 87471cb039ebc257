#include "app/cards/card_delegate.h"

#include "app/cards/card_model.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace corkboard::ui {

namespace {
constexpr int kPad = 8;
constexpr int kChipHeight = 16;
constexpr int kFooterHeight = 20;
constexpr int kMaxTitleLines = 4;
constexpr int kCoverHeight = 96;

QColor readableOn(const QColor &background)
{
    return background.lightnessF() > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor personColor(const QString &initials)
{
    const int hue = int(qHash(initials) % 360);
    return QColor::fromHsl(hue, 120, 110);
}
} // namespace

QColor CardDelegate::soonColor()
{
    return QColor(0xe0, 0x9b, 0x1a);
}

QColor CardDelegate::overdueColor()
{
    return QColor(0xc9, 0x30, 0x2c);
}

QString CardDelegate::elidedTitle(const QFont &font, int width, const QString &title, int maxLines)
{
    // Whole words per line; the last line that fits ends in "…" when text is left over.
    QTextLayout layout(title, font);
    layout.beginLayout();
    QStringList lines;
    while (lines.size() < maxLines) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1 && line.textStart() + line.textLength() < title.size()) {
            const QFontMetrics fm(font);
            lines << fm.elidedText(title.mid(line.textStart()).simplified(), Qt::ElideRight, width);
            break;
        }
        lines << title.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines.join(QLatin1Char('\n'));
}

int CardDelegate::titleHeight(const QFontMetrics &fm, const QString &title) const
{
    const QRect r
        = fm.boundingRect(QRect(0, 0, m_width - 2 * kPad, 10000), Qt::TextWordWrap, title);
    return std::min(r.height(), fm.lineSpacing() * kMaxTitleLines);
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    int h
        = kPad + titleHeight(fm, index.data(Qt::DisplayRole).toString()) + 4 + kFooterHeight + kPad;
    if (!index.data(CardModel::LabelNamesRole).toStringList().isEmpty())
        h += kChipHeight + 4;
    if (!index.data(CardModel::CoverIdRole).toString().isEmpty())
        h += kCoverHeight + 6; // kept while the image is fetched: the card does not jump
    return {m_width, h + 6}; // 6: gap between cards
}

void CardDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    QRect card = option.rect.adjusted(2, 3, -2, -3);

    const bool selected = option.state & QStyle::State_Selected;
    const bool focused = option.state & QStyle::State_HasFocus;
    painter->setPen(
        QPen(selected || focused ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
            selected ? 2 : 1));
    painter->setBrush(pal.color(QPalette::Base));
    painter->drawRoundedRect(card, 6, 6);

    QRect content = card.adjusted(kPad, kPad, -kPad, -kPad);
    // Cover: the newest image attachment, cropped to the card's width.
    if (!index.data(CardModel::CoverIdRole).toString().isEmpty()) {
        const QRect coverRect(card.left() + 1, card.top() + 1, card.width() - 2, kCoverHeight);
        const QImage cover = index.data(CardModel::CoverRole).value<QImage>();
        painter->save();
        QPainterPath clip;
        clip.addRoundedRect(coverRect, 5, 5);
        painter->setClipPath(clip);
        if (cover.isNull()) {
            painter->fillRect(coverRect, pal.color(QPalette::AlternateBase));
        } else {
            const QImage scaled = cover.scaled(
                coverRect.size(), Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
            const QPoint offset((scaled.width() - coverRect.width()) / 2,
                (scaled.height() - coverRect.height()) / 2);
            painter->drawImage(coverRect, scaled, QRect(offset, coverRect.size()));
        }
        painter->restore();
        content.setTop(coverRect.bottom() + 6);
    }
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics smallFm(small);

    // Label chips
    const QStringList labels = index.data(CardModel::LabelNamesRole).toStringList();
    const QVariantList colors = index.data(CardModel::LabelColorsRole).toList();
    if (!labels.isEmpty()) {
        painter->setFont(small);
        int x = content.left();
        for (int i = 0; i < labels.size(); ++i) {
            const QColor color
                = i < colors.size() ? colors.at(i).value<QColor>() : pal.color(QPalette::Mid);
            const int w = smallFm.horizontalAdvance(labels.at(i)) + 10;
            if (x + w > content.right())
                break;
            const QRect chip(x, content.top(), w, kChipHeight);
            painter->setPen(Qt::NoPen);
            painter->setBrush(color.isValid() ? color : pal.color(QPalette::Mid));
            painter->drawRoundedRect(chip, 4, 4);
            painter->setPen(readableOn(color));
            painter->drawText(chip, Qt::AlignCenter, labels.at(i));
            x += w + 4;
        }
        content.setTop(content.top() + kChipHeight + 4);
    }

    // Title
    painter->setFont(option.font);
    painter->setPen(pal.color(QPalette::Text));
    const QFontMetrics fm(option.font);
    const QString title = index.data(Qt::DisplayRole).toString();
    const QRect titleRect(content.left(), content.top(), content.width(), titleHeight(fm, title));
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignTop,
        elidedTitle(option.font, titleRect.width(), title, kMaxTitleLines));

    // Footer: due badge, checklist, comments … assignees on the right
    painter->setFont(small);
    const int fy = card.bottom() - kPad - kFooterHeight + 1;
    int x = content.left();
    const QDateTime due = index.data(CardModel::DueRole).toDateTime();
    if (due.isValid()) {
        const auto state = DueState(index.data(CardModel::DueStateRole).toInt());
        const QString text = QLocale().toString(due.toLocalTime().date(), QStringLiteral("d MMM"));
        const int w = smallFm.horizontalAdvance(text) + 12;
        const QRect badge(x, fy + 2, w, kFooterHeight - 4);
        QColor bg = pal.color(QPalette::AlternateBase);
        if (state == DueState::Soon)
            bg = soonColor();
        else if (state == DueState::Overdue)
            bg = overdueColor();
        painter->setPen(Qt::NoPen);
        painter->setBrush(bg);
        painter->drawRoundedRect(badge, 4, 4);
        painter->setPen(state == DueState::Later ? pal.color(QPalette::Text) : readableOn(bg));
        painter->drawText(badge, Qt::AlignCenter, text);
        x += w + 8;
    }
    const int total = index.data(CardModel::ChecklistTotalRole).toInt();
    if (total > 0) {
        const int done = index.data(CardModel::ChecklistDoneRole).toInt();
        const QString text = QStringLiteral("\u2713 %1/%2").arg(done).arg(total);
        const int w = smallFm.horizontalAdvance(text);
        painter->setPen(
            done == total ? QColor(0x2e, 0x8b, 0x3e) : pal.color(QPalette::PlaceholderText));
        painter->drawText(QRect(x, fy, w, kFooterHeight), Qt::AlignVCenter, text);
        x += w + 10;
    }
    const int comments = index.data(CardModel::CommentCountRole).toInt();
    if (comments > 0) {
        painter->setPen(pal.color(QPalette::PlaceholderText));
        QPainterPath bubble;
        const QRectF b(x, fy + 5, 12, 9);
        bubble.addRoundedRect(b, 2, 2);
        bubble.moveTo(b.left() + 3, b.bottom());
        bubble.lineTo(b.left() + 3, b.bottom() + 3);
        bubble.lineTo(b.left() + 6, b.bottom());
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(bubble);
        const QString text = QString::number(comments);
        painter->drawText(QRect(x + 15, fy, smallFm.horizontalAdvance(text) + 2, kFooterHeight),
            Qt::AlignVCenter, text);
        x += 15 + smallFm.horizontalAdvance(text) + 10;
    }
    const int files = index.data(CardModel::AttachmentCountRole).toInt();
    if (files > 0) {
        // A paper clip: two nested rounded loops, then the count.
        painter->setPen(QPen(pal.color(QPalette::PlaceholderText), 1.2));
        painter->setBrush(Qt::NoBrush);
        painter->save();
        painter->translate(x + 6, fy + kFooterHeight / 2);
        painter->rotate(35);
        painter->drawRoundedRect(QRectF(-3, -7, 6, 14), 3, 3);
        painter->drawRoundedRect(QRectF(-1.5, -4, 3, 9), 1.5, 1.5);
        painter->restore();
        const QString text = QString::number(files);
        painter->drawText(QRect(x + 14, fy, smallFm.horizontalAdvance(text) + 2, kFooterHeight),
            Qt::AlignVCenter, text);
    }
    const QStringList initials = index.data(CardModel::AssigneeInitialsRole).toStringList();
    int rx = content.right();
    for (const QString &who : initials) {
        const QRect circle(rx - kFooterHeight + 1, fy, kFooterHeight - 1, kFooterHeight - 1);
        painter->setPen(Qt::NoPen);
        painter->setBrush(personColor(who));
        painter->drawEllipse(circle);
        painter->setPen(Qt::white);
        painter->drawText(circle, Qt::AlignCenter, who);
        rx -= kFooterHeight + 2;
    }
    painter->restore();
}

} // namespace corkboard::ui
