// Slows down password and code guessing. Every attempt is counted as a failure *before* it is
// judged, in one step under one lock (admit), so a burst of parallel guesses cannot all pass the
// check before any of them is recorded; an attempt that turns out right takes its count back.
//
// Three counts, each over the last failure_window:
//   - an account from one address (the hard limit): after failures_allowed_per_account_and_address
//     that address waits out the window for that account. A stranger who knows a civil ID (they are
//     not secret) locks only himself out, never the owner at her own address;
//   - an address across accounts: one address trying many civil IDs waits out the window too;
//   - an account from anywhere (the slower back-off): beyond failures_free_per_account, each further
//     failure doubles the wait before the next attempt on that account, up to
//     longest_account_back_off, so guessing from many addresses stays slow while the owner waits
//     at most that long.
// Refused attempts cost no disk write each: they are tallied here and handed out for the audit in
// aggregate, at most once per account and address every refusal_audit_interval.
//
// Kept in memory: a restart forgets every count, which gives an attacker a fresh allowance per
// restart. Acceptable for one process; several processes behind a balancer would each count apart,
// and then this belongs in the database.
#pragma once
#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace muamala::server {

inline constexpr std::size_t failures_allowed_per_account_and_address = 5;  // wrong passwords or codes, together
inline constexpr std::size_t failures_allowed_per_address = 20;  // several people can share one address (NAT)
inline constexpr std::size_t failures_free_per_account = 5;      // from anywhere, before the back-off starts
inline constexpr std::chrono::seconds longest_account_back_off{60};
inline constexpr std::chrono::seconds failure_window{15 * 60};        // a failure counts for this long
inline constexpr std::chrono::seconds refusal_audit_interval{60};     // refusals of one pair, written together

class LoginThrottle {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    // An attempt let through, already counted as a failure; settle it with attempt_was_right when it was.
    struct Ticket {
        std::string civil_id;
        std::string address;
        TimePoint at;
    };
    struct Admission {
        std::optional<Ticket> ticket;  // set when the attempt may be judged now
        std::chrono::seconds wait{0};  // otherwise how long to wait, rounded up to whole seconds (> 0)
    };

    // Lets a sign-in attempt for `civil_id` from `address` be judged, counting it as a failure at
    // once, or refuses it with the wait (and tallies the refusal). The civil ID is counted whether
    // or not it has an account, so a refusal says nothing about which civil IDs are real. Refused
    // attempts are not failures: waiting always works.
    Admission admit(std::string_view civil_id, std::string_view address, TimePoint now);
    void attempt_was_right(const Ticket& ticket);   // takes back the failure admit counted
    void forget_account(std::string_view civil_id);  // after a whole sign-in: the person is who they said

    // Refused attempts of one civil ID from one address, since the last tally of the same pair.
    struct RefusalTally {
        std::string civil_id;
        std::string address;
        std::size_t refused = 0;
        TimePoint first;
        TimePoint last;
    };
    // The tallies due for the audit: a pair's first refusal at once, later ones once
    // refusal_audit_interval has passed since its last tally. Each is handed out once.
    std::vector<RefusalTally> take_refusals_to_audit(TimePoint now);

private:
    // The latest failures of one key, oldest first; never more than its limit, as only the oldest of
    // the last `limit` decides when trying may resume.
    using Failures = std::unordered_map<std::string, std::deque<TimePoint>>;
    struct PendingTally {
        RefusalTally tally;
        std::optional<TimePoint> last_audited;
    };

    static std::chrono::seconds hard_wait(const Failures& failures, const std::string& key, std::size_t limit,
                                          TimePoint now);
    std::chrono::seconds back_off_wait(const std::string& civil_id, TimePoint now) const;
    static void add(Failures& failures, const std::string& key, std::size_t limit, TimePoint now);
    static void remove_one(Failures& failures, const std::string& key, TimePoint at);
    void tally_refusal(const std::string& pair, std::string_view civil_id, std::string_view address, TimePoint now);
    static bool due(const PendingTally& pending, TimePoint now);
    void forget_expired(TimePoint now);

    std::mutex mutex_;  // guards everything below: sign-ins arrive on many threads
    Failures by_pair_;     // civil ID + '\n' + address
    Failures by_address_;
    Failures by_account_;  // up to the attempts that reach longest_account_back_off
    std::unordered_map<std::string, PendingTally> refusals_;  // by pair
    std::vector<std::string> never_audited_;                  // pairs refused since the last take, first time
    std::optional<TimePoint> last_full_tally_scan_;
    std::size_t keys_added_since_sweep_ = 0;
};

}  // namespace muamala::server
