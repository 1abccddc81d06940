#include "server/security/audit.h"

#include <nlohmann/json.hpp>

#include "server/security/crypto.h"
#include "server/storage/database.h"

namespace muamala::server {
namespace {

constexpr std::string_view layout_tag = "muamala-audit-v1";

void append_netstring(std::string& out, std::string_view field) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ',';
}

// Compact, keys sorted at every level: nlohmann::json keeps objects in std::map order.
std::string canonical_json(const Json& details) {
    const nlohmann::json sorted = nlohmann::json::parse(dump(details));
    return sorted.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string audit_entry_hash(std::string_view prev_hash, std::int64_t seq, std::string_view at, std::string_view actor,
                             std::string_view action, std::string_view object, std::string_view details_json) {
    std::string bytes;
    for (const std::string_view field : {layout_tag, prev_hash}) append_netstring(bytes, field);
    append_netstring(bytes, std::to_string(seq));
    for (const std::string_view field : {at, actor, action, object, details_json}) append_netstring(bytes, field);
    return to_hex(sha256(bytes));
}

void append_audit(Connection& connection, std::string_view at_iso, std::string_view actor, std::string_view action,
                  std::string_view object, const Json& details) {
    std::int64_t seq = 1;
    std::string prev_hash;
    Statement newest = connection.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (newest.step()) {
        seq = newest.column_int64(0) + 1;
        prev_hash = newest.column_text(1);
    }
    const std::string details_json = canonical_json(details);
    connection
        .prepare("INSERT INTO audit_log (seq, at, actor, action, object, details, prev_hash, hash) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, seq)
        .bind(2, at_iso)
        .bind(3, actor)
        .bind(4, action)
        .bind(5, object)
        .bind(6, details_json)
        .bind(7, prev_hash)
        .bind(8, audit_entry_hash(prev_hash, seq, at_iso, actor, action, object, details_json))
        .step();
}

AuditCheck verify_audit_chain(Connection& connection) {
    AuditCheck check;
    // One statement reads one snapshot (WAL): entries appended meanwhile are simply not seen.
    Statement entries = connection.prepare(
        "SELECT seq, at, actor, action, object, details, prev_hash, hash FROM audit_log ORDER BY seq");
    std::string previous_hash;
    while (entries.step()) {
        ++check.entries;
        if (!check.whole) continue;  // count the rest; report only the first break
        const std::int64_t seq = entries.column_int64(0), expected_seq = check.entries;
        const std::string prev_hash = entries.column_text(6), hash = entries.column_text(7);
        auto broken = [&](std::string problem) {
            check.whole = false;
            check.first_broken_seq = seq;
            check.problem = std::move(problem);
        };
        if (seq != expected_seq) {
            broken(seq > expected_seq ? "entry " + std::to_string(expected_seq) + " is missing (deleted?)"
                                      : "its sequence number should be " + std::to_string(expected_seq));
        } else if (prev_hash != previous_hash) {
            broken(seq == 1 ? "its prev_hash should be empty: it is the first entry"
                            : "its prev_hash is not the hash of entry " + std::to_string(seq - 1) +
                                  " (an entry was inserted, removed or reordered before it)");
        } else if (hash != audit_entry_hash(prev_hash, seq, entries.column_text(1), entries.column_text(2),
                                            entries.column_text(3), entries.column_text(4), entries.column_text(5))) {
            broken("its hash does not match its contents (the entry was edited)");
        }
        previous_hash = hash;
    }
    return check;
}

}  // namespace muamala::server
