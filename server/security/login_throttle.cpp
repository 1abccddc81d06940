#include "server/security/login_throttle.h"

#include <algorithm>

namespace muamala::server {
namespace {

// Keys whose failures have all expired are dropped every this many new keys, so an attacker sending
// attempts for endless made-up civil IDs grows the maps by no more than a window's worth.
constexpr std::size_t new_keys_between_sweeps = 1024;

}  // namespace

std::chrono::seconds LoginThrottle::wait_for(const Failures& failures, std::string_view key, std::size_t limit,
                                             TimePoint now) {
    const auto found = failures.find(std::string(key));
    if (found == failures.end() || found->second.size() < limit) return std::chrono::seconds(0);
    // `limit` failures are on record (never more): trying resumes when the oldest leaves the window.
    const auto remaining = found->second.front() + failure_window - now;
    if (remaining <= TimePoint::duration::zero()) return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(remaining);
}

void LoginThrottle::add(Failures& failures, std::string_view key, std::size_t limit, TimePoint now) {
    std::deque<TimePoint>& recent = failures[std::string(key)];
    recent.push_back(now);
    while (recent.size() > limit || now - recent.front() >= failure_window) recent.pop_front();
}

std::chrono::seconds LoginThrottle::wait_before_attempt(std::string_view civil_id, std::string_view address,
                                                        TimePoint now) {
    std::lock_guard lock(mutex_);
    return std::max(wait_for(by_account_, civil_id, failures_allowed_per_account, now),
                    wait_for(by_address_, address, failures_allowed_per_address, now));
}

void LoginThrottle::record_failure(std::string_view civil_id, std::string_view address, TimePoint now) {
    std::lock_guard lock(mutex_);
    const std::size_t keys_before = by_account_.size() + by_address_.size();
    add(by_account_, civil_id, failures_allowed_per_account, now);
    add(by_address_, address, failures_allowed_per_address, now);
    keys_added_since_sweep_ += by_account_.size() + by_address_.size() - keys_before;
    if (keys_added_since_sweep_ >= new_keys_between_sweeps) forget_expired(now);
}

void LoginThrottle::forget_account(std::string_view civil_id) {
    std::lock_guard lock(mutex_);
    by_account_.erase(std::string(civil_id));
}

void LoginThrottle::forget_expired(TimePoint now) {
    for (Failures* failures : {&by_account_, &by_address_})
        std::erase_if(*failures, [now](const auto& entry) { return now - entry.second.back() >= failure_window; });
    keys_added_since_sweep_ = 0;
}

}  // namespace muamala::server
