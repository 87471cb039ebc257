#include "shared/client/error_presenter.h"

#include <QRegularExpression>

namespace corkboard::client {

QString ErrorPresenter::message(ErrorCode code)
{
    switch (code) {
    case ErrorCode::MalformedRequest:
        return tr("The request could not be understood. Please update Corkboard.");
    case ErrorCode::Unauthenticated:
        return tr("You are not signed in. Please sign in again.");
    case ErrorCode::InvalidCredentials:
        return tr("The e-mail address or password is not correct.");
    case ErrorCode::TokenExpired:
        return tr("Your session has expired. Please sign in again.");
    case ErrorCode::Forbidden:
        return tr("You are not allowed to do that.");
    case ErrorCode::NotFound:
        return tr("This item no longer exists or you no longer have access to it.");
    case ErrorCode::MethodNotAllowed:
        return tr("The server does not support this action. Please update Corkboard.");
    case ErrorCode::RequestTimeout:
        return tr("The request took too long to send. Please try again.");
    case ErrorCode::Conflict:
        return tr("This conflicts with an existing item.");
    case ErrorCode::LengthRequired:
        return tr("The request could not be sent in this form. Please update Corkboard.");
    case ErrorCode::PreconditionFailed:
        return tr(
            "Someone else changed this in the meantime. Review the latest version and try again.");
    case ErrorCode::PayloadTooLarge:
        return tr("This is too large to upload.");
    case ErrorCode::UnsupportedMediaType:
        return tr("This kind of content is not supported.");
    case ErrorCode::ValidationFailed:
        return tr("Some fields need attention.");
    case ErrorCode::RateLimited:
        return tr("Too many requests. Please wait a moment and try again.");
    case ErrorCode::HeadersTooLarge:
        return tr("The request was too large for the server. Please sign in again.");
    case ErrorCode::ChecksumMismatch:
        return tr("The file arrived damaged. Please send it again.");
    case ErrorCode::Internal:
        return tr("The server ran into a problem. Please try again later.");
    case ErrorCode::Unavailable:
        return tr("The server is temporarily unavailable. Please try again later.");
    }
    return tr("Something went wrong. Please try again.");
}

QString ErrorPresenter::kindMessage(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::Http:
        return QString();
    case ApiError::Kind::Network:
        return tr("Cannot reach the server. Check your network connection.");
    case ApiError::Kind::Tls:
        return tr(
            "A secure connection to the server could not be established. Its certificate may be "
            "invalid.");
    case ApiError::Kind::Timeout:
        return tr("The server did not answer in time. Please try again.");
    case ApiError::Kind::Decode:
        return tr(
            "The server sent an answer Corkboard does not understand. Please update Corkboard.");
    case ApiError::Kind::Session:
        return tr("Your session has ended. Please sign in again.");
    case ApiError::Kind::Keychain:
        return tr("The system keychain could not be used to keep you signed in.");
    }
    return QString();
}

QString ErrorPresenter::tlsMessage(const ApiError &error)
{
    switch (error.tlsProblem) {
    case ApiError::TlsProblem::None:
        return QString();
    case ApiError::TlsProblem::Untrusted:
        return tr("This server's certificate is not known yet. Compare its fingerprint with the "
                  "one the server shows before you trust it:\n%1")
            .arg(error.fingerprint);
    case ApiError::TlsProblem::Changed:
        return tr("The server's certificate has changed since you last connected. This can mean "
                  "someone is intercepting the connection, or that the server got a new "
                  "certificate. Ask its administrator before accepting the new fingerprint:\n"
                  "new: %1\nbefore: %2")
            .arg(error.fingerprint, error.pinnedFingerprint);
    case ApiError::TlsProblem::AdvertisedMismatch:
        return tr("The server's certificate is not the one it announced on the network. The "
                  "connection was refused.\npresented: %1\nannounced: %2")
            .arg(error.fingerprint, error.pinnedFingerprint);
    case ApiError::TlsProblem::Expired:
        return tr("The server's certificate has expired (or is not valid yet). Check this "
                  "computer's date, or ask the server's administrator to renew it.");
    case ApiError::TlsProblem::WrongHost:
        return tr("The server's certificate is for a different name than the address you "
                  "entered. Use the name the certificate was issued for.");
    case ApiError::TlsProblem::HandshakeTimeout:
        return tr("The server did not set up a secure connection in time. Check that the address "
                  "and port are right and that it serves HTTPS.");
    case ApiError::TlsProblem::Other:
        break;
    }
    return kindMessage(ApiError::Kind::Tls);
}

