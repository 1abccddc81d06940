// Idempotency-Key handling for every state-changing call (docs/design.md, "API shape"): a retry with the
// same key and the same request returns the first answer and changes nothing; the same key with
// another request is a 409. The check, the work and the stored answer share one write transaction,
// so two racing retries cannot both do the work.
#pragma once
#include <cstdint>
#include <functional>

#include "server/http/api_route.h"
#include "server/storage/database.h"

namespace muamala::server {

// The work to do once: runs inside the open write transaction on `connection`. Its writes commit
// with the stored answer, or roll back together if it throws.
using IdempotentWork = std::function<ApiReply(Connection& connection)>;

// Reads the Idempotency-Key header (1-100 characters of A-Z a-z 0-9 - _ . :; 400 otherwise) and runs
// `work` at most once per account and key. Answers with status 500 or more are not stored, so a
// retry after a server failure does the work again.
ApiReply run_idempotently(Database& database, std::int64_t account_id, const ApiRequest& request,
                          std::string_view now_iso, const IdempotentWork& work);

}  // namespace muamala::server
