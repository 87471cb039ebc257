#include "app/shell/certificate_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace corkboard::ui {

namespace {

QLabel *fingerprintLabel(const QString &fingerprint, const QString &objectName, QWidget *parent)
{
    // Two lines of 16 pairs: easier to compare than one long line.
    const QString firstHalf = fingerprint.left(47);
    const QString secondHalf = fingerprint.mid(48);
    auto *label = new QLabel(firstHalf + QLatin1Char('\n') + secondHalf, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(fingerprint);
    return label;
}

QLabel *text(const QString &words, QWidget *parent)
{
    auto *label = new QLabel(words, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

CertificateDialog::CertificateDialog(Mode mode, const QString &server, const QString &fingerprint,
    const QString &previous, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_fingerprint(fingerprint)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QDialogButtonBox(this);
    if (mode == Mode::FirstUse) {
        setWindowTitle(tr("Trust this server?"));
        layout->addWidget(text(tr("This is the first connection to %1. Its certificate is not "
                                  "signed by an authority this computer knows, so check it "
                                  "yourself: the server shows this fingerprint when it starts "
                                  "(and in \"Share on LAN\").")
                                   .arg(server),
            this));
        layout->addWidget(fingerprintLabel(fingerprint, QStringLiteral("fingerprint"), this));
        if (!previous.isEmpty()) {
            layout->addWidget(text(previous == fingerprint
                    ? tr("It matches the fingerprint the server announced on the network.")
                    : tr("It does NOT match the fingerprint the server announced on the "
                         "network."),
                this));
        }
        m_trust = buttons->addButton(tr("&Trust and connect"), QDialogButtonBox::AcceptRole);
    } else {
        setWindowTitle(tr("The server's certificate has changed"));
        layout->addWidget(text(tr("%1 now presents a different certificate than the one you "
                                  "trusted. Someone may be intercepting the connection — or the "
                                  "server got a new certificate. Ask its administrator which "
                                  "fingerprint it shows now before you accept it.")
                                   .arg(server),
            this));
        layout->addWidget(text(tr("Trusted before:"), this));
        layout->addWidget(fingerprintLabel(previous, QStringLiteral("previousFingerprint"), this));
        layout->addWidget(text(tr("Presented now:"), this));
        layout->addWidget(fingerprintLabel(fingerprint, QStringLiteral("fingerprint"), this));
        m_reviewed = new QCheckBox(
            tr("I &checked the new fingerprint with the server's administrator"), this);
        m_reviewed->setObjectName(QStringLiteral("reviewed"));
        layout->addWidget(m_reviewed);
        m_trust
            = buttons->addButton(tr("&Accept the new certificate"), QDialogButtonBox::AcceptRole);
        m_trust->setEnabled(false);
        connect(m_reviewed, &QCheckBox::toggled, m_trust, &QPushButton::setEnabled);
    }
    m_trust->setObjectName(QStringLiteral("trustButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true); // Enter never trusts by accident
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace corkboard::ui
