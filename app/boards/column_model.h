#pragma once

#include "shared/dto/column.h"

#include <QHash>

#include <QAbstractListModel>

namespace corkboard::ui {

inline constexpr QLatin1String kColumnMimeType("application/x-corkboard-column");

//! The columns of the open board, left to right, with their card counts and WIP limits.
//! Dropping a column asks for a move (columnDropped); the controller decides.
class ColumnModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        WipLimitRole,
        CardCountRole,
        OverWipRole
    };

    explicit ColumnModel(QObject *parent = nullptr);

    const QList<Column> &columns() const { return m_columns; }
    int rowOf(const QString &columnId) const;
    const Column *columnAt(int row) const;

    void setColumns(QList<Column> columns, QHash<QString, int> counts);
    void insertColumn(int row, const Column &column);
    void replaceColumn(const Column &column);
    void removeColumn(const QString &columnId);
    void moveColumnTo(const QString &columnId, int row);
    void setCardCount(const QString &columnId, int count);
    int cardCount(const QString &columnId) const { return m_counts.value(columnId); }
    bool isOverWip(const QString &columnId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

    static QString columnIdFrom(const QMimeData *data);

Q_SIGNALS:
    void columnDropped(const QString &columnId, int row);

private:
    QList<Column> m_columns;
    QHash<QString, int> m_counts;
};

} // namespace corkboard::ui
