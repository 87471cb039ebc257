#pragma once

#include "server/platform/config.h"

namespace corkboard {

//! `corkboard --serve`: runs the server until SIGTERM/SIGINT; returns the exit status.
int runServe(const Config &config);
//! `corkboard --migrate status|up|down N`; returns the exit status.
int runMigrate(const Config &config);
//! `corkboard --rotate-jwt-key`: adds a new current signing key to <data dir>/jwt-keys.json; a
//! running server picks it up within seconds and keeps accepting tokens of the previous key
//! until they expire. Returns the exit status.
int runRotateJwtKey(const Config &config);

} // namespace corkboard
