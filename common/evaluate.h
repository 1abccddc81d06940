// The decision on one transaction request: eligibility with every failed rule as a reason, the fee
// in fils, the new expiry and the record it will create. Pure: the same inputs give the same decision
// on every build; it never throws.
#pragma once
#include "common/decision.h"
#include "common/registry.h"
#include "common/rulebook.h"

namespace muamala {

Decision evaluate(const Rulebook& rulebook, const Registry& registry, const TransactionRequest& request);

}  // namespace muamala
