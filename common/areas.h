// Kuwait's residential areas and the governorate each belongs to: the home address of the registry
// model. English names as django-localflavor's kw_areas.py spells them; Arabic names as PACI writes
// them (checked against Wikipedia's "Areas of Kuwait"). Ids are stable keys stored in the database.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "common/problem.h"

namespace muamala {

enum class Governorate { capital, hawalli, farwaniya, mubarak_al_kabeer, ahmadi, jahra };

struct GovernorateInfo {
    std::string_view id;  // "capital", "hawalli", ...
    Text name;
};

struct Area {
    std::string_view id;  // "salwa", "jleeb_al_shuyoukh", ...
    Text name;
    Governorate governorate;
};

std::span<const Area> all_areas();
const Area* find_area(std::string_view id);  // nullptr for an unknown id
GovernorateInfo governorate_info(Governorate governorate);
std::optional<Governorate> parse_governorate(std::string_view id);
inline constexpr Governorate kAllGovernorates[] = {Governorate::capital, Governorate::hawalli, Governorate::farwaniya,
                                                   Governorate::mubarak_al_kabeer, Governorate::ahmadi, Governorate::jahra};

}  // namespace muamala
