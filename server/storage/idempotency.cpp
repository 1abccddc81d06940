#include "server/storage/idempotency.h"

#include "server/security/crypto.h"

namespace muamala::server {
namespace {

bool is_valid_key(std::string_view key) {
    if (key.empty() || key.size() > 100) return false;
    for (char c : key) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == ':';
        if (!ok) return false;
    }
    return true;
}

// SHA-256 over method, path and body, each preceded by its length so no two requests collide by
// shifting bytes between the parts.
std::string request_fingerprint(const ApiRequest& request) {
    std::string framed;
    for (const std::string* part : {&request.method, &request.path, &request.body})
        framed.append(std::to_string(part->size())).append(1, ':').append(*part);
    return to_hex(sha256(framed));
}

}  // namespace

ApiReply run_idempotently(Database& database, std::int64_t account_id, const ApiRequest& request,
                          std::string_view now_iso, const IdempotentWork& work) {
    const std::string key = request.header("Idempotency-Key");
    if (!is_valid_key(key))
        return refusal({400, "idempotency.key_required",
                       {"Send an Idempotency-Key header (1 to 100 letters, digits, - _ . or :) with this request",
                        "أرسل الترويسة Idempotency-Key (من 1 إلى 100 حرف أو رقم أو - _ . :) مع هذا الطلب"}});
    const std::string fingerprint = request_fingerprint(request);

    auto connection = database.connect();
    Transaction transaction(*connection);
    Statement earlier = connection->prepare(
        "SELECT request_hash, status, response FROM idempotency_keys WHERE account_id = ?1 AND key = ?2");
    earlier.bind(1, account_id).bind(2, key);
    if (earlier.step()) {
        if (earlier.column_text(0) != fingerprint)
            return refusal({409, "idempotency.key_reused",
                           {"This Idempotency-Key was already used for a different request. Use a new key",
                            "استُخدم مفتاح Idempotency-Key هذا لطلب مختلف. استخدم مفتاحًا جديدًا"}});
        ApiReply replay{static_cast<int>(earlier.column_int64(1)), Json::parse(earlier.column_text(2), nullptr, false)};
        replay.headers.push_back({"Idempotent-Replayed", "true"});
        return replay;
    }

    ApiReply reply = work(*connection);
    if (reply.status >= 500) return reply;  // the transaction rolls back: a retry does the work again
    connection
        ->prepare("INSERT INTO idempotency_keys (account_id, key, request_hash, status, response, created_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, account_id)
        .bind(2, key)
        .bind(3, fingerprint)
        .bind(4, reply.status)
        .bind(5, dump(reply.body))
        .bind(6, now_iso)
        .step();
    transaction.commit();
    return reply;
}

}  // namespace muamala::server
