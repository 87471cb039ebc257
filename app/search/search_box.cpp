#include "app/search/search_box.h"
#include "app/widgets/plain_text.h"

#include <QKeyEvent>
#include <QListView>
#include <QTextDocumentFragment>
#include <QTimer>

namespace corkboard::ui {

void SearchResultModel::setHits(QList<SearchHit> hits, QHash<QString, QString> boardNames)
{
    beginResetModel();
    m_hits = std::move(hits);
    m_boardNames = std::move(boardNames);
    endResetModel();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2").arg(hit.title, m_boardNames.value(hit.boardId));
    case Qt::ToolTipRole:
        return plainToolTip(QTextDocumentFragment::fromHtml(hit.snippet).toPlainText());
    case SnippetRole:
        return QTextDocumentFragment::fromHtml(hit.snippet).toPlainText();
    case BoardIdRole:
        return hit.boardId;
    case CardIdRole: // a comment hit names its card; a card hit is the card
        return hit.cardId.isEmpty() ? hit.id : hit.cardId;
    default:
        return {};
    }
}

SearchBox::SearchBox(Backend *backend, QWidget *parent)
    : QLineEdit(parent)
    , m_backend(backend)
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("search"));
    setPlaceholderText(tr("Search cards (Ctrl+F)"));
    setAccessibleName(tr("Search"));
    setClearButtonEnabled(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &SearchBox::runSearch);
    connect(this, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(this, &QLineEdit::returnPressed, this, &SearchBox::runSearch);

    m_popup = new QListView;
    m_popup->setWindowFlags(Qt::Popup);
    m_popup->setAccessibleName(tr("Search results"));
    m_popup->setModel(&m_results);
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setParent(this, Qt::Popup);
    connect(m_popup, &QListView::activated, this, &SearchBox::choose);
    connect(m_popup, &QListView::clicked, this, &SearchBox::choose);
}

void SearchBox::runSearch()
{
    const QString query = text().trimmed();
    const int generation = ++m_generation;
    if (query.size() < 2) {
        m_results.setHits({}, {});
        m_popup->hide();
        return;
    }
    m_backend->search(this, query, [this, generation](const Outcome<QList<SearchHit>> &r) {
        if (generation != m_generation)
            return; // an older answer: a newer search is under way
        const QList<SearchHit> hits = r.ok() ? *r.value : QList<SearchHit>();
        QHash<QString, QString> names;
        for (const SearchHit &hit : hits)
            names.insert(hit.boardId, m_backend->knownBoardName(hit.boardId));
        m_results.setHits(hits, names);
        if (m_results.rowCount() == 0 || !isVisible()) {
            m_popup->hide();
            return;
        }
        m_popup->setMinimumWidth(std::max(width(), 320));
        m_popup->move(mapToGlobal(QPoint(0, height())));
        m_popup->resize(m_popup->minimumWidth(), 240);
        m_popup->setCurrentIndex(m_results.index(0));
        m_popup->show();
    });
}

void SearchBox::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Down && m_results.rowCount() > 0) {
        m_popup->show();
        m_popup->setFocus();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        m_popup->hide();
        clear();
    }
    QLineEdit::keyPressEvent(event);
}

void SearchBox::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_popup->hide();
    Q_EMIT jumpRequested(index.data(SearchResultModel::BoardIdRole).toString(),
        index.data(SearchResultModel::CardIdRole).toString());
}

} // namespace corkboard::ui
