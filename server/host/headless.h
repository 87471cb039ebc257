#pragma once

#include "server/platform/config.h"

namespace corkboard {

//! `corkboard --serve`: runs the server until SIGTERM/SIGINT; returns the exit status.
int runServe(const Config &config);
//! `corkboard --migrate status|up|down N`; returns the exit status.
int runMigrate(const Config &config);

} // namespace corkboard
