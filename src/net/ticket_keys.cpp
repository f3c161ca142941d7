#include "net/ticket_keys.hpp"

#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace gazette {
namespace {

constexpr std::size_t key_bytes = 80;

void free_keys(void*, void* keys, CRYPTO_EX_DATA*, int, long, void*) { delete static_cast<std::vector<TicketKey>*>(keys); }

int keys_index() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, free_keys);
  return index;
}

int ticket_callback(SSL* ssl, unsigned char* name, unsigned char* iv, EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac,
                    int encrypt) {
  const auto* keys = static_cast<const std::vector<TicketKey>*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), keys_index()));
  if (!keys || keys->empty()) return 0;

  const TicketKey* key = &keys->front();
  if (encrypt) {
    std::memcpy(name, key->name.data(), key->name.size());
    if (RAND_bytes(iv, EVP_MAX_IV_LENGTH) != 1) return -1;
  } else {
    key = nullptr;
    for (const auto& candidate : *keys)
      if (std::memcmp(name, candidate.name.data(), candidate.name.size()) == 0) key = &candidate;
    if (!key) return 0; // an unknown key: a full handshake instead
  }

  char digest[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, const_cast<unsigned char*>(key->hmac_secret.data()),
                                        key->hmac_secret.size()),
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end()};
  if (EVP_MAC_CTX_set_params(mac, params) != 1) return -1;
  const int ok = encrypt ? EVP_EncryptInit_ex(cipher, EVP_aes_256_cbc(), nullptr, key->aes_key.data(), iv)
                         : EVP_DecryptInit_ex(cipher, EVP_aes_256_cbc(), nullptr, key->aes_key.data(), iv);
  if (ok != 1) return -1;
  // A ticket made with an older key is accepted, and renewed with the current one.
  return !encrypt && key != &keys->front() ? 2 : 1;
}

} // namespace

std::vector<TicketKey> read_ticket_keys(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot read the ticket keys", file.string()));
  const std::vector<unsigned char> bytes{std::istreambuf_iterator<char>(in), {}};
  if (bytes.empty() || bytes.size() % key_bytes != 0)
    throw std::runtime_error(fmt::format("{}: holds {} bytes; ticket keys are 80 bytes each (openssl rand 80 > {})",
                                         file.string(), bytes.size(), file.filename().string()));
  std::vector<TicketKey> keys(bytes.size() / key_bytes);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const unsigned char* key = bytes.data() + i * key_bytes;
    std::memcpy(keys[i].name.data(), key, 16);
    std::memcpy(keys[i].hmac_secret.data(), key + 16, 32);
    std::memcpy(keys[i].aes_key.data(), key + 48, 32);
  }
  return keys;
}

void use_ticket_keys(SSL_CTX* context, std::vector<TicketKey> keys) {
  SSL_CTX_set_ex_data(context, keys_index(), new std::vector<TicketKey>(std::move(keys)));
  SSL_CTX_set_tlsext_ticket_key_evp_cb(context, ticket_callback);
}

} // namespace gazette
