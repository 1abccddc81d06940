// Turns SIGINT and SIGTERM (and, when asked, SIGHUP) into a call on an ordinary thread, where it is
// safe to stop the server or reload its certificate (a signal handler may call almost nothing).
#pragma once
#include <csignal>
#include <functional>
#include <thread>

namespace muamala::server {

class StopOnSignal {
public:
    // Blocks SIGINT and SIGTERM in the calling thread, and so in every thread it starts afterwards,
    // then waits for one on a thread of its own and calls `stop` there (once). With `reload`, SIGHUP
    // is blocked too and calls `reload` on that thread, as often as it comes. Construct it before
    // any other thread exists, or a signal may land on a thread that does not block it.
    explicit StopOnSignal(std::function<void()> stop, std::function<void()> reload = {});
    ~StopOnSignal();  // ends the waiting thread without calling `stop` if no signal came
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
    sigset_t signals_;
    std::thread waiter_;
};

}  // namespace muamala::server
