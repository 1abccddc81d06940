// Receipts: what was done, signed with Ed25519 so anyone can check a printed receipt against the
// server's public key. The verify address is public and shows exactly what the receipt shows.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/wire_records.h"
#include "server/storage/database.h"

namespace muamala::server {

// The server's receipt key, created on first use and kept in the database (signing_keys).
class ReceiptSigner {
public:
    static ReceiptSigner load_or_create(Database& database, std::string_view now_iso);
    std::string sign(std::string_view payload) const;  // base64
    bool verify(std::string_view payload, std::string_view signature_base64) const;
    std::string public_key_base64() const;

private:
    std::vector<unsigned char> secret_key_;
    std::vector<unsigned char> public_key_;
};

std::string new_receipt_number();  // "R-" and 12 random base32 characters: unguessable, not a count

// Signs and stores the receipt (its to_json, common/wire_records.h, is the payload signed); inside the
// caller's transaction. Returns the stored payload.
std::string store_receipt(Connection& connection, const ReceiptSigner& signer, const ReceiptRecord& receipt,
                          std::string_view now_iso);

struct StoredReceipt {
    std::string number;
    std::string transaction_id;
    std::string payload;
    std::string signature;
};
std::optional<StoredReceipt> find_receipt(Connection& connection, std::string_view number);
std::optional<StoredReceipt> find_receipt_for_transaction(Connection& connection, std::string_view transaction_id);

// [SECTION] QR code of the verify address (libqrencode)
// Rows of '1' (dark) and '0' (light) modules, without the quiet zone, for the client to draw.
std::vector<std::string> qr_modules(std::string_view text);

}  // namespace muamala::server
