#include "app/shell/first_run_dialog.h"

#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace corkboard::ui {

FirstRunDialog::FirstRunDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Corkboard"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(
        tr("<h2>Welcome to Corkboard</h2><p>Where should your boards live?</p>"), this);
    layout->addWidget(title);

    m_local = new QPushButton(tr("&Start a board on this computer"), this);
    m_local->setObjectName(QStringLiteral("startLocal"));
    m_local->setAccessibleDescription(
        tr("Runs a board server inside this program; others on your network can join later."));
    m_local->setMinimumHeight(48);
    layout->addWidget(m_local);
    auto *localHint = new QLabel(tr("Your boards are kept on this computer. You can share them on "
                                    "your network later in Settings."),
        this);
    localHint->setWordWrap(true);
    layout->addWidget(localHint);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    layout->addWidget(line);

    auto *urlLabel = new QLabel(tr("Server &address:"), this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(QStringLiteral("http://192.168.1.20:8080"));
    m_url->setAccessibleName(tr("Server address"));
    urlLabel->setBuddy(m_url);
    layout->addWidget(urlLabel);
    layout->addWidget(m_url);
    m_urlError = new QLabel(this);
    m_urlError->setTextFormat(Qt::PlainText);
    m_urlError->setVisible(false);
    layout->addWidget(m_urlError);
    m_connect = new QPushButton(tr("&Connect to a team server"), this);
    m_connect->setObjectName(QStringLiteral("connectRemote"));
    layout->addWidget(m_connect);

    connect(m_local, &QPushButton::clicked, this, [this] {
        Q_EMIT localChosen();
        accept();
    });
    connect(m_connect, &QPushButton::clicked, this, &FirstRunDialog::tryConnect);
    connect(m_url, &QLineEdit::returnPressed, this, &FirstRunDialog::tryConnect);
    resize(460, sizeHint().height());
}

void FirstRunDialog::tryConnect()
{
    QString text = m_url->text().trimmed();
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("http://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        m_urlError->setText(
            tr("Enter the address of the server, for example http://192.168.1.20:8080"));
        m_urlError->setVisible(true);
        m_url->setFocus();
        return;
    }
    m_urlError->setVisible(false);
    Q_EMIT remoteChosen(url);
    accept();
}

} // namespace corkboard::ui
