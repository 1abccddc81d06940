#include "server/centers/counter_policy.h"

namespace muamala::server {

std::string_view name_of(CounterPolicy policy) { return policy == CounterPolicy::any ? "any" : "area"; }

std::optional<CounterPolicy> parse_counter_policy(std::string_view name) {
    if (name == "area") return CounterPolicy::area;
    if (name == "any") return CounterPolicy::any;
    return std::nullopt;
}

}  // namespace muamala::server
