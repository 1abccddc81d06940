// The family transactions Muamala offers. Each is decided by evaluate() with figures from the
// rulebook version in force on the request's date.
#pragma once
#include <array>
#include <optional>
#include <string_view>

#include "common/problem.h"

namespace muamala {

enum class TransactionKind {
    renew_husband_residency,      // the Kuwaiti wife renews her non-Kuwaiti husband's residency
    renew_child_residency,        // the Kuwaiti mother renews her non-Kuwaiti child's residency
    renew_child_licence,          // the mother renews her child's driving licence
    issue_newborn_residency,      // first residency for a newborn (4-month window, then a daily fine)
    transfer_residency_passport,  // move a residency onto a new passport
};
inline constexpr std::array kAllTransactionKinds = {
    TransactionKind::renew_husband_residency, TransactionKind::renew_child_residency,
    TransactionKind::renew_child_licence,     TransactionKind::issue_newborn_residency,
    TransactionKind::transfer_residency_passport,
};
inline constexpr size_t kTransactionKindCount = kAllTransactionKinds.size();

std::string_view name_of(TransactionKind kind);                       // wire name, e.g. "renew_child_licence"
std::optional<TransactionKind> parse_transaction_kind(std::string_view name);
Text title_of(TransactionKind kind);                                  // shown to people

}  // namespace muamala
