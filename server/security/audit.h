// The audit trail: every sign-in and state change, append-only and hash-chained.
//
// Each entry's hash covers the previous entry's hash and the entry itself, so changing, removing,
// inserting or reordering any entry breaks every link after it, and verify_audit_chain() names the
// first broken one. Triggers (migration 3) refuse UPDATE and DELETE on audit_log as a second line.
//
// What the chain cannot show on its own: that entries were cut off the end (the chain left is
// whole), or a rewrite by someone who recomputes every hash after the one they changed (the hash is
// not keyed). Both need the newest hash kept somewhere the database's writer cannot reach.
//
// The hash of entry `seq` is lower-case hex SHA-256 over these bytes, each field written as a
// netstring (D. J. Bernstein): its length in bytes as ASCII decimal, ':', the bytes, ','.
//     "muamala-audit-v1"             a domain tag, so the layout can change by changing the tag
//     prev_hash                      hex text, "" for seq 1
//     seq                            ASCII decimal, no leading zeros (1, 2, 3...)
//     at, actor, action, object      UTF-8 text as stored
//     details                        the stored JSON text: compact, keys sorted (see append_audit)
// e.g. 16:muamala-audit-v1,0:,1:1,24:2026-01-10T08:00:00.000Z,12:280010101234,...
// The hash covers the stored bytes, never a re-serialisation, so a check does not depend on which
// JSON library version wrote the entry.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "common/wire.h"

namespace muamala::server {

class Connection;

// Appends one entry after the newest. Must run inside the caller's write Transaction, so the entry
// and the state change it records commit, or roll back, together; the transaction's write lock also
// keeps two writers from chaining onto the same entry. `actor` is a civil ID, a remote address (for
// a sign-in attempt naming no account), or "system". `details` is never a secret: no password,
// code, cookie or token. It is stored compact with its object keys sorted, so the same details
// always give the same bytes.
void append_audit(Connection& connection, std::string_view at_iso, std::string_view actor, std::string_view action,
                  std::string_view object, const Json& details);

struct AuditCheck {
    bool whole = true;
    std::int64_t entries = 0;           // entries read, broken or not
    std::int64_t first_broken_seq = 0;  // 0 when whole: else the first entry whose link is broken
    std::string problem;                // what is wrong with it, in words for an operator; "" when whole
};

// Reads the whole chain, oldest first, in one consistent snapshot, and checks that seq runs 1, 2,
// 3... without a gap, each prev_hash is the previous entry's hash, and each hash matches its entry.
AuditCheck verify_audit_chain(Connection& connection);

// The hash a chain entry should have (the layout above): exposed so tests can pin the layout.
std::string audit_entry_hash(std::string_view prev_hash, std::int64_t seq, std::string_view at, std::string_view actor,
                             std::string_view action, std::string_view object, std::string_view details_json);

}  // namespace muamala::server
