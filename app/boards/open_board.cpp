#include "app/boards/open_board.h"

#include "app/cards/attachment_transfers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace corkboard::ui {

OpenBoard::OpenBoard(Backend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
{
    connect(&m_columns, &ColumnModel::columnDropped, this, &OpenBoard::moveColumn,
        Qt::QueuedConnection);
    if (m_backend) {
        connect(m_backend, &Backend::boardEvent, this, &OpenBoard::applyEvent);
        connect(m_backend, &Backend::boardResyncNeeded, this, [this](const QString &id) {
            if (id == m_board.id)
                open(id);
        });
        if (AttachmentTransfers *transfers = m_backend->attachments()) {
            // Covers come from the thumbnail cache; a card repaints once its one arrives.
            m_lookup.cover = [transfers](const QString &id) { return transfers->thumbnail(id); };
            connect(transfers, &AttachmentTransfers::thumbnailReady, this, [this] {
                for (const auto &[id, model] : m_cardModels)
                    model->lookupChanged();
            });
        }
    }
}

OpenBoard::~OpenBoard() = default;

CardModel *OpenBoard::cardsOf(const QString &columnId) const
{
    const auto it = m_cardModels.find(columnId);
    return it == m_cardModels.end() ? nullptr : it->second.get();
}

CardModel *OpenBoard::findCard(const QString &cardId, int *row) const
{
    for (const auto &[id, model] : m_cardModels) {
        const int r = model->rowOf(cardId);
        if (r >= 0) {
            if (row)
                *row = r;
            return model.get();
        }
    }
    return nullptr;
}

std::optional<Card> OpenBoard::card(const QString &cardId) const
{
    int row = -1;
    if (CardModel *model = findCard(cardId, &row))
        return *model->cardAt(row);
    return std::nullopt;
}

int OpenBoard::cardCount() const
{
    int n = 0;
    for (const auto &[id, model] : m_cardModels)
        n += model->rowCount();
    return n;
}

void OpenBoard::open(const QString &boardId)
{
    if (!m_board.id.isEmpty() && m_board.id != boardId)
        close();
    m_loading = true;
    Q_EMIT loadingChanged(true);
    m_backend->loadBoard(this, boardId, [this, boardId](const Outcome<BoardSnapshot> &result) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
        if (!result.ok()) {
            Q_EMIT failed(result.error.message);
            return;
        }
        applySnapshot(*result.value);
        m_backend->watchBoard(boardId, m_seq);
    });
}

void OpenBoard::close()
{
    if (!m_board.id.isEmpty() && m_backend)
        m_backend->unwatchBoard(m_board.id);
    m_board = {};
    m_seq = 0;
    m_adds.clear();
    m_moves.clear();
    ++m_generation; // answers to the old board's adds are not for this one
    m_columns.setColumns({}, {});
    m_cardModels.clear();
    Q_EMIT columnsReset();
}

void OpenBoard::applySnapshot(const BoardSnapshot &snapshot)
{
    m_board = snapshot.board;
    m_seq = std::max<qint64>(0, snapshot.board.seq);
    m_lookup.labels.clear();
    for (const Label &l : snapshot.labels)
        m_lookup.labels.insert(l.id, l);
    m_lookup.people.clear();
    for (const BoardMember &m : snapshot.members)
        m_lookup.people.insert(m.userId, m);

    QHash<QString, QList<Card>> byColumn;
    for (const Card &c : snapshot.cards)
        byColumn[c.columnId].append(c);
    QHash<QString, int> counts;
    std::map<QString, std::unique_ptr<CardModel>> models;
    for (const Column &column : snapshot.columns) {
        QList<Card> cards = byColumn.value(column.id);
        std::stable_sort(cards.begin(), cards.end(),
            [](const Card &a, const Card &b) { return a.position < b.position; });
        counts.insert(column.id, int(cards.size()));
        // Keep the model objects of columns that stay, so views and testers stay attached.
        auto old = m_cardModels.find(column.id);
        std::unique_ptr<CardModel> model;
        if (old != m_cardModels.end())
            model = std::move(old->second);
        else
            model = std::make_unique<CardModel>(column.id, &m_lookup);
        connect(model.get(), &CardModel::cardDropped, this, &OpenBoard::requestMove,
            Qt::ConnectionType(Qt::QueuedConnection | Qt::UniqueConnection));
        model->setCards(std::move(cards));
        models.emplace(column.id, std::move(model));
    }
    m_cardModels = std::move(models);
    m_columns.setColumns(snapshot.columns, counts);
    Q_EMIT columnsReset();
    Q_EMIT boardRenamed(m_board.name);
    Q_EMIT boardLoaded();
}

