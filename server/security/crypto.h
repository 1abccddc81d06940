// The few cryptographic primitives the server builds on, over libsodium: random bytes, SHA-256,
// constant-time comparison, and the text forms (hex, base64url) secrets travel in. Every function
// here initialises libsodium on first use; code that calls libsodium itself calls require_sodium().
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace muamala::server {

using Sha256 = std::array<unsigned char, 32>;

// Initialises libsodium once (thread-safe, cheap after the first call). Throws std::runtime_error
// when it cannot, which means the system gives no source of randomness: then no secret this server
// made could be trusted.
void require_sodium();

std::vector<unsigned char> random_bytes(std::size_t count);  // from the operating system's CSPRNG

// Random letters and digits people can read aloud and type back: no 0/O, no 1/I. Each character
// carries 5 bits, so 12 characters make an id nobody can guess or count through.
std::string random_readable_code(std::size_t length);
Sha256 sha256(std::span<const unsigned char> bytes);
Sha256 sha256(std::string_view text);
std::string to_hex(std::span<const unsigned char> bytes);  // lower case, two digits a byte

// Base64url without padding (RFC 4648 section 5): safe in cookies and URLs as it is.
std::string base64url_encode(std::span<const unsigned char> bytes);
std::optional<std::vector<unsigned char>> base64url_decode(std::string_view text);  // nullopt: not base64url

// True when both hold the same bytes, in a time that depends only on their lengths: comparing a
// secret a byte at a time and stopping at the first difference tells an attacker how much was right.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace muamala::server
