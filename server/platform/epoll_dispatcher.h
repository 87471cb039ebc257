#pragma once

#include <QAbstractEventDispatcher>

namespace corkboard {

//! The event dispatcher a server thread runs on where the system has epoll (Linux); nullptr
//! elsewhere (the thread keeps Qt's own). Set it with QThread::setEventDispatcher before the
//! thread starts.
//!
//! Why not Qt's: Qt 6.4 waits with poll(2), which hands the kernel every socket the thread owns
//! on every turn of its loop and takes them all back after. With a thousand live connections on
//! a thread that was about a millisecond per turn, spent before the thread could send anything
//! (61 % of the server's CPU while it fanned an event out to 1,000 WebSockets). epoll keeps the
//! interest list in the kernel and returns only what is ready.
QAbstractEventDispatcher *createServerEventDispatcher();

} // namespace corkboard
