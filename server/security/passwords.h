// Password verifiers: Argon2id through libsodium's crypto_pwhash_str. The stored string carries its
// own salt and cost parameters ("$argon2id$v=19$m=65536,t=2,p=1$..."), so raising the cost later
// leaves existing hashes checkable.
#pragma once
#include <string>
#include <string_view>

namespace muamala::server {

// OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE: 64 MiB and a few tens of milliseconds a hash. Slow on
// purpose, so a stolen database gives up its passwords slowly; fast enough to seed a few hundred
// demo accounts. Throws std::runtime_error when the memory cannot be had.
std::string hash_password(std::string_view password);

// True when `password` is the one `stored_hash` was made from. A malformed hash matches nothing.
// Takes as long as hash_password: callers use that to answer unknown accounts in the same time.
bool password_matches(std::string_view stored_hash, std::string_view password);

// A hash of a password nobody knows, made once: verifying against it costs what verifying a real
// account costs, so a sign-in for an unknown civil ID takes as long as one with a wrong password.
const std::string& decoy_password_hash();

}  // namespace muamala::server