CardModel *OpenBoard::ensureCardModel(const QString &columnId)
{
    if (CardModel *m = cardsOf(columnId))
        return m;
    auto model = std::make_unique<CardModel>(columnId, &m_lookup);
    // Queued: a drop must not change the models while the views are still handling it.
    connect(
        model.get(), &CardModel::cardDropped, this, &OpenBoard::requestMove, Qt::QueuedConnection);
    CardModel *raw = model.get();
    m_cardModels.emplace(columnId, std::move(model));
    return raw;
}

void OpenBoard::updateCounts()
{
    for (const auto &[id, model] : m_cardModels)
        m_columns.setCardCount(id, model->rowCount());
}

int OpenBoard::rowForPosition(const CardModel *model, const QString &position)
{
    const QList<Card> &cards = model->cards();
    const auto it = std::upper_bound(cards.begin(), cards.end(), position,
        [](const QString &p, const Card &c) { return p < c.position; });
    return int(it - cards.begin());
}

void OpenBoard::placeCard(const Card &card)
{
    if (card.archived) { // archived cards leave the board (the archive view lists them)
        removeCard(card.id);
        return;
    }
    int row = -1;
    CardModel *current = findCard(card.id, &row);
    if (current && current->columnId() == card.columnId) {
        current->replaceCard(card);
        // Where its key puts it among the others; moved (not removed and inserted), so the
        // selection and the keyboard focus stay on it.
        int dest = 0;
        for (const Card &c : current->cards()) {
            if (c.id != card.id && !(card.position < c.position))
                ++dest;
        }
        current->moveCardTo(card.id, dest);
    } else {
        if (current)
            current->takeCard(card.id);
        if (m_columns.rowOf(card.columnId) < 0)
            return;
        CardModel *target = ensureCardModel(card.columnId);
        target->insertCard(rowForPosition(target, card.position), card);
    }
    updateCounts();
}

void OpenBoard::placeColumn(const Column &column)
{
    int row = 0;
    for (int i = 0; i < m_columns.rowCount(); ++i) {
        const Column *c = m_columns.columnAt(i);
        if (c->id != column.id && c->position < column.position)
            ++row;
    }
    const int from = m_columns.rowOf(column.id);
    if (from < 0) {
        ensureCardModel(column.id);
        m_columns.insertColumn(row, column);
        Q_EMIT columnsReset();
        return;
    }
    m_columns.replaceColumn(column);
    if (row != from) {
        m_columns.moveColumnTo(column.id, row);
        Q_EMIT columnsReset();
    }
}

void OpenBoard::removeCard(const QString &cardId)
{
    if (CardModel *model = findCard(cardId))
        model->takeCard(cardId);
    updateCounts();
}

void OpenBoard::addCard(const QString &columnId, const QString &title,
    std::function<void(const UiError *)> done, bool atTop)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty() || m_board.id.isEmpty())
        return;
    // Added at the bottom of the column, where the field is, one after another: titles typed
    // quickly keep their order (sent at once, the server's threads could take them in any
    // order).
    QList<PendingAdd> &queue = m_adds[columnId];
    queue.append({columnId, trimmed, std::move(done), atTop});
    if (queue.size() == 1)
        sendAdd(columnId);
}

void OpenBoard::sendAdd(const QString &columnId)
{
    const PendingAdd &add = m_adds[columnId].first();
    m_backend->createCard(
        this, m_board.id, columnId, add.title, QString(),
        [this, columnId, generation = m_generation](const Outcome<Card> &result) {
            if (generation != m_generation)
                return; // the board was closed meanwhile
            QList<PendingAdd> &queue = m_adds[columnId];
            const PendingAdd sent = queue.takeFirst();
            if (queue.isEmpty())
                m_adds.remove(columnId);
            else
                sendAdd(columnId);
            if (!result.ok()) {
                if (sent.done)
                    sent.done(&result.error);
                else
                    Q_EMIT failed(result.error.message);
                return;
            }
            placeCard(*result.value);
            Q_EMIT cardAdded(result.value->id);
            if (sent.done)
                sent.done(nullptr);
        },
        add.atTop);
}

