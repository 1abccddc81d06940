// Which sponsors a center serves, at its counter and in its appointment book (issue 6, item 4). A
// deployment chooses with --counter-policy; the default follows the source article's model of a
// center for each area.
#pragma once
#include <optional>
#include <string_view>

namespace muamala::server {

enum class CounterPolicy {
    area,  // a morning center serves the sponsors of its areas, an evening center its whole governorate
    any,   // every center serves every sponsor
};

std::string_view name_of(CounterPolicy policy);                        // "area" or "any"
std::optional<CounterPolicy> parse_counter_policy(std::string_view name);  // nullopt for anything else

}  // namespace muamala::server
