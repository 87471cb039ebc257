// OpenBoard's live half: what other windows and people change reaches this board as events
// (in order, each once), and the models follow.
#include "app/boards/open_board.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace corkboard::ui {

void OpenBoard::refreshCard(const QString &cardId)
{
    // A comment event names its card, not the card's new count: the server's card says it (a
    // count kept here by adding and subtracting would drift with this window's own reloads).
    if (cardId.isEmpty() || !card(cardId))
        return;
    m_backend->loadCard(this, cardId, [this](const Outcome<CardDetail> &r) {
        if (r.ok() && card(r.value->card.id) && !m_moves.contains(r.value->card.id))
            placeCard(r.value->card);
    });
}

void OpenBoard::applyEvent(const EventEnvelope &event)
{
    if (event.boardId != m_board.id || (event.seq > 0 && event.seq <= m_seq))
        return;
    if (event.seq > 0)
        m_seq = event.seq;
    const QString &type = event.type;
    const QJsonObject data = QJsonDocument::fromJson(event.data).object();
    const QString deletedId = data.value(QStringLiteral("id")).toString();
    if (type == QLatin1String("card.created") || type == QLatin1String("card.updated")
        || type == QLatin1String("card.moved")) {
        const Card card = cardFromJson(data);
        // While this window's own moves of the card are on their way, it shows where they go;
        // the answer to the last one places it.
        if (!m_moves.contains(card.id))
            placeCard(card);
    } else if (type == QLatin1String("checklist.changed")) {
        // The card with its checklist: the progress on its tile follows.
        const Card card = cardFromJson(data);
        if (!card.id.isEmpty() && !m_moves.contains(card.id))
            placeCard(card);
    } else if (type == QLatin1String("comment.created")
        || type == QLatin1String("comment.deleted")) {
        refreshCard(data.value(QStringLiteral("card_id")).toString());
    } else if (type == QLatin1String("card.deleted")) {
        removeCard(deletedId);
    } else if (type == QLatin1String("column.created") || type == QLatin1String("column.updated")) {
        placeColumn(columnFromJson(data));
    } else if (type == QLatin1String("column.deleted")) {
        m_columns.removeColumn(deletedId);
        m_cardModels.erase(deletedId);
        Q_EMIT columnsReset();
    } else if (type.startsWith(QLatin1String("label."))) {
        if (type == QLatin1String("label.deleted"))
            labelRemoved(deletedId);
        else
            labelChanged(labelFromJson(data));
    } else if (type.startsWith(QLatin1String("member."))) {
        if (type == QLatin1String("member.removed")) {
            m_lookup.people.remove(data.value(QStringLiteral("user_id")).toString(deletedId));
        } else {
            const BoardMember member = boardMemberFromJson(data);
            m_lookup.people.insert(member.userId, member);
            if (!m_myUserId.isEmpty() && member.userId == m_myUserId && !member.role.isEmpty()
                && member.role != m_board.role) {
                m_board.role = member.role;
                Q_EMIT myRoleChanged();
            }
        }
        for (const auto &[id, model] : m_cardModels)
            model->lookupChanged();
    } else if (type.startsWith(QLatin1String("attachment."))) {
        applyAttachmentEvent(type, data);
    } else if (type == QLatin1String("board.deleted")) {
        // Someone deleted it: nothing here can be changed any more; the window goes back to
        // the boards (MainWindow does that on failed() with no board open).
        close();
        Q_EMIT failed(tr("This board was deleted."));
    } else if (type == QLatin1String("board.updated")) {
        m_board = boardFromJson(data);
        Q_EMIT boardRenamed(m_board.name);
    }
}

void OpenBoard::applyAttachmentEvent(const QString &type, const QJsonObject &data)
{
    // The tile's count and cover (the newest image whose thumbnail is ready, as the server
    // keeps it in the snapshot).
    auto card = this->card(data.value(QStringLiteral("card_id")).toString());
    if (!card)
        return;
    const QString id = data.value(QStringLiteral("id")).toString();
    if (type == QLatin1String("attachment.added")) {
        ++card->attachmentCount;
    } else if (type == QLatin1String("attachment.removed")) {
        card->attachmentCount = std::max(0, card->attachmentCount - 1);
        if (card->coverAttachmentId == id)
            card->coverAttachmentId.clear(); // the next reload names the one before it
    } else if (type == QLatin1String("attachment.updated")) {
        if (data.value(QStringLiteral("thumbnail")).toString() != QLatin1String("ready"))
            return;
        card->coverAttachmentId = id;
    } else {
        return;
    }
    if (CardModel *model = findCard(card->id))
        model->replaceCard(*card);
}

} // namespace corkboard::ui
