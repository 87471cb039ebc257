#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace corkboard::ui {

class AppSettings;

//! Settings: share this computer's board server on the LAN (and its port), language, keep
//! running in the tray; shows the data folder.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(
        AppSettings *settings, const QString &dataDir, bool localServer, QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QCheckBox *shareBox() const { return m_share; }
    QSpinBox *portBox() const { return m_port; }
    void apply();

Q_SIGNALS:
    void languageChanged(const QString &language);
    void lanSharingChanged(bool share, int port);

private:
    AppSettings *m_settings;
    QCheckBox *m_share = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_tray = nullptr;
};

} // namespace corkboard::ui
