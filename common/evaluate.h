// The decision on one transaction request: eligibility with every failed rule as a reason, the fee
// in fils, the new expiry and the record it will create. Pure: the same inputs give the same decision
// on every build; it never throws.
#pragma once
#include "common/decision.h"
#include "common/registry.h"
#include "common/rulebook.h"

namespace muamala {

Decision evaluate(const Rulebook& rulebook, const Registry& registry, const TransactionRequest& request);

// The figures that apply to this sponsor's family: the family provisions (the longest child
// residency, the fee exemption) are for a mother Kuwaiti by birth, so a naturalised mother's children
// get the version's naturalised figures where it sets them. The wizard asks its questions with these.
TransactionRules rules_for_sponsor(const TransactionRules& rules, TransactionKind kind, const Person& sponsor);

}  // namespace muamala
