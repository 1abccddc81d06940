// A demo database says so itself: seed-demo marks it, and the server serves a marked database only
// when started with --demo (and only a marked one then). Made-up people with sign-ins anyone can
// read in the README, and a payment gateway where a citizen approves her own payment, must never be
// served as if they were real; nor may a real registry be served with the test gateway.
#pragma once
#include <string_view>

namespace muamala::server {

class Connection;

void mark_as_demo(Connection& connection, std::string_view at_iso);  // inside the seed's transaction
bool is_marked_demo(Connection& connection);

// Throws std::runtime_error, naming the flag, when `demo_flag` does not match the database's mark.
void require_demo_flag_matches(Connection& connection, bool demo_flag);

}  // namespace muamala::server
