#pragma once

#include "shared/client/api_error.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace corkboard::client {

//! Turns an ApiError into short, translatable text for people. Server detail is never shown for
//! 5xx or transport failures; field errors are offered per field for forms.
class ErrorPresenter
{
    Q_DECLARE_TR_FUNCTIONS(ErrorPresenter)

public:
    //! One sentence for a banner or dialog.
    static QString message(const ApiError &error);
    //! The message for a server error code (the table every ErrorCode must be in).
    static QString message(ErrorCode code);
    //! The message for a failure without an HTTP answer (Network, Tls, Timeout) or a client-side
    //! kind (Decode, Session, Keychain); empty for Kind::Http.
    static QString kindMessage(ApiError::Kind kind);
    //! The message for a TLS problem (untrusted/changed certificate with its fingerprints,
    //! expired, wrong host, handshake timeout); empty when there is none.
    static QString tlsMessage(const ApiError &error);
    //! The message for one invalid field, by its field-error code.
    static QString fieldMessage(const FieldError &error);
    //! field → message for every invalid field (the first error of a field wins).
    static QHash<QString, QString> fieldMessages(const ApiError &error);
};

} // namespace corkboard::client
