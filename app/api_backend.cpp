#include "app/api_backend.h"

namespace corkboard::ui {

// Filled in once the typed client (shared/client) is merged.
DesktopSession::BackendFactory apiBackendFactory()
{
    return {};
}

} // namespace corkboard::ui
