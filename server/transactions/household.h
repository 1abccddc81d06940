// The sponsor's household as the dashboard shows it: each member with documents
// and days to expiry, and each transaction on offer with the core's current decision on it.
#pragma once
#include <string_view>

#include "common/decision.h"
#include "common/registry.h"
#include "common/rulebook.h"
#include "common/wire.h"
#include "server/services.h"
#include "server/storage/database.h"

namespace muamala::server {

// Documents expiring within this many days are "expiring" (the reminder window), after it "valid".
inline constexpr int kExpiringWithinDays = 90;

// The core's decision on `kind` for `member` of the sponsor's household, as a probe: what the form
// will ask (years, phone) is left out, so `eligible` means it can be done online now.
Decision probe_decision(const Rulebook& rulebook, const Registry& household, std::string_view sponsor,
                        std::string_view member, TransactionKind kind, std::string_view phone, const Date& today);

// {"today","rulebook","sponsor","members":[...],"registry":{...}}. `registry` is the core's wire
// form of the household, so the client can run the same evaluate() as the server while the person
// fills in a form. Decisions here are probes: they leave out what the form will ask (years, phone).
Json household_json(Services& services, Connection& connection, std::string_view sponsor_civil_id);

}  // namespace muamala::server
