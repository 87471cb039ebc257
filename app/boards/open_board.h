#pragma once

#include "app/boards/column_model.h"
#include "app/cards/card_model.h"
#include "app/shell/backend.h"

#include <QObject>
#include <map>
#include <memory>

namespace corkboard::ui {

//! The open board: its models, optimistic moves with roll-back, and live events applied to it.
//! No widgets here, so tests drive it without a window.
class OpenBoard : public QObject
{
    Q_OBJECT
public:
    explicit OpenBoard(Backend *backend, QObject *parent = nullptr);
    ~OpenBoard() override;

    QString boardId() const { return m_board.id; }
    QString boardName() const { return m_board.name; }
    //! My role on the open board (owner | editor | viewer; empty while none is open).
    QString myRole() const { return m_board.role; }
    //! Whose window this is: a member event about this user changes myRole().
    void setMyUserId(const QString &userId) { m_myUserId = userId; }
    qint64 seq() const { return m_seq; }
    bool isLoading() const { return m_loading; }
    ColumnModel *columns() { return &m_columns; }
    CardModel *cardsOf(const QString &columnId) const;
    const BoardLookup &lookup() const { return m_lookup; }
    QList<BoardMember> members() const { return m_lookup.people.values(); }
    QList<Label> labels() const { return m_lookup.labels.values(); }
    //! Where a card is: its column's model and row; nullptr when not on this board.
    CardModel *findCard(const QString &cardId, int *row = nullptr) const;
    std::optional<Card> card(const QString &cardId) const;
    int cardCount() const;

    //! Loads the board (loadingChanged, then boardLoaded or failed) and watches it live.
    void open(const QString &boardId);
    void close();
    //! Applies a snapshot straight away (also used by the benchmark).
    void applySnapshot(const BoardSnapshot &snapshot);

    //! Adds a card at the bottom (or `atTop`, the top) of the column; `done` gets null on
    //! success, else why not (the caller keeps the typed title and shows the reason).
    void addCard(const QString &columnId, const QString &title,
        std::function<void(const UiError *error)> done = {}, bool atTop = false);
    //! Adds a column at the right end; `done` gets the new column (null when refused: the
    //! reason went to failed()).
    void addColumn(const QString &name, std::function<void(const Column *)> done = {});
    //! Optimistic: the card moves at once; if the server refuses it goes back and
    //! moveRefused() carries the reason. `row` counts the target column before the move.
    //! `answered` (optional) hears whether the server took the move.
    void moveCard(const QString &cardId, const QString &toColumnId, int row,
        std::function<void(bool ok)> answered = {});
    void moveColumn(const QString &columnId, int row);
    //! Drops and keyboard moves of cards ask this first (the undo stack), else move at once.
    using MoveHandler
        = std::function<void(const QString &cardId, const QString &toColumnId, int row)>;
    void setMoveHandler(MoveHandler handler) { m_moveHandler = std::move(handler); }
    //! A card move a person asked for (drop, keys, menu): through the move handler.
    void requestMove(const QString &cardId, const QString &toColumnId, int row);
    //! Renames a column and/or sets its WIP limit; `done` gets null or why not.
    void updateColumn(const QString &columnId, std::optional<QString> name,
        std::optional<int> wipLimit, std::function<void(const UiError *)> done = {});
    //! Deletes a column; its cards move to the bottom of `moveCardsTo` first.
    void deleteColumn(const QString &columnId, const QString &moveCardsTo,
        std::function<void(const UiError *)> done = {});
    //! Archives (true) or restores a card; the board shows the result at once.
    void setCardArchived(
        const QString &cardId, bool archived, std::function<void(const UiError *)> done = {});
    void deleteCard(const QString &cardId, std::function<void(const UiError *)> done = {});
    //! A label the server created or changed (labels dialog): cards show it at once.
    void labelChanged(const Label &label);
    void labelRemoved(const QString &labelId);
    //! A card changed elsewhere (detail dialog): show the server's version.
    void cardChanged(const Card &card);
    //! A change from the live channel: the resource in its data is decoded by its type.
    void applyEvent(const EventEnvelope &event);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void boardLoaded();
    //! The set of columns changed (added, removed, reordered): the view rebuilds its columns.
    void columnsReset();
    void boardRenamed(const QString &name);
    void failed(const QString &message);
    void moveRefused(const QString &message);
    void cardAdded(const QString &cardId);
    //! The board's labels changed (created, renamed, recoloured, deleted).
    void labelsChanged();
    //! Someone changed my role on the open board (myRole() has the new one).
    void myRoleChanged();

private:
    //! A card move the window shows already and the server is (or will be) asked for.
    struct PendingMove
    {
        QString cardId, toColumnId, afterId, beforeId;
        QString fromColumnId;
        int fromRow = -1;
        std::function<void(bool ok)> answered;
    };
    void sendMove(const PendingMove &move);
    //! A "+ Add a card" title waiting for the one before it in its column.
    struct PendingAdd
    {
        QString columnId, title;
        std::function<void(const UiError *)> done;
        bool atTop = false;
    };
    void sendAdd(const QString &columnId);
    //! Takes the server's version of a card whose place the window keeps.
    void replaceVersion(const Card &card);
    CardModel *ensureCardModel(const QString &columnId);
    void placeCard(const Card &card);
    //! Loads the card from the server and shows it as it is there (its comment count).
    void refreshCard(const QString &cardId);
    //! Adds or updates a column and puts it where its position key says.
    void placeColumn(const Column &column);
    void removeCard(const QString &cardId);
    void updateCounts();
    void applyAttachmentEvent(const QString &type, const QJsonObject &data);
    static int rowForPosition(const CardModel *model, const QString &position);

    Backend *m_backend;
    Board m_board;
    qint64 m_seq = 0;
    bool m_loading = false;
    QString m_myUserId;
    BoardLookup m_lookup;
    ColumnModel m_columns;
    std::map<QString, std::unique_ptr<CardModel>> m_cardModels;
    MoveHandler m_moveHandler;
    QHash<QString, QList<PendingMove>> m_moves; //!< card id → its moves, the first one sent
    int m_generation = 0;
    QHash<QString, QList<PendingAdd>> m_adds; //!< column id → titles to add, the first one sent
};

} // namespace corkboard::ui
