#include "server/security/login_throttle.h"

#include <algorithm>

namespace muamala::server {
namespace {

// Keys whose failures have all expired are dropped every this many new keys, so an attacker sending
// attempts for endless made-up civil IDs grows the maps by no more than a window's worth.
constexpr std::size_t new_keys_between_sweeps = 1024;

// Failures kept per account: enough to reach the longest back-off (1 s doubled six times passes 60 s).
constexpr std::size_t failures_kept_per_account = failures_free_per_account + 7;

std::string pair_key(std::string_view civil_id, std::string_view address) {
    return std::string(civil_id) + '\n' + std::string(address);
}

std::chrono::seconds whole_seconds_until(LoginThrottle::TimePoint when, LoginThrottle::TimePoint now) {
    if (when <= now) return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(when - now);
}

}  // namespace

std::chrono::seconds LoginThrottle::hard_wait(const Failures& failures, const std::string& key, std::size_t limit,
                                              TimePoint now) {
    const auto found = failures.find(key);
    if (found == failures.end() || found->second.size() < limit) return std::chrono::seconds(0);
    // `limit` failures are on record (never more): trying resumes when the oldest leaves the window.
    return whole_seconds_until(found->second.front() + failure_window, now);
}

std::chrono::seconds LoginThrottle::back_off_wait(const std::string& civil_id, TimePoint now) const {
    const auto found = by_account_.find(civil_id);
    if (found == by_account_.end()) return std::chrono::seconds(0);
    const auto in_window = static_cast<std::size_t>(std::count_if(
        found->second.begin(), found->second.end(), [now](TimePoint at) { return now - at < failure_window; }));
    if (in_window < failures_free_per_account) return std::chrono::seconds(0);
    const std::size_t doublings = in_window - failures_free_per_account;
    const std::chrono::seconds back_off =
        doublings >= 6 ? longest_account_back_off
                       : std::min(std::chrono::seconds(1LL << doublings), longest_account_back_off);
    return whole_seconds_until(found->second.back() + back_off, now);
}

void LoginThrottle::add(Failures& failures, const std::string& key, std::size_t limit, TimePoint now) {
    std::deque<TimePoint>& recent = failures[key];
    recent.push_back(now);
    while (recent.size() > limit || now - recent.front() >= failure_window) recent.pop_front();
}

void LoginThrottle::remove_one(Failures& failures, const std::string& key, TimePoint at) {
    const auto found = failures.find(key);
    if (found == failures.end()) return;
    std::deque<TimePoint>& recent = found->second;
    // The newest match: the ticket's own count, if trimming has not already dropped it.
    const auto match = std::find(recent.rbegin(), recent.rend(), at);
    if (match != recent.rend()) recent.erase(std::next(match).base());
    if (recent.empty()) failures.erase(found);
}

LoginThrottle::Admission LoginThrottle::admit(std::string_view civil_id, std::string_view address, TimePoint now) {
    const std::string account(civil_id), from(address), pair = pair_key(civil_id, address);
    std::lock_guard lock(mutex_);
    const std::chrono::seconds wait =
        std::max({hard_wait(by_pair_, pair, failures_allowed_per_account_and_address, now),
                  hard_wait(by_address_, from, failures_allowed_per_address, now), back_off_wait(account, now)});
    if (wait.count() > 0) {
        tally_refusal(pair, civil_id, address, now);
        return {std::nullopt, wait};
    }
    const std::size_t keys_before = by_pair_.size() + by_address_.size() + by_account_.size();
    add(by_pair_, pair, failures_allowed_per_account_and_address, now);
    add(by_address_, from, failures_allowed_per_address, now);
    add(by_account_, account, failures_kept_per_account, now);
    keys_added_since_sweep_ += by_pair_.size() + by_address_.size() + by_account_.size() - keys_before;
    if (keys_added_since_sweep_ >= new_keys_between_sweeps) forget_expired(now);
    return {Ticket{account, from, now}, std::chrono::seconds(0)};
}

void LoginThrottle::attempt_was_right(const Ticket& ticket) {
    std::lock_guard lock(mutex_);
    remove_one(by_pair_, pair_key(ticket.civil_id, ticket.address), ticket.at);
    remove_one(by_address_, ticket.address, ticket.at);
    remove_one(by_account_, ticket.civil_id, ticket.at);
}

void LoginThrottle::forget_account(std::string_view civil_id) {
    const std::string prefix = std::string(civil_id) + '\n';
    std::lock_guard lock(mutex_);
    by_account_.erase(std::string(civil_id));
    std::erase_if(by_pair_, [&prefix](const auto& entry) { return entry.first.starts_with(prefix); });
}

// [SECTION] Refusals, tallied for the audit

void LoginThrottle::tally_refusal(const std::string& pair, std::string_view civil_id, std::string_view address,
                                  TimePoint now) {
    PendingTally& pending = refusals_[pair];
    if (pending.tally.refused == 0) {
        pending.tally = {std::string(civil_id), std::string(address), 0, now, now};
        if (!pending.last_audited) never_audited_.push_back(pair);
    }
    ++pending.tally.refused;
    pending.tally.last = now;
}

bool LoginThrottle::due(const PendingTally& pending, TimePoint now) {
    return pending.tally.refused > 0 &&
           (!pending.last_audited || now - *pending.last_audited >= refusal_audit_interval);
}

std::vector<LoginThrottle::RefusalTally> LoginThrottle::take_refusals_to_audit(TimePoint now) {
    std::lock_guard lock(mutex_);
    std::vector<RefusalTally> taken;
    const auto take = [&taken, now](PendingTally& pending) {
        taken.push_back(pending.tally);
        pending.tally.refused = 0;
        pending.last_audited = now;
    };
    // A pair's first refusal is due at once; the rest are looked for once per interval, so a crowd of
    // pairs does not make every attempt scan them all.
    for (const std::string& pair : never_audited_)
        if (const auto found = refusals_.find(pair); found != refusals_.end() && due(found->second, now)) take(found->second);
    never_audited_.clear();
    if (!last_full_tally_scan_ || now - *last_full_tally_scan_ >= refusal_audit_interval) {
        last_full_tally_scan_ = now;
        for (auto& [pair, pending] : refusals_)
            if (due(pending, now)) take(pending);
    }
    return taken;
}

void LoginThrottle::forget_expired(TimePoint now) {
    for (Failures* failures : {&by_pair_, &by_address_, &by_account_})
        std::erase_if(*failures, [now](const auto& entry) { return now - entry.second.back() >= failure_window; });
    std::erase_if(refusals_, [now](const auto& entry) {
        const PendingTally& pending = entry.second;
        return pending.tally.refused == 0 && pending.last_audited && now - *pending.last_audited >= refusal_audit_interval;
    });
    keys_added_since_sweep_ = 0;
}

}  // namespace muamala::server
