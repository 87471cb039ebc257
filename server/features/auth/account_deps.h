#pragma once

namespace corkboard {

class Clock;
class Database;
class JwtKeyStore;
class PasswordHasher;
class RateLimiter;
class RevocationList;
class SetupGate;
class UserCache;
struct Config;

//! What the account services (sign-in, registration, sessions, the user directory) and the
//! request authenticator use, named one by one: the host fills it from its shared state.
struct AccountDeps
{
    Database &db;
    const Config &config;
    Clock &clock;
    //! Failed sign-ins and password changes, per address and per account.
    RateLimiter &authLimiter;
    PasswordHasher &passwords;
    //! Signed-out sessions and disabled users (every server thread sees them at once).
    RevocationList &revocations;
    UserCache &userCache;
    JwtKeyStore &jwtKeys;
    //! The first-start setup code (registration beyond loopback before an admin exists).
    SetupGate &setupGate;
};

} // namespace corkboard
