#pragma once

#include "shared/dto/board.h"
#include "shared/dto/card.h"
#include "shared/dto/label.h"

#include <QAbstractListModel>
#include <QImage>
#include <functional>

namespace corkboard::ui {

//! Labels and people of the board, so cards can show names and colours for their ids.
struct BoardLookup
{
    QHash<QString, Label> labels;
    QHash<QString, BoardMember> people; //!< by user id
    //! A card's cover (its attachment's thumbnail), null while it is fetched or when none.
    std::function<QImage(const QString &attachmentId)> cover;
};

enum class DueState
{
    None,
    Later,
    Soon,
    Overdue
};

//! Mime type carrying card ids that are being dragged.
inline constexpr QLatin1String kCardMimeType("application/x-corkboard-card");

//! The cards of one column, in position order. Dropping cards on it asks for a move
//! (cardDropped); the board controller decides and then changes the models.
class CardModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        LabelNamesRole,
        LabelColorsRole,
        AssigneeInitialsRole,
        DueRole,
        DueStateRole,
        ChecklistDoneRole,
        ChecklistTotalRole,
        CommentCountRole,
        AttachmentCountRole,
        CoverIdRole, //!< the cover attachment's id (empty: no cover)
        CoverRole, //!< QImage, null while it is fetched
    };

    CardModel(QString columnId, const BoardLookup *lookup, QObject *parent = nullptr);

    QString columnId() const { return m_columnId; }
    const QList<Card> &cards() const { return m_cards; }
    int rowOf(const QString &cardId) const;
    const Card *cardAt(int row) const;

    void setCards(QList<Card> cards);
    void insertCard(int row, const Card &card);
    void replaceCard(const Card &card);
    std::optional<Card> takeCard(const QString &cardId);
    //! Moves inside this column (row counted after removal).
    void moveCardTo(const QString &cardId, int row);
    //! Labels or people changed: repaint every card.
    void lookupChanged();
    //! Time source for due badges (tests pin it).
    void setClock(std::function<QDateTime()> now);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
        const QModelIndex &parent) override;

    static QStringList cardIdsFrom(const QMimeData *data);

Q_SIGNALS:
    //! The user dropped a card here, to go at `row` (rows of this column before the move).
    void cardDropped(const QString &cardId, const QString &toColumnId, int row);

private:
    DueState dueState(const QDateTime &due) const;

    QString m_columnId;
    const BoardLookup *m_lookup;
    QList<Card> m_cards;
    std::function<QDateTime()> m_now;
};

} // namespace corkboard::ui
