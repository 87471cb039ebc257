#pragma once

#include <QByteArray>
#include <QString>

namespace corkboard {

//! The one way a certificate fingerprint is written, on the server's console, in its log, in
//! /ready, in DNS-SD TXT records and in the window: SHA-256 of the DER certificate as upper-case
//! hex pairs joined by colons ("AB:CD:…", 95 characters).
QString certificateFingerprint(const QByteArray &der);
//! Formats a 32-byte digest the same way.
QString formatFingerprint(const QByteArray &sha256);
//! Accepts what people paste (any case, with or without colons or spaces) and returns the
//! canonical form, or an empty string when it is not a SHA-256 fingerprint.
QString normalizedFingerprint(const QString &text);

} // namespace corkboard
