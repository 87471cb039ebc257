#include "app/boards/board_list_model.h"
#include "app/widgets/plain_text.h"

#include <QFont>
#include <QPalette>

namespace corkboard::ui {

void BoardListModel::setBoards(QList<Board> boards)
{
    beginResetModel();
    m_boards = std::move(boards);
    endResetModel();
}

void BoardListModel::upsert(const Board &board)
{
    const int row = rowOf(board.id);
    if (row >= 0) {
        m_boards[row] = board;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows(QModelIndex(), int(m_boards.size()), int(m_boards.size()));
    m_boards.append(board);
    endInsertRows();
}

const Board *BoardListModel::boardAt(int row) const
{
    return row >= 0 && row < m_boards.size() ? &m_boards.at(row) : nullptr;
}

int BoardListModel::rowOf(const QString &boardId) const
{
    for (int i = 0; i < m_boards.size(); ++i) {
        if (m_boards.at(i).id == boardId)
            return i;
    }
    return -1;
}

int BoardListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_boards.size());
}

QVariant BoardListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Board &board = m_boards.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return board.archived ? tr("%1 (archived)").arg(board.name) : board.name;
    case Qt::EditRole:
        return board.name;
    case Qt::ToolTipRole:
        return plainToolTip(board.description);
    case Qt::FontRole:
        if (board.archived) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case IdRole:
        return board.id;
    case ArchivedRole:
        return board.archived;
    default:
        return {};
    }
}

} // namespace corkboard::ui
