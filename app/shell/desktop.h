#pragma once

#include "server/platform/config.h"

namespace corkboard {

//! `corkboard` with a display: the window plus the embedded server; returns the exit status.
int runDesktop(const Config &config);

} // namespace corkboard
