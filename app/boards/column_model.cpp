#include "app/boards/column_model.h"

#include <QMimeData>
#include <algorithm>

namespace corkboard::ui {

ColumnModel::ColumnModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ColumnModel::rowOf(const QString &columnId) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).id == columnId)
            return i;
    }
    return -1;
}

const Column *ColumnModel::columnAt(int row) const
{
    return row >= 0 && row < m_columns.size() ? &m_columns.at(row) : nullptr;
}

void ColumnModel::setColumns(QList<Column> columns, QHash<QString, int> counts)
{
    beginResetModel();
    m_columns = std::move(columns);
    m_counts = std::move(counts);
    endResetModel();
}

void ColumnModel::insertColumn(int row, const Column &column)
{
    row = std::clamp(row, 0, int(m_columns.size()));
    beginInsertRows(QModelIndex(), row, row);
    m_columns.insert(row, column);
    endInsertRows();
}

void ColumnModel::replaceColumn(const Column &column)
{
    const int row = rowOf(column.id);
    if (row < 0)
        return;
    m_columns[row] = column;
    Q_EMIT dataChanged(index(row), index(row));
}

void ColumnModel::removeColumn(const QString &columnId)
{
    const int row = rowOf(columnId);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_columns.removeAt(row);
    m_counts.remove(columnId);
    endRemoveRows();
}

void ColumnModel::moveColumnTo(const QString &columnId, int row)
{
    const int from = rowOf(columnId);
    if (from < 0)
        return;
    row = std::clamp(row, 0, int(m_columns.size()) - 1);
    if (row == from)
        return;
    beginMoveRows(QModelIndex(), from, from, QModelIndex(), row > from ? row + 1 : row);
    m_columns.move(from, row);
    endMoveRows();
}

void ColumnModel::setCardCount(const QString &columnId, int count)
{
    if (m_counts.value(columnId, -1) == count)
        return;
    m_counts.insert(columnId, count);
    const int row = rowOf(columnId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row));
}

bool ColumnModel::isOverWip(const QString &columnId) const
{
    const int row = rowOf(columnId);
    if (row < 0)
        return false;
    const int limit = m_columns.at(row).wipLimit.value_or(0);
    return limit > 0 && m_counts.value(columnId) > limit;
}

int ColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Column &column = m_columns.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return column.name;
    case Qt::AccessibleTextRole:
        if (isOverWip(column.id))
            return tr("%1, %2 cards, over the limit of %3")
                .arg(column.name)
                .arg(m_counts.value(column.id))
                .arg(column.wipLimit.value_or(0));
        return tr("%1, %2 cards").arg(column.name).arg(m_counts.value(column.id));
    case IdRole:
        return column.id;
    case WipLimitRole:
        return column.wipLimit.value_or(0);
    case CardCountRole:
        return m_counts.value(column.id);
    case OverWipRole:
        return isOverWip(column.id);
    default:
        return {};
    }
}

Qt::ItemFlags ColumnModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled
        | Qt::ItemNeverHasChildren;
}

Qt::DropActions ColumnModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList ColumnModel::mimeTypes() const
{
    return {kColumnMimeType};
}

QMimeData *ColumnModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &i : indexes) {
        if (i.isValid() && i.model() == this) {
            auto *mime = new QMimeData;
            mime->setData(kColumnMimeType, m_columns.at(i.row()).id.toUtf8());
            return mime;
        }
    }
    return nullptr;
}

QString ColumnModel::columnIdFrom(const QMimeData *data)
{
    if (!data || !data->hasFormat(kColumnMimeType))
        return {};
    return QString::fromUtf8(data->data(kColumnMimeType));
}

bool ColumnModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &) const
{
    return action == Qt::MoveAction && rowOf(columnIdFrom(data)) >= 0;
}

bool ColumnModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    const QString id = columnIdFrom(data);
    if (action != Qt::MoveAction || rowOf(id) < 0)
        return false;
    if (row < 0)
        row = parent.isValid() ? parent.row() : int(m_columns.size());
    Q_EMIT columnDropped(id, row);
    return true;
}

} // namespace corkboard::ui
