#pragma once

#include <QDialog>
#include <QString>

class QCheckBox;
class QPushButton;

namespace corkboard::ui {

//! Asks a person whether to trust a server's certificate, showing its SHA-256 fingerprint in
//! the same form the server prints. First use: "Trust" pins it. Changed: the old and the new
//! fingerprint side by side, and "Accept the new certificate" stays disabled until the person
//! ticks that they checked it with the server's administrator. Opened with open() (window
//! modal, no nested event loop); accepted() means "pin `fingerprint()`".
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        FirstUse,
        Changed
    };

    //! `previous`: the pinned fingerprint (Changed) or the one announced on the network
    //! (FirstUse; empty when the address was typed).
    CertificateDialog(Mode mode, const QString &server, const QString &fingerprint,
        const QString &previous, QWidget *parent = nullptr);

    QString fingerprint() const { return m_fingerprint; }
    Mode mode() const { return m_mode; }

private:
    Mode m_mode;
    QString m_fingerprint;
    QCheckBox *m_reviewed = nullptr;
    QPushButton *m_trust = nullptr;
};

} // namespace corkboard::ui
