#include "server/transactions/receipts.h"

#include <qrencode.h>
#include <sodium.h>

#include <memory>
#include <stdexcept>

#include "server/security/crypto.h"

namespace muamala::server {
namespace {

std::string base64(const unsigned char* bytes, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::optional<std::vector<unsigned char>> from_base64(std::string_view text, std::size_t expected_size) {
    std::vector<unsigned char> bytes(expected_size);
    std::size_t size = 0;
    if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &size, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 || size != expected_size)
        return std::nullopt;
    return bytes;
}

std::optional<StoredReceipt> read_receipt(Statement& row) {
    if (!row.step()) return std::nullopt;
    return StoredReceipt{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)};
}

}  // namespace

ReceiptSigner ReceiptSigner::load_or_create(Database& database, std::string_view now_iso) {
    require_sodium();
    auto connection = database.connect();
    Transaction transaction(*connection);
    ReceiptSigner signer;
    Statement existing = connection->prepare("SELECT secret_key, public_key FROM signing_keys WHERE name = 'receipts'");
    if (existing.step()) {
        signer.secret_key_ = existing.column_blob(0);
        signer.public_key_ = existing.column_blob(1);
        if (signer.secret_key_.size() != crypto_sign_SECRETKEYBYTES || signer.public_key_.size() != crypto_sign_PUBLICKEYBYTES)
            throw std::runtime_error("the stored receipt signing key is damaged");
        return signer;
    }
    signer.secret_key_.resize(crypto_sign_SECRETKEYBYTES);
    signer.public_key_.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_keypair(signer.public_key_.data(), signer.secret_key_.data());
    connection
        ->prepare("INSERT INTO signing_keys (name, secret_key, public_key, created_at) VALUES ('receipts', ?1, ?2, ?3)")
        .bind_blob(1, signer.secret_key_)
        .bind_blob(2, signer.public_key_)
        .bind(3, now_iso)
        .step();
    transaction.commit();
    return signer;
}

std::string ReceiptSigner::sign(std::string_view payload) const {
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                         secret_key_.data());
    return base64(signature, sizeof signature);
}

bool ReceiptSigner::verify(std::string_view payload, std::string_view signature_base64) const {
    const auto signature = from_base64(signature_base64, crypto_sign_BYTES);
    return signature && crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(payload.data()),
                                                    payload.size(), public_key_.data()) == 0;
}

std::string ReceiptSigner::public_key_base64() const { return base64(public_key_.data(), public_key_.size()); }

std::string new_receipt_number() { return "R-" + random_readable_code(12); }

std::string store_receipt(Connection& connection, const ReceiptSigner& signer, const ReceiptRecord& receipt,
                          std::string_view now_iso) {
    const std::string payload = dump(to_json(receipt));
    connection
        .prepare("INSERT INTO receipts (number, transaction_id, payload, signature, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, receipt.number)
        .bind(2, receipt.transaction_id)
        .bind(3, payload)
        .bind(4, signer.sign(payload))
        .bind(5, now_iso)
        .step();
    return payload;
}

std::optional<StoredReceipt> find_receipt(Connection& connection, std::string_view number) {
    Statement row =
        connection.prepare("SELECT number, transaction_id, payload, signature FROM receipts WHERE number = ?1");
    row.bind(1, number);
    return read_receipt(row);
}

std::optional<StoredReceipt> find_receipt_for_transaction(Connection& connection, std::string_view transaction_id) {
    Statement row =
        connection.prepare("SELECT number, transaction_id, payload, signature FROM receipts WHERE transaction_id = ?1");
    row.bind(1, transaction_id);
    return read_receipt(row);
}

std::vector<std::string> qr_modules(std::string_view text) {
    const std::string owned(text);  // libqrencode wants a NUL-terminated string
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(owned.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) throw std::runtime_error("the QR code could not be made (text too long?)");
    std::vector<std::string> rows(static_cast<std::size_t>(code->width));
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x) rows[y] += (code->data[y * code->width + x] & 1) ? '1' : '0';
    return rows;
}

}  // namespace muamala::server
