#include "app/shell/first_run_dialog.h"

#include "app/widgets/message_box.h"
#include "shared/client/server_address.h"
#include "shared/client/server_browser.h"
#include "shared/client/server_trust.h"

#include <QListView>

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
    m_url->setPlaceholderText(QStringLiteral("192.168.1.20:8080"));
    m_url->setAccessibleName(tr("Server address"));
    urlLabel->setBuddy(m_url);
    layout->addWidget(urlLabel);
    layout->addWidget(m_url);
    m_urlError = new QLabel(this);
    m_urlError->setTextFormat(Qt::PlainText);
    m_urlError->setVisible(false);
    layout->addWidget(m_urlError);
    addDiscoveredServers(layout);
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

FirstRunDialog::~FirstRunDialog() = default;

void FirstRunDialog::tryConnect()
{
    const std::optional<QUrl> parsed = client::ServerAddress::parse(m_url->text());
    if (!parsed) {
        m_urlError->setText(tr("Enter the address of the server, for example 192.168.1.20:8080"));
        m_urlError->setVisible(true);
        m_url->setFocus();
        return;
    }
    m_urlError->setVisible(false);
    const QUrl url = *parsed;
    if (m_trust) // what the chosen server announced (empty when typed): a check, not a trust
        m_trust->setAdvertised(url, m_announced.value(url.toString(QUrl::StripTrailingSlash)));
    if (!client::ServerAddress::isPlainBeyondLoopback(url)) {
        Q_EMIT remoteChosen(url);
        accept();
        return;
    }
    MessageBox::ask(this, tr("Connect without encryption?"),
        tr("%1 is a plain http:// address on the network. Your password and everything on your "
           "boards would cross the network unencrypted, readable by anyone on it.")
            .arg(url.toString()),
        tr("Use https:// unless this server was started with --insecure-http on purpose."),
        {{kConnectPlain, tr("Connect &without encryption"), QMessageBox::DestructiveRole},
            {kCancelPlain, tr("Cancel"), QMessageBox::RejectRole}},
        [this, url](int answer) {
            if (answer != kConnectPlain)
                return;
            Q_EMIT remoteChosen(url);
            accept();
        });
}

void FirstRunDialog::addDiscoveredServers(QVBoxLayout *layout)
{
    auto *label = new QLabel(tr("Servers on this network:"), this);
    m_found = new QListView(this);
    m_found->setObjectName(QStringLiteral("discoveredServers"));
    m_found->setAccessibleName(tr("Servers on this network"));
    m_found->setMaximumHeight(110);
    m_discovered = new client::DiscoveredServersModel(this);
    m_found->setModel(m_discovered);
    m_discoveryState = new QLabel(tr("Looking for servers…"), this);
    m_discoveryState->setObjectName(QStringLiteral("discoveryState"));
    m_discoveryState->setTextFormat(Qt::PlainText);
    m_discoveryState->setWordWrap(true);
    label->setBuddy(m_found);
    layout->addWidget(label);
    layout->addWidget(m_found);
    layout->addWidget(m_discoveryState);
    connect(m_discovered, &client::DiscoveredServersModel::availabilityChanged, this,
        [this](bool available, const QString &reason) {
            m_discoveryState->setText(available ? tr("Looking for servers…") : reason);
        });
    connect(m_discovered, &QAbstractItemModel::rowsInserted, this,
        [this] { m_discoveryState->setText(tr("Pick one, or type an address below.")); });
    // A pick fills the address; its announced fingerprint is kept to check the certificate.
    connect(m_found, &QListView::clicked, this, [this](const QModelIndex &index) {
        const client::DiscoveredServer server = m_discovered->server(index.row());
        const QString url = server.url().toString(QUrl::StripTrailingSlash);
        m_url->setText(url);
        m_announced.insert(url, server.record.fingerprint);
    });
    connect(m_found, &QListView::activated, this, [this](const QModelIndex &) { tryConnect(); });
}

void FirstRunDialog::startDiscovery(std::unique_ptr<client::ServerBrowser> browser)
{
    m_browser = std::move(browser);
    m_discovered->setBrowser(m_browser.get());
    m_browser->start();
}

} // namespace corkboard::ui
