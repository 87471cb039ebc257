#pragma once

#include "app/desktop_session.h"

namespace corkboard::ui {

//! The factory of the real backend: ApiClient + LiveClient + keychain for a server URL.
DesktopSession::BackendFactory apiBackendFactory();

} // namespace corkboard::ui
