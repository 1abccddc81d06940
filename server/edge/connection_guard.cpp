#include "server/edge/connection_guard.h"

#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace muamala::server {
namespace {

// How often the watchdog looks: a deadline is enforced within this much of passing.
constexpr std::chrono::milliseconds watch_interval{200};

}  // namespace

ConnectionGuard::ConnectionGuard(ConnectionLimits limits) : limits_(limits) {
    // The watchdog takes no signal: SIGTERM and the like belong to the thread main() waits for
    // them on (stop_signals.h), which may be set up after this. A new thread inherits the mask.
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before);
    watchdog_ = std::thread([this] { watch(); });
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
}

ConnectionGuard::~ConnectionGuard() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    watchdog_.join();
}

std::optional<ConnectionGuard::Admission> ConnectionGuard::admit(int socket_fd, const std::string& address,
                                                                 bool counted) {
    std::lock_guard lock(mutex_);
    if (counted && open_by_address_[address] >= limits_.per_address) return std::nullopt;
    // The copy lets the watchdog shut the socket down even while cpp-httplib closes its own
    // descriptor: a closed number may be reused at once by the next connection; the copy is not.
    const int copy = ::dup(socket_fd);
    if (copy < 0) return std::nullopt;  // out of descriptors: refusing is all that is left
    if (counted) ++open_by_address_[address];
    const std::uint64_t id = next_id_++;
    entries_.emplace(id, Entry{copy, address, counted, std::chrono::steady_clock::now() + limits_.request_read});
    return Admission(*this, id);
}

void ConnectionGuard::set_deadline(std::uint64_t id, std::chrono::milliseconds from_now) {
    std::lock_guard lock(mutex_);
    if (const auto found = entries_.find(id); found != entries_.end())
        found->second.deadline = std::chrono::steady_clock::now() + from_now;
}

void ConnectionGuard::release(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    const auto found = entries_.find(id);
    if (found == entries_.end()) return;
    const Entry& entry = found->second;
    if (entry.counted) {
        const auto count = open_by_address_.find(entry.address);
        if (count != open_by_address_.end() && --count->second == 0) open_by_address_.erase(count);
    }
    ::close(entry.socket_copy);
    entries_.erase(found);
}

void ConnectionGuard::watch() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, watch_interval, [this] { return stopping_; })) {
        const auto now = std::chrono::steady_clock::now();
        for (auto& [id, entry] : entries_) {
            if (entry.cut || entry.deadline > now) continue;
            // Wakes the worker blocked reading (or writing) this socket; it then closes it.
            ::shutdown(entry.socket_copy, SHUT_RDWR);
            entry.cut = true;
        }
    }
}

// [SECTION] Admission

ConnectionGuard::Admission::Admission(Admission&& other) noexcept : guard_(other.guard_), id_(other.id_) {
    other.guard_ = nullptr;
}

ConnectionGuard::Admission::~Admission() {
    if (guard_ != nullptr) guard_->release(id_);
}

void ConnectionGuard::Admission::response_started() { guard_->set_deadline(id_, guard_->limits_.response_write); }

void ConnectionGuard::Admission::response_finished() {
    guard_->set_deadline(id_, guard_->limits_.keep_alive_idle + guard_->limits_.request_read);
}

}  // namespace muamala::server
