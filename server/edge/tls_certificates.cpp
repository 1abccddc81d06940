#include "server/edge/tls_certificates.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <stdexcept>

namespace muamala::server {

struct TlsCertificates::Pair {
    X509* leaf = nullptr;
    STACK_OF(X509)* chain = nullptr;  // the intermediates after the leaf in the certificate file
    EVP_PKEY* key = nullptr;
    ~Pair() {
        X509_free(leaf);
        sk_X509_pop_free(chain, X509_free);
        EVP_PKEY_free(key);
    }
};

namespace {

std::string openssl_reason() {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) return "no detail";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return text;
}

struct FileCloser {
    void operator()(FILE* file) const { std::fclose(file); }
};

std::unique_ptr<FILE, FileCloser> open_for_reading(const std::filesystem::path& file, const char* what) {
    FILE* opened = std::fopen(file.c_str(), "r");
    if (opened == nullptr) throw std::runtime_error(std::string("cannot read the TLS ") + what + " " + file.string());
    return std::unique_ptr<FILE, FileCloser>(opened);
}

}  // namespace

TlsCertificates::TlsCertificates(TlsFiles files) : files_(std::move(files)), current_(load(files_)) {}

TlsCertificates::~TlsCertificates() = default;

std::optional<std::string> TlsCertificates::reload() {
    try {
        std::shared_ptr<const Pair> fresh = load(files_);
        std::lock_guard lock(mutex_);
        current_ = std::move(fresh);  // handshakes under way keep the pair they took
        return std::nullopt;
    } catch (const std::exception& failure) {
        return failure.what();
    }
}

std::shared_ptr<const TlsCertificates::Pair> TlsCertificates::current() const {
    std::lock_guard lock(mutex_);
    return current_;
}

void TlsCertificates::install(void* ssl_context) {
    SSL_CTX_set_cert_cb(
        static_cast<SSL_CTX*>(ssl_context),
        [](SSL* ssl, void* self) { return choose_for_handshake(ssl, self); }, this);
    // TLS 1.2 and 1.3 only: everything older has known breaks, and every current browser has both.
    SSL_CTX_set_min_proto_version(static_cast<SSL_CTX*>(ssl_context), TLS1_2_VERSION);
}

int TlsCertificates::choose_for_handshake(void* ssl, void* self) {
    const std::shared_ptr<const Pair> pair = static_cast<TlsCertificates*>(self)->current();
    // override = 1: replaces whatever the connection had; the SSL takes its own references.
    return SSL_use_cert_and_key(static_cast<SSL*>(ssl), pair->leaf, pair->key, pair->chain, 1) == 1 ? 1 : 0;
}

std::shared_ptr<const TlsCertificates::Pair> TlsCertificates::load(const TlsFiles& files) {
    auto pair = std::make_shared<Pair>();
    {
        const auto file = open_for_reading(files.certificate, "certificate");
        pair->leaf = PEM_read_X509(file.get(), nullptr, nullptr, nullptr);
        if (pair->leaf == nullptr)
            throw std::runtime_error("no PEM certificate in " + files.certificate.string() + " (" + openssl_reason() + ")");
        pair->chain = sk_X509_new_null();
        while (X509* intermediate = PEM_read_X509(file.get(), nullptr, nullptr, nullptr))
            sk_X509_push(pair->chain, intermediate);
        ERR_clear_error();  // the end of the file reads as an error
    }
    {
        const auto file = open_for_reading(files.private_key, "private key");
        pair->key = PEM_read_PrivateKey(file.get(), nullptr, nullptr, nullptr);
        if (pair->key == nullptr)
            throw std::runtime_error("no unencrypted PEM private key in " + files.private_key.string() + " (" +
                                     openssl_reason() + ")");
    }
    if (X509_check_private_key(pair->leaf, pair->key) != 1)
        throw std::runtime_error("the private key in " + files.private_key.string() +
                                 " does not belong to the certificate in " + files.certificate.string());
    return pair;
}

}  // namespace muamala::server
