#include "app/boards/filter_bar.h"

#include "app/boards/open_board.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <algorithm>

namespace corkboard::ui {

FilterBar::FilterBar(OpenBoard *board, QWidget *parent)
    : QWidget(parent)
    , m_board(board)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("filterText"));
    m_text->setPlaceholderText(tr("Filter cards…"));
    m_text->setAccessibleName(tr("Show cards containing"));
    m_text->setClearButtonEnabled(true);
    m_text->setMaximumWidth(260);
    m_label = new QComboBox(this);
    m_label->setObjectName(QStringLiteral("filterLabel"));
    m_label->setAccessibleName(tr("Show cards with the label"));
    m_person = new QComboBox(this);
    m_person->setObjectName(QStringLiteral("filterPerson"));
    m_person->setAccessibleName(tr("Show cards assigned to"));
    m_due = new QComboBox(this);
    m_due->setObjectName(QStringLiteral("filterDue"));
    m_due->setAccessibleName(tr("Show cards due"));
    m_due->addItem(tr("Any due date"), int(BoardFilter::Due::Any));
    m_due->addItem(tr("Overdue"), int(BoardFilter::Due::Overdue));
    m_due->addItem(tr("Due in the next 7 days"), int(BoardFilter::Due::Soon));
    m_due->addItem(tr("No due date"), int(BoardFilter::Due::None));
    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("filterClear"));
    m_clear->setText(tr("Show all"));
    m_clear->setEnabled(false);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("filterCounts"));
    m_counts->setTextFormat(Qt::PlainText);
    row->addWidget(m_text, 1);
    row->addWidget(m_label);
    row->addWidget(m_person);
    row->addWidget(m_due);
    row->addWidget(m_clear);
    row->addWidget(m_counts);
    row->addStretch(1);

    connect(m_text, &QLineEdit::textChanged, this, &FilterBar::update);
    for (QComboBox *box : {m_label, m_person, m_due})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::update);
    connect(m_clear, &QToolButton::clicked, this, [this] {
        m_filling = true;
        m_text->clear();
        for (QComboBox *box : {m_label, m_person, m_due})
            box->setCurrentIndex(0);
        m_filling = false;
        update();
    });
    connect(board, &OpenBoard::labelsChanged, this, &FilterBar::fillChoices);
    connect(board, &OpenBoard::boardLoaded, this, &FilterBar::fillChoices);
    fillChoices();
}

void FilterBar::setMe(const QString &userId)
{
    m_me = userId;
    fillChoices();
}

void FilterBar::fillChoices()
{
    // Keep what is chosen when the lists change (a label renamed, someone added).
    const QString label = m_label->currentData().toString();
    const QString person = m_person->currentData().toString();
    m_filling = true;
    m_label->clear();
    m_label->addItem(tr("Any label"), QString());
    QList<Label> labels = m_board->labels();
    std::sort(labels.begin(), labels.end(), [](const Label &a, const Label &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const Label &l : labels)
        m_label->addItem(l.name, l.id);
    m_person->clear();
    m_person->addItem(tr("Anyone"), QString());
    if (!m_me.isEmpty())
        m_person->addItem(tr("Me"), m_me);
    QList<BoardMember> people = m_board->members();
    std::sort(people.begin(), people.end(), [](const BoardMember &a, const BoardMember &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    for (const BoardMember &p : people) {
        if (p.userId != m_me)
            m_person->addItem(p.displayName, p.userId);
    }
    m_label->setCurrentIndex(std::max(0, m_label->findData(label)));
    m_person->setCurrentIndex(std::max(0, m_person->findData(person)));
    m_filling = false;
    update();
}

void FilterBar::update()
{
    if (m_filling)
        return;
    BoardFilter f;
    f.text = m_text->text();
    f.labelId = m_label->currentData().toString();
    f.assigneeId = m_person->currentData().toString();
    f.due = BoardFilter::Due(m_due->currentData().toInt());
    m_filter = f;
    m_clear->setEnabled(!f.isEmpty());
    Q_EMIT filterChanged();
}

void FilterBar::setCounts(int shown, int total)
{
    m_counts->setText(
        m_filter.isEmpty() ? QString() : tr("Showing %1 of %2 cards").arg(shown).arg(total));
}

} // namespace corkboard::ui
