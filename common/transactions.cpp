#include "common/transactions.h"

namespace muamala {
namespace {

struct KindInfo {
    TransactionKind kind;
    std::string_view name;
    Text title;
};

const KindInfo kKinds[] = {
    {TransactionKind::renew_husband_residency, "renew_husband_residency",
     {"Renew husband's residency", "تجديد إقامة الزوج"}},
    {TransactionKind::renew_child_residency, "renew_child_residency",
     {"Renew child's residency", "تجديد إقامة الابن أو الابنة"}},
    {TransactionKind::renew_child_licence, "renew_child_licence",
     {"Renew child's driving licence", "تجديد رخصة قيادة الابن أو الابنة"}},
    {TransactionKind::issue_newborn_residency, "issue_newborn_residency",
     {"Issue a newborn's first residency", "إصدار أول إقامة لمولود"}},
    {TransactionKind::transfer_residency_passport, "transfer_residency_passport",
     {"Move a residency to a new passport", "نقل الإقامة إلى جواز سفر جديد"}},
};

const KindInfo& info(TransactionKind kind) { return kKinds[static_cast<size_t>(kind)]; }

}  // namespace

std::string_view name_of(TransactionKind kind) { return info(kind).name; }

std::optional<TransactionKind> parse_transaction_kind(std::string_view name) {
    for (const KindInfo& entry : kKinds)
        if (entry.name == name) return entry.kind;
    return std::nullopt;
}

Text title_of(TransactionKind kind) { return info(kind).title; }

}  // namespace muamala
