#include "server/security/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <climits>
#include <stdexcept>

#include "server/security/crypto.h"

namespace muamala::server {
namespace {

constexpr std::string_view base32_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int bits_per_base32_digit = 5;

int base32_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

constexpr long long ten_to_the(int exponent) { return exponent == 0 ? 1 : 10 * ten_to_the(exponent - 1); }
constexpr long long code_modulus = ten_to_the(totp_digits);

}  // namespace

std::vector<unsigned char> new_totp_secret() { return random_bytes(totp_secret_bytes); }

// [SECTION] Base32

std::string base32_encode(std::span<const unsigned char> bytes) {
    std::string text;
    text.reserve((bytes.size() * 8 + bits_per_base32_digit - 1) / bits_per_base32_digit);
    unsigned buffer = 0;  // bits not yet written, in its low `pending` bits
    int pending = 0;
    for (const unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        pending += 8;
        while (pending >= bits_per_base32_digit) {
            pending -= bits_per_base32_digit;
            text += base32_alphabet[(buffer >> pending) & 0x1f];
        }
    }
    // The last digit carries the leftover bits at its top, zeros below (RFC 4648 section 6).
    if (pending > 0) text += base32_alphabet[(buffer << (bits_per_base32_digit - pending)) & 0x1f];
    return text;
}

std::optional<std::vector<unsigned char>> base32_decode(std::string_view text) {
    std::vector<unsigned char> bytes;
    unsigned buffer = 0;
    int pending = 0;
    std::size_t digits = 0;
    for (const char c : text) {
        if (c == ' ' || c == '=') continue;
        const int value = base32_value(c);
        if (value < 0) return std::nullopt;
        ++digits;
        buffer = (buffer << bits_per_base32_digit) | static_cast<unsigned>(value);
        pending += bits_per_base32_digit;
        if (pending >= 8) {
            pending -= 8;
            bytes.push_back(static_cast<unsigned char>(buffer >> pending));
            buffer &= (1u << pending) - 1;
        }
    }
    // Bytes come in groups of 5 per 8 digits; a group's tail can only be 2, 4, 5 or 7 digits long.
    const std::size_t tail = digits % 8;
    if (tail == 1 || tail == 3 || tail == 6) return std::nullopt;
    return bytes;
}

// [SECTION] Codes

long long totp_step(long long unix_seconds) {
    const long long step = unix_seconds / totp_step_seconds;
    return unix_seconds < 0 && unix_seconds % totp_step_seconds != 0 ? step - 1 : step;
}

std::string totp_code(std::span<const unsigned char> secret, long long unix_seconds) {
    // HOTP's counter is the step as 8 bytes, most significant first (RFC 4226 section 5.2).
    const auto counter = static_cast<unsigned long long>(totp_step(unix_seconds));
    std::array<unsigned char, 8> message;
    for (std::size_t i = 0; i < message.size(); ++i) message[i] = static_cast<unsigned char>(counter >> (56 - 8 * i));

    if (secret.size() > INT_MAX) throw std::invalid_argument("TOTP secret too long");
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac;
    unsigned int mac_length = 0;
    if (HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message.data(), message.size(), mac.data(),
             &mac_length) == nullptr ||
        mac_length != 20)
        throw std::runtime_error("OpenSSL could not compute HMAC-SHA1");

    // Dynamic truncation: the low 4 bits of the last byte pick 4 bytes; their top bit is dropped so
    // the number reads the same as signed or unsigned (RFC 4226 section 5.4).
    const unsigned offset = mac[mac_length - 1] & 0x0f;
    const long long binary = (static_cast<long long>(mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) |
                             (mac[offset + 2] << 8) | mac[offset + 3];
    std::string code = std::to_string(binary % code_modulus);
    code.insert(0, static_cast<std::size_t>(totp_digits) - code.size(), '0');
    return code;
}

std::optional<long long> accepted_totp_step(std::span<const unsigned char> secret, std::string_view code,
                                            long long unix_seconds, long long last_accepted_step) {
    const long long now = totp_step(unix_seconds);
    std::optional<long long> accepted;
    // Every step in the window is computed and compared, matching or not, so the time taken says
    // nothing about which step (if any) matched.
    for (long long step = now - totp_window_steps; step <= now + totp_window_steps; ++step) {
        const bool matches = constant_time_equal(totp_code(secret, step * totp_step_seconds), code);
        if (matches && step > last_accepted_step && !accepted) accepted = step;
    }
    return accepted;
}

}  // namespace muamala::server
