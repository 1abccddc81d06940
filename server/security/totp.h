// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), standing in for Kuwait Mobile ID's
// approval: the code an authenticator app shows for a shared secret and the current half minute.
// Secrets travel to the app in base32 (RFC 4648), the form every authenticator app reads.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace muamala::server {

inline constexpr std::size_t totp_secret_bytes = 20;  // 160 bits, the size of an HMAC-SHA1 block's key (RFC 4226 R6)
inline constexpr long long totp_step_seconds = 30;    // RFC 6238's default time step X
inline constexpr int totp_digits = 6;                 // what authenticator apps show by default
// Steps either side of now that are still accepted: one covers a phone clock half a minute off, and
// a code typed just as it changed.
inline constexpr long long totp_window_steps = 1;

std::vector<unsigned char> new_totp_secret();  // totp_secret_bytes random bytes

// [SECTION] Base32 (RFC 4648 section 6)
std::string base32_encode(std::span<const unsigned char> bytes);  // upper case, no '=' padding
// Reads upper or lower case, ignoring spaces and '=' (apps show secrets in groups of four). nullopt
// for any other character, or a length no byte string encodes to.
std::optional<std::vector<unsigned char>> base32_decode(std::string_view text);

// [SECTION] Codes
long long totp_step(long long unix_seconds);  // the time step T that instant falls in (floor)

// The code for the time step `unix_seconds` falls in: HMAC-SHA1 of the step, dynamically truncated
// (RFC 4226 section 5.3), as totp_digits decimal digits with leading zeros.
std::string totp_code(std::span<const unsigned char> secret, long long unix_seconds);

// The check at sign-in: the time step whose code `code` is, when that step is within
// totp_window_steps of now and later than `last_accepted_step`, else nullopt. The caller stores the
// step it gets as the account's new last accepted step, so each code works once: a code seen over
// a shoulder, or replayed from a log, is refused even inside its window.
std::optional<long long> accepted_totp_step(std::span<const unsigned char> secret, std::string_view code,
                                            long long unix_seconds, long long last_accepted_step);

}  // namespace muamala::server