QString ErrorPresenter::message(const ApiError &error)
{
    if (error.tlsProblem != ApiError::TlsProblem::None)
        return tlsMessage(error);
    if (error.kind != ApiError::Kind::Http)
        return kindMessage(error.kind);
    if (error.is(ErrorCode::RateLimited) && error.retryAfterSeconds > 0)
        return tr("Too many requests. Please try again in %n second(s).", nullptr,
            error.retryAfterSeconds);
    if (error.code)
        return message(*error.code);
    // No code we know (a proxy or a newer server): judge by the status, never by its text.
    if (error.status >= 500)
        return message(ErrorCode::Internal);
    if (error.status == 401)
        return message(ErrorCode::Unauthenticated);
    if (error.status == 404)
        return message(ErrorCode::NotFound);
    return tr("The server refused this request.");
}

QString ErrorPresenter::fieldMessage(const FieldError &error)
{
    const QString &c = error.code;
    if (c == QLatin1String("required") || c == QLatin1String("missing"))
        return tr("This field is required.");
    // The rule's number is in the server's text ("must be at most 200 characters"): name it.
    const QRegularExpressionMatch number
        = QRegularExpression(QStringLiteral("(\\d+) character")).match(error.message);
    if (c == QLatin1String("too_long"))
        return number.hasMatch() ? tr("at most %1 characters").arg(number.captured(1))
                                 : tr("This is too long.");
    if (c == QLatin1String("too_short") || c == QLatin1String("empty"))
        return number.hasMatch() ? tr("at least %1 characters").arg(number.captured(1))
                                 : tr("This is too short.");
    if (c == QLatin1String("blank"))
        return tr("This must not be empty.");
    if (c == QLatin1String("invalid") || c == QLatin1String("invalid_format")
        || c == QLatin1String("format"))
        return tr("This value is not valid.");
    if (c == QLatin1String("out_of_range") || c == QLatin1String("range"))
        return tr("This value is out of range.");
    if (c == QLatin1String("taken") || c == QLatin1String("duplicate")
        || c == QLatin1String("exists"))
        return tr("This is already in use.");
    if (c == QLatin1String("unknown_field") || c == QLatin1String("unknown"))
        return tr("This field is not accepted. Please update Corkboard.");
    if (c.startsWith(QLatin1String("unknown_")))
        return tr("This no longer exists. Reload and try again.");
    if (c == QLatin1String("wrong_type") || c == QLatin1String("invalid_type")
        || c == QLatin1String("type"))
        return tr("This value has the wrong type.");
    if (c == QLatin1String("invalid_characters") || c == QLatin1String("invalid_encoding"))
        return tr("This contains characters that are not allowed.");
    if (c == QLatin1String("limit_reached"))
        return tr("The limit has been reached.");
    if (c == QLatin1String("not_a_member"))
        return tr("This person is not a member of the board.");
    // A 4xx field message was written for people by our own server; show it rather than nothing.
    return error.message.isEmpty() ? tr("This value is not valid.") : error.message;
}

QHash<QString, QString> ErrorPresenter::fieldMessages(const ApiError &error)
{
    QHash<QString, QString> out;
    if (error.status >= 500)
        return out;
    for (const auto &e : error.fieldErrors) {
        if (!out.contains(e.field))
            out.insert(e.field, fieldMessage(e));
    }
    return out;
}

} // namespace corkboard::client
