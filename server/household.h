// The sponsor's household as the dashboard shows it (issue 4, item 4): each member with documents
// and days to expiry, and each transaction on offer with the core's current decision on it.
#pragma once
#include <string_view>

#include "common/wire.h"
#include "server/database.h"
#include "server/services.h"

namespace muamala::server {

// Documents expiring within this many days are "expiring" (the reminder window), after it "valid".
inline constexpr int kExpiringWithinDays = 90;

// {"today","rulebook","sponsor","members":[...],"registry":{...}}. `registry` is the core's wire
// form of the household, so the client can run the same evaluate() as the server while the person
// fills in a form. Decisions here are probes: they leave out what the form will ask (years, phone).
Json household_json(Services& services, Connection& connection, std::string_view sponsor_civil_id);

}  // namespace muamala::server
