// The rules a whole directory of centers must keep together, so that every sponsor has a center.
#pragma once
#include <span>
#include <vector>

#include "common/centers.h"

namespace muamala {

// Every way `centers` breaks the rules across fields and centers: a duplicate id, a slot longer than
// the opening hours, an unknown area or one in another governorate, an evening center that lists
// areas, a morning center serving none, an area served by no morning center or by two, a
// governorate without an evening center. (A single field's own form, such as "07:30", is checked
// where it is read: wire_centers.h.) Each message names the center or area; Problem::field is the
// center field at fault ("areas", "slots.minutes", ...). Empty: all good.
std::vector<Problem> check_directory(std::span<const Center> centers);

}  // namespace muamala
