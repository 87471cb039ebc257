#pragma once

namespace corkboard::live {

//! WebSocket close codes of the live-update protocol (API.md "Live updates").
enum CloseCode : int
{
    CloseGoingAway = 1001, //!< the server is shutting down
    CloseTooBig = 1009, //!< a frame or message over the size limit
    CloseUnauthenticated = 4401, //!< no valid auth, or the token expired without a fresh one
    CloseForbidden = 4403, //!< sent as an error message only; the socket stays open
    CloseAuthTimeout = 4408, //!< no auth message in time
    CloseTooSlowOrChatty = 4429, //!< send queue over its cap, or too many messages
};

} // namespace corkboard::live
