#include "server/security/passwords.h"

#include <sodium.h>

#include <semaphore>
#include <stdexcept>

#include "server/security/crypto.h"

namespace muamala::server {
namespace {

// Each Argon2 run holds 64 MiB. The HTTP pool has 32 workers, so a burst of sign-ins could ask for
// 2 GiB at once: at most this many run together, the rest wait their turn.
constexpr std::ptrdiff_t max_concurrent_password_hashes = 4;
std::counting_semaphore<max_concurrent_password_hashes> hashing_slots(max_concurrent_password_hashes);

class HashingSlot {
public:
    HashingSlot() { hashing_slots.acquire(); }
    ~HashingSlot() { hashing_slots.release(); }
    HashingSlot(const HashingSlot&) = delete;
    HashingSlot& operator=(const HashingSlot&) = delete;
};

constexpr unsigned long long opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

}  // namespace

std::string hash_password(std::string_view password) {
    require_sodium();  // also picks the fastest Argon2 code for this processor
    char stored[crypto_pwhash_STRBYTES];
    const HashingSlot slot;
    if (crypto_pwhash_str_alg(stored, password.data(), password.size(), opslimit, memlimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("Argon2id could not hash a password (out of memory?)");
    return stored;
}

bool password_matches(std::string_view stored_hash, std::string_view password) {
    // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES - 1 characters.
    if (stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
    char stored[crypto_pwhash_STRBYTES] = {};
    stored_hash.copy(stored, stored_hash.size());
    require_sodium();
    const HashingSlot slot;
    return crypto_pwhash_str_verify(stored, password.data(), password.size()) == 0;
}

const std::string& decoy_password_hash() {
    static const std::string decoy = [] {
        const std::vector<unsigned char> unknowable = random_bytes(32);
        return hash_password(to_hex(unknowable));
    }();
    return decoy;
}

}  // namespace muamala::server
