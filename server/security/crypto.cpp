#include "server/security/crypto.h"

#include <sodium.h>

#include <stdexcept>

namespace muamala::server {

void require_sodium() {
    static const bool ready = sodium_init() >= 0;  // 1 when already done: also fine
    if (!ready) throw std::runtime_error("libsodium could not be initialised (no source of randomness?)");
}

std::vector<unsigned char> random_bytes(std::size_t count) {
    require_sodium();
    std::vector<unsigned char> bytes(count);
    // An empty vector's data() may be null, which randombytes_buf() declares it never takes (UBSan).
    if (!bytes.empty()) randombytes_buf(bytes.data(), bytes.size());
    return bytes;
}

std::string random_readable_code(std::size_t length) {
    require_sodium();
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // 32 symbols
    std::string code(length, ' ');
    for (char& c : code) c = alphabet[randombytes_uniform(sizeof alphabet - 1)];
    return code;
}

Sha256 sha256(std::span<const unsigned char> bytes) {
    require_sodium();
    static_assert(std::tuple_size_v<Sha256> == crypto_hash_sha256_BYTES);
    Sha256 digest;
    crypto_hash_sha256(digest.data(), bytes.data(), bytes.size());
    return digest;
}

Sha256 sha256(std::string_view text) {
    return sha256(std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()));
}

std::string to_hex(std::span<const unsigned char> bytes) {
    require_sodium();
    std::string hex(bytes.size() * 2 + 1, '\0');  // sodium_bin2hex writes a terminating NUL
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

std::string base64url_encode(std::span<const unsigned char> bytes) {
    require_sodium();
    constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string text(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), variant);
    text.resize(text.find('\0'));
    return text;
}

std::optional<std::vector<unsigned char>> base64url_decode(std::string_view text) {
    require_sodium();
    std::vector<unsigned char> bytes(text.size() * 3 / 4 + 1);
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length, &end,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    bytes.resize(length);
    return bytes;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    require_sodium();
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace muamala::server
