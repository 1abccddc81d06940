// The certificate chain and private key the server presents over TLS, read from two PEM files and
// read again on demand (SIGHUP), so a renewed certificate takes effect without a restart. Each TLS
// handshake takes the pair current at its start; a pair that fails to load leaves the old in place.
#pragma once
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace muamala::server {

struct TlsFiles {
    std::filesystem::path certificate;  // PEM: the certificate, then any intermediates (a full chain)
    std::filesystem::path private_key;  // PEM, unencrypted
};

class TlsCertificates {
public:
    // Loads the pair; throws std::runtime_error saying what is wrong (unreadable, not PEM, a key
    // that does not belong to the certificate).
    explicit TlsCertificates(TlsFiles files);
    ~TlsCertificates();

    // Reads the files again. Returns what was wrong when the new pair cannot be used (the old one
    // stays in use), nullopt when it took effect.
    std::optional<std::string> reload();

    // Makes every handshake on `ssl_context` (an OpenSSL SSL_CTX*) present the current pair.
    void install(void* ssl_context);

private:
    struct Pair;
    // Throws with what is wrong; the caller decides whether that stops the server or only the reload.
    static std::shared_ptr<const Pair> load(const TlsFiles& files);
    static int choose_for_handshake(void* ssl, void* self);
    std::shared_ptr<const Pair> current() const;

    const TlsFiles files_;
    mutable std::mutex mutex_;  // guards current_: handshakes read it on many threads
    std::shared_ptr<const Pair> current_;
};

}  // namespace muamala::server
