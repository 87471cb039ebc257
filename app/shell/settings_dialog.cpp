#include "app/shell/settings_dialog.h"

#include "app/shell/app_settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace corkboard::ui {

SettingsDialog::SettingsDialog(
    AppSettings *settings, const QString &dataDir, bool localServer, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);

    auto *lan = new QGroupBox(tr("Sharing on the local network"), this);
    auto *lanForm = new QFormLayout(lan);
    m_share = new QCheckBox(tr("&Share this computer's boards on the LAN"), lan);
    m_share->setChecked(settings->shareOnLan());
    m_port = new QSpinBox(lan);
    m_port->setRange(1024, 65535);
    m_port->setValue(settings->lanPort());
    m_port->setAccessibleName(tr("Port"));
    m_port->setEnabled(m_share->isChecked());
    connect(m_share, &QCheckBox::toggled, m_port, &QSpinBox::setEnabled);
    lanForm->addRow(m_share);
    lanForm->addRow(tr("&Port:"), m_port);
    // What colleagues compare with the fingerprint their window shows when they connect.
    auto *fingerprint = new QLabel(settings->servedFingerprint().isEmpty()
            ? tr("Shown here while the boards are shared (sharing uses HTTPS).")
            : settings->servedFingerprint(),
        lan);
    fingerprint->setObjectName(QStringLiteral("servedFingerprint"));
    fingerprint->setTextFormat(Qt::PlainText);
    fingerprint->setWordWrap(true);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fingerprint->setAccessibleName(tr("Certificate fingerprint (SHA-256)"));
    lanForm->addRow(tr("Certificate fingerprint:"), fingerprint);
    lan->setEnabled(localServer);
    if (!localServer)
        lan->setToolTip(tr("Only a board server on this computer can be shared."));
    layout->addWidget(lan);

    auto *general = new QGroupBox(tr("General"), this);
    auto *form = new QFormLayout(general);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));
    form->addRow(tr("&Language:"), m_language);
    m_tray = new QCheckBox(tr("&Keep running in the tray when the window is closed"), general);
    m_tray->setChecked(settings->keepInTray());
    form->addRow(m_tray);
    auto *folder = new QLabel(dataDir, general);
    folder->setTextFormat(Qt::PlainText);
    folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folder->setAccessibleName(tr("Data folder"));
    form->addRow(tr("Data folder:"), folder);
    layout->addWidget(general);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    const QString language = m_language->currentData().toString();
    if (language != m_settings->language()) {
        m_settings->setLanguage(language);
        Q_EMIT languageChanged(language);
    }
    if (m_share->isChecked() != m_settings->shareOnLan()
        || m_port->value() != m_settings->lanPort()) {
        m_settings->setShareOnLan(m_share->isChecked());
        m_settings->setLanPort(m_port->value());
        Q_EMIT lanSharingChanged(m_share->isChecked(), m_port->value());
    }
    m_settings->setKeepInTray(m_tray->isChecked());
}

} // namespace corkboard::ui
