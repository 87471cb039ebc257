#pragma once

#include "shared/error_code.h"
#include "shared/problem.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace corkboard::client {

//! Why a call failed, as the typed client reports it: an HTTP problem from the server, or a
//! transport failure (network, TLS, timeout) that never produced a response.
struct ApiError
{
    enum class Kind
    {
        Http, //!< the server answered with an error status (see status/code)
        Network, //!< connection refused, reset, host not found…
        Tls, //!< certificate or handshake failure; never retried
        Timeout, //!< no complete answer within the client's timeout
        Decode, //!< a 2xx whose body did not have the documented shape
        Session, //!< signed out: no refresh token, or the refresh was refused
        Keychain, //!< the token store failed (never silently replaced by a plaintext file)
    };

    //! What was wrong with a TLS connection (kind Tls; HandshakeTimeout comes with Timeout).
    enum class TlsProblem
    {
        None,
        Untrusted, //!< not trusted by the system and not pinned: show `fingerprint`, ask, pin
        Changed, //!< not the pinned certificate (`pinnedFingerprint`): refuse, offer a review
        AdvertisedMismatch, //!< not the one the server announced on the network
        Expired, //!< expired or not yet valid
        WrongHost, //!< a trusted certificate for another name
        HandshakeTimeout, //!< the secure connection was not set up in time
        Other,
    };

    Kind kind = Kind::Http;
    TlsProblem tlsProblem = TlsProblem::None;
    QString fingerprint; //!< the certificate presented ("AB:CD:…"), TLS problems only
    QString pinnedFingerprint; //!< the pinned (or announced) one it differs from
    int status = 0; //!< HTTP status; 0 when no response arrived
    std::optional<ErrorCode> code; //!< nullopt when the server sent no (known) code
    QString detail; //!< server detail (never shown raw for 5xx) or a transport description
    QList<FieldError> fieldErrors;
    QString requestId;
    QJsonObject extra; //!< problem members beyond RFC 9457, e.g. "current" on 412
    int retryAfterSeconds = -1; //!< from Retry-After on 429/503, -1 when absent

    bool is(ErrorCode c) const { return code && *code == c; }
    bool isTransport() const
    {
        return kind == Kind::Network || kind == Kind::Tls || kind == Kind::Timeout;
    }
    //! The field errors for one request field (for forms).
    QList<FieldError> errorsFor(const QString &field) const;
    //! Short developer-facing text for logs (no secrets: built from status, code and kind only).
    QString logText() const;

    static ApiError fromProblem(const Problem &p);
    static ApiError transport(Kind kind, const QString &detail);
    static ApiError session(ErrorCode code, const QString &detail);
};

} // namespace corkboard::client
