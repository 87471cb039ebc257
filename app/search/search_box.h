#pragma once

#include "app/shell/backend.h"

#include <QAbstractListModel>
#include <QLineEdit>

class QListView;
class QTimer;

namespace corkboard::ui {

//! Search results: card title with the board name and the highlighted snippet.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        BoardIdRole = Qt::UserRole + 1,
        CardIdRole,
        SnippetRole
    };
    using QAbstractListModel::QAbstractListModel;

    //! `boardNames`: the name of each hit's board (the hits carry only its id).
    void setHits(QList<SearchHit> hits, QHash<QString, QString> boardNames);
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<SearchHit> m_hits;
    QHash<QString, QString> m_boardNames;
};

//! The search field in the toolbar: searches as you type (debounced), shows results in a popup
//! and jumps to the chosen card.
class SearchBox : public QLineEdit
{
    Q_OBJECT
public:
    explicit SearchBox(Backend *backend, QWidget *parent = nullptr);

    SearchResultModel *results() { return &m_results; }
    QListView *popup() const { return m_popup; }
    void runSearch();

Q_SIGNALS:
    void jumpRequested(const QString &boardId, const QString &cardId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void choose(const QModelIndex &index);

    Backend *m_backend;
    SearchResultModel m_results;
    QListView *m_popup = nullptr;
    QTimer *m_debounce = nullptr;
    int m_generation = 0;
};

} // namespace corkboard::ui
