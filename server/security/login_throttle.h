// Slows down password and code guessing (issue 4, item 3): after too many failed sign-in attempts
// within a window, further attempts are refused with 429 and Retry-After, before any password is
// checked. Counted twice over: per civil ID (one account attacked from many addresses) and per
// remote address (one address trying many accounts).
//
// Kept in memory: a restart forgets every count, which gives an attacker a fresh allowance per
// restart. Acceptable for one process; several processes behind a balancer would each count apart,
// and then this belongs in the database.
#pragma once
#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace muamala::server {

inline constexpr std::size_t failures_allowed_per_account = 5;   // wrong passwords or codes, together
inline constexpr std::size_t failures_allowed_per_address = 20;  // several people can share one address (NAT)
inline constexpr std::chrono::seconds failure_window{15 * 60};  // a failure counts for this long

class LoginThrottle {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    // How long a sign-in attempt for `civil_id` from `address` must wait, rounded up to whole seconds
    // (0: it may go ahead now). The civil ID is counted whether or not it has an account, so a
    // refusal says nothing about which civil IDs are real. Attempts refused here are not failures:
    // waiting out the window always works.
    std::chrono::seconds wait_before_attempt(std::string_view civil_id, std::string_view address, TimePoint now);

    void record_failure(std::string_view civil_id, std::string_view address, TimePoint now);
    void forget_account(std::string_view civil_id);  // after a whole sign-in: the person is who they said

private:
    // The latest failures of one civil ID or one address, oldest first; never more than its limit,
    // as only the oldest of the last `limit` decides when trying may resume.
    using Failures = std::unordered_map<std::string, std::deque<TimePoint>>;

    static std::chrono::seconds wait_for(const Failures& failures, std::string_view key, std::size_t limit, TimePoint now);
    static void add(Failures& failures, std::string_view key, std::size_t limit, TimePoint now);
    void forget_expired(TimePoint now);

    std::mutex mutex_;  // guards everything below: sign-ins arrive on many threads
    Failures by_account_;
    Failures by_address_;
    std::size_t keys_added_since_sweep_ = 0;
};

}  // namespace muamala::server