void OpenBoard::addColumn(const QString &name, std::function<void(const Column *)> done)
{
    if (name.trimmed().isEmpty() || m_board.id.isEmpty())
        return;
    m_backend->createColumn(this, m_board.id, name.trimmed(),
        [this, done = std::move(done)](const Outcome<Column> &result) {
            if (!result.ok()) {
                Q_EMIT failed(result.error.message);
                if (done)
                    done(nullptr);
                return;
            }
            if (m_columns.rowOf(result.value->id) < 0) {
                ensureCardModel(result.value->id);
                m_columns.insertColumn(m_columns.rowCount(), *result.value);
                Q_EMIT columnsReset();
            }
            if (done)
                done(&*result.value);
        });
}

void OpenBoard::moveCard(
    const QString &cardId, const QString &toColumnId, int row, std::function<void(bool)> answered)
{
    int fromRow = -1;
    CardModel *source = findCard(cardId, &fromRow);
    CardModel *target = cardsOf(toColumnId);
    if (!source || !target)
        return;
    const QString fromColumnId = source->columnId();
    if (source == target) {
        int dest = row > fromRow ? row - 1 : row;
        dest = std::clamp(dest, 0, target->rowCount() - 1);
        if (dest == fromRow)
            return;
        target->moveCardTo(cardId, dest);
    } else {
        std::optional<Card> card = source->takeCard(cardId);
        target->insertCard(row, *card);
    }
    updateCounts();
    const int newRow = target->rowOf(cardId);
    // The neighbours name the exact place: after the one above, or (at the top) before the one
    // below; "neither" would mean the bottom.
    PendingMove move;
    move.cardId = cardId;
    move.toColumnId = toColumnId;
    move.afterId = newRow > 0 ? target->cardAt(newRow - 1)->id : QString();
    move.beforeId = move.afterId.isEmpty() && newRow + 1 < target->rowCount()
        ? target->cardAt(newRow + 1)->id
        : QString();
    move.fromColumnId = fromColumnId;
    move.fromRow = fromRow;
    move.answered = std::move(answered);
    // One move of a card at a time: a second one (Ctrl+Left straight after Ctrl+Right) waits
    // for the first, so the server applies them in the order the person made them.
    QList<PendingMove> &queue = m_moves[cardId];
    queue.append(move);
    if (queue.size() == 1)
        sendMove(move);
}

void OpenBoard::sendMove(const PendingMove &move)
{
    m_backend->moveCard(this, move.cardId, move.toColumnId, move.afterId, move.beforeId,
        [this, move](const Outcome<Card> &result) {
            if (move.answered)
                move.answered(result.ok());
            QList<PendingMove> &queue = m_moves[move.cardId];
            if (!queue.isEmpty())
                queue.removeFirst();
            if (result.ok()) {
                if (queue.isEmpty()) {
                    m_moves.remove(move.cardId);
                    placeCard(*result.value); // the server's position key and version
                } else {
                    replaceVersion(*result.value); // the window already shows the next move
                    sendMove(queue.first());
                }
                return;
            }
            const bool more = !queue.isEmpty();
            m_moves.remove(move.cardId);
            if (more) {
                // Later moves were built on this one: show what the server has.
                open(m_board.id);
            } else {
                // Put it back where it was, unless it has gone meanwhile.
                int nowRow = -1;
                CardModel *now = findCard(move.cardId, &nowRow);
                CardModel *home = cardsOf(move.fromColumnId);
                if (now && home) {
                    if (now == home) {
                        home->moveCardTo(move.cardId, move.fromRow);
                    } else {
                        std::optional<Card> c = now->takeCard(move.cardId);
                        home->insertCard(move.fromRow, *c);
                    }
                    updateCounts();
                }
            }
            Q_EMIT moveRefused(tr("The card could not be moved: %1").arg(result.error.message));
        });
}

void OpenBoard::replaceVersion(const Card &card)
{
    int row = -1;
    if (CardModel *model = findCard(card.id, &row)) {
        Card shown = *model->cardAt(row);
        shown.version = card.version;
        model->replaceCard(shown);
    }
}

