#include "app/cards/card_model.h"
#include "app/widgets/initials.h"
#include "app/widgets/plain_text.h"

#include <QColor>
#include <QIODevice>
#include <QLocale>
#include <QMimeData>
#include <algorithm>

namespace corkboard::ui {

CardModel::CardModel(QString columnId, const BoardLookup *lookup, QObject *parent)
    : QAbstractListModel(parent)
    , m_columnId(std::move(columnId))
    , m_lookup(lookup)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

int CardModel::rowOf(const QString &cardId) const
{
    for (int i = 0; i < m_cards.size(); ++i) {
        if (m_cards.at(i).id == cardId)
            return i;
    }
    return -1;
}

const Card *CardModel::cardAt(int row) const
{
    return row >= 0 && row < m_cards.size() ? &m_cards.at(row) : nullptr;
}

void CardModel::setCards(QList<Card> cards)
{
    beginResetModel();
    m_cards = std::move(cards);
    for (Card &c : m_cards)
        c.columnId = m_columnId;
    endResetModel();
}

void CardModel::insertCard(int row, const Card &card)
{
    row = std::clamp(row, 0, int(m_cards.size()));
    beginInsertRows(QModelIndex(), row, row);
    m_cards.insert(row, card);
    m_cards[row].columnId = m_columnId;
    endInsertRows();
}

void CardModel::replaceCard(const Card &card)
{
    const int row = rowOf(card.id);
    if (row < 0)
        return;
    m_cards[row] = card;
    m_cards[row].columnId = m_columnId;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

std::optional<Card> CardModel::takeCard(const QString &cardId)
{
    const int row = rowOf(cardId);
    if (row < 0)
        return std::nullopt;
    beginRemoveRows(QModelIndex(), row, row);
    Card card = m_cards.takeAt(row);
    endRemoveRows();
    return card;
}

void CardModel::moveCardTo(const QString &cardId, int row)
{
    const int from = rowOf(cardId);
    if (from < 0)
        return;
    row = std::clamp(row, 0, int(m_cards.size()) - 1);
    if (row == from)
        return;
    // beginMoveRows counts the destination before the removal.
    const int dest = row > from ? row + 1 : row;
    beginMoveRows(QModelIndex(), from, from, QModelIndex(), dest);
    m_cards.move(from, row);
    endMoveRows();
}

void CardModel::lookupChanged()
{
    if (!m_cards.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_cards.size()) - 1));
}

void CardModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    lookupChanged();
}

int CardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cards.size());
}

DueState CardModel::dueState(const QDateTime &due) const
{
    if (!due.isValid())
        return DueState::None;
    const QDateTime now = m_now();
    if (due < now)
        return DueState::Overdue;
    if (now.secsTo(due) <= 48 * 3600)
        return DueState::Soon;
    return DueState::Later;
}

QVariant CardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Card &card = m_cards.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return card.title;
    case Qt::ToolTipRole: // the whole title (it may be cut short on the card), then the text
        return plainToolTip(card.description.isEmpty()
                ? card.title
                : card.title + QLatin1String("\n\n") + card.description.left(300));
    case Qt::AccessibleTextRole: {
        QString text = card.title;
        if (card.dueAt.isValid())
            text += QLatin1String(", ")
                + tr("due %1").arg(
                    QLocale().toString(card.dueAt.toLocalTime(), QLocale::ShortFormat));
        if (card.checklistTotal > 0)
            text += QLatin1String(", ")
                + tr("%1 of %2 checklist items done")
                      .arg(card.checklistDone)
                      .arg(card.checklistTotal);
        if (card.commentCount > 0)
            text += QLatin1String(", ") + tr("%n comment(s)", nullptr, card.commentCount);
        if (card.attachmentCount > 0)
            text += QLatin1String(", ") + tr("%n attachment(s)", nullptr, card.attachmentCount);
        return text;
    }
    case IdRole:
        return card.id;
    case LabelNamesRole: {
        QStringList names;
        for (const QString &id : card.labelIds)
            names << m_lookup->labels.value(id).name;
        return names;
    }
    case LabelColorsRole: {
        QVariantList colors;
        for (const QString &id : card.labelIds)
            colors << QColor(m_lookup->labels.value(id).color);
        return colors;
    }
    case AssigneeInitialsRole: {
        QStringList initials;
        for (const QString &id : card.assigneeIds)
            initials << initialsOf(m_lookup->people.value(id).displayName);
        return initials;
    }
    case DueRole:
        return card.dueAt;
    case DueStateRole:
        return int(dueState(card.dueAt));
    case ChecklistDoneRole:
        return card.checklistDone;
    case ChecklistTotalRole:
        return card.checklistTotal;
    case CommentCountRole:
        return card.commentCount;
    case AttachmentCountRole:
        return card.attachmentCount;
    case CoverIdRole:
        return card.coverAttachmentId;
    case CoverRole:
        return m_lookup->cover && !card.coverAttachmentId.isEmpty()
            ? m_lookup->cover(card.coverAttachmentId)
            : QImage();
    default:
        return {};
    }
}

Qt::ItemFlags CardModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled
        | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> CardModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "cardId");
    names.insert(LabelNamesRole, "labelNames");
    names.insert(LabelColorsRole, "labelColors");
    names.insert(AssigneeInitialsRole, "assigneeInitials");
    names.insert(DueRole, "due");
    names.insert(DueStateRole, "dueState");
    names.insert(ChecklistDoneRole, "checklistDone");
    names.insert(ChecklistTotalRole, "checklistTotal");
    names.insert(CommentCountRole, "commentCount");
    names.insert(AttachmentCountRole, "attachmentCount");
    names.insert(CoverIdRole, "coverId");
    return names;
}

Qt::DropActions CardModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions CardModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList CardModel::mimeTypes() const
{
    return {kCardMimeType};
}

QMimeData *CardModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes) {
        if (i.isValid() && i.model() == this)
            ids << m_cards.at(i.row()).id;
    }
    if (ids.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(kCardMimeType, ids.join(QLatin1Char('\n')).toUtf8());
    return mime;
}

QStringList CardModel::cardIdsFrom(const QMimeData *data)
{
    if (!data || !data->hasFormat(kCardMimeType))
        return {};
    return QString::fromUtf8(data->data(kCardMimeType))
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool CardModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &) const
{
    return action == Qt::MoveAction && !cardIdsFrom(data).isEmpty();
}

bool CardModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    const QStringList ids = cardIdsFrom(data);
    if (action != Qt::MoveAction || ids.isEmpty())
        return false;
    if (row < 0)
        row = parent.isValid() ? parent.row() : int(m_cards.size());
    for (const QString &id : ids)
        Q_EMIT cardDropped(id, m_columnId, row);
    // The controller moves the card itself; removeRows is not offered, so the view's own
    // "remove the source rows after a move" step does nothing.
    return true;
}

} // namespace corkboard::ui
