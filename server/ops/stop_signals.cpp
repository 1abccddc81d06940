#include "server/ops/stop_signals.h"

#include <pthread.h>

namespace muamala::server {
namespace {

// The destructor wakes the waiter with this signal, which is otherwise unused by the server.
constexpr int wake_signal = SIGUSR1;

}  // namespace

StopOnSignal::StopOnSignal(std::function<void()> stop, std::function<void()> reload) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, wake_signal);
    if (reload) sigaddset(&signals_, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    waiter_ = std::thread([this, stop = std::move(stop), reload = std::move(reload)] {
        for (;;) {
            int received = 0;
            sigwait(&signals_, &received);
            if (received == SIGHUP) {
                reload();
                continue;
            }
            if (received != wake_signal) stop();
            return;
        }
    });
}

StopOnSignal::~StopOnSignal() {
    // If a stop signal already ended the waiter, this signal is dropped: the thread is gone.
    pthread_kill(waiter_.native_handle(), wake_signal);
    waiter_.join();
}

}  // namespace muamala::server
