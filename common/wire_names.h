// An enum's wire names as one table: the name of a value, and the value of a name. Each enum with
// wire names (roles.h, statuses.h) keeps its table in its own .cpp and answers through these.
#pragma once
#include <optional>
#include <string_view>
#include <utility>

namespace muamala {

template <typename Enum, std::size_t N>
using WireNames = std::pair<Enum, std::string_view>[N];

template <typename Enum, std::size_t N>
constexpr std::string_view wire_name(const WireNames<Enum, N>& names, Enum value) {
    for (const auto& [option, name] : names)
        if (option == value) return name;
    return {};
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> from_wire_name(const WireNames<Enum, N>& names, std::string_view name) {
    for (const auto& [option, option_name] : names)
        if (option_name == name) return option;
    return std::nullopt;
}

}  // namespace muamala