void OpenBoard::moveColumn(const QString &columnId, int row)
{
    const int from = m_columns.rowOf(columnId);
    if (from < 0)
        return;
    int dest = row > from ? row - 1 : row;
    dest = std::clamp(dest, 0, m_columns.rowCount() - 1);
    if (dest == from)
        return;
    m_columns.moveColumnTo(columnId, dest);
    Q_EMIT columnsReset();
    const QString afterId = dest > 0 ? m_columns.columnAt(dest - 1)->id : QString();
    m_backend->moveColumn(
        this, columnId, afterId, [this, columnId, from](const Outcome<Column> &r) {
            if (r.ok()) {
                placeColumn(*r.value);
                return;
            }
            m_columns.moveColumnTo(columnId, from);
            Q_EMIT columnsReset();
            Q_EMIT moveRefused(tr("The column could not be moved: %1").arg(r.error.message));
        });
}

void OpenBoard::requestMove(const QString &cardId, const QString &toColumnId, int row)
{
    if (m_moveHandler)
        m_moveHandler(cardId, toColumnId, row);
    else
        moveCard(cardId, toColumnId, row);
}

void OpenBoard::updateColumn(const QString &columnId, std::optional<QString> name,
    std::optional<int> wipLimit, std::function<void(const UiError *)> done)
{
    m_backend->updateColumn(this, columnId, std::move(name), wipLimit,
        [this, done = std::move(done)](const Outcome<Column> &r) {
            if (r.ok())
                placeColumn(*r.value);
            if (done)
                done(r.ok() ? nullptr : &r.error);
            else if (!r.ok())
                Q_EMIT failed(r.error.message);
        });
}

void OpenBoard::deleteColumn(
    const QString &columnId, const QString &moveCardsTo, std::function<void(const UiError *)> done)
{
    m_backend->deleteColumn(this, columnId, moveCardsTo,
        [this, columnId, moveCardsTo, done = std::move(done)](const Outcome<Nothing> &r) {
            if (r.ok() && !moveCardsTo.isEmpty()) {
                // The cards went to the bottom of the other column, in their order.
                if (CardModel *from = cardsOf(columnId)) {
                    CardModel *to = cardsOf(moveCardsTo);
                    const QList<Card> moved = from->cards();
                    for (const Card &c : moved) {
                        from->takeCard(c.id);
                        if (to && to->rowOf(c.id) < 0)
                            to->insertCard(to->rowCount(), c);
                    }
                    updateCounts();
                }
            }
            if (r.ok() && m_columns.rowOf(columnId) >= 0) {
                m_columns.removeColumn(columnId);
                m_cardModels.erase(columnId);
                Q_EMIT columnsReset();
            }
            if (done)
                done(r.ok() ? nullptr : &r.error);
            else if (!r.ok())
                Q_EMIT failed(r.error.message);
        });
}

void OpenBoard::setCardArchived(
    const QString &cardId, bool archived, std::function<void(const UiError *)> done)
{
    m_backend->setCardArchived(
        this, cardId, archived, [this, done = std::move(done)](const Outcome<Card> &r) {
            if (r.ok())
                placeCard(*r.value);
            if (done)
                done(r.ok() ? nullptr : &r.error);
            else if (!r.ok())
                Q_EMIT failed(r.error.message);
        });
}

void OpenBoard::deleteCard(const QString &cardId, std::function<void(const UiError *)> done)
{
    m_backend->deleteCard(
        this, cardId, [this, cardId, done = std::move(done)](const Outcome<Nothing> &r) {
            if (r.ok())
                removeCard(cardId);
            if (done)
                done(r.ok() ? nullptr : &r.error);
            else if (!r.ok())
                Q_EMIT failed(r.error.message);
        });
}

void OpenBoard::labelChanged(const Label &label)
{
    m_lookup.labels.insert(label.id, label);
    for (const auto &[id, model] : m_cardModels)
        model->lookupChanged();
    Q_EMIT labelsChanged();
}

void OpenBoard::labelRemoved(const QString &labelId)
{
    m_lookup.labels.remove(labelId);
    for (const auto &[id, model] : m_cardModels) {
        // The server took the label off its cards; so does the window.
        for (const Card &c : model->cards()) {
            if (c.labelIds.contains(labelId)) {
                Card changed = c;
                changed.labelIds.removeAll(labelId);
                model->replaceCard(changed);
            }
        }
        model->lookupChanged();
    }
    Q_EMIT labelsChanged();
}

void OpenBoard::cardChanged(const Card &card)
{
    placeCard(card);
}

} // namespace corkboard::ui
