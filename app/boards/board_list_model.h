#pragma once

#include "shared/dto/board.h"

#include <QAbstractListModel>

namespace corkboard::ui {

//! The boards the user belongs to, by name; archived ones are kept but marked.
class BoardListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ArchivedRole
    };

    using QAbstractListModel::QAbstractListModel;

    void setBoards(QList<Board> boards);
    void upsert(const Board &board);
    const Board *boardAt(int row) const;
    int rowOf(const QString &boardId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Board> m_boards;
};

} // namespace corkboard::ui
