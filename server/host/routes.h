#pragma once

namespace corkboard {

class HttpWorker;

//! The one place that wires every feature's controller onto a server thread's router.
void registerRoutes(HttpWorker &worker);

} // namespace corkboard
