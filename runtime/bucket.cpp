#include "runtime/bucket.h"

#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

namespace segc::runtime {
namespace {

// OpenSSL 3 looks an algorithm up by name on every EVP_Digest(EVP_md5())
// call unless it was fetched explicitly; fetching once makes bucket() several
// times faster. The handle is immutable and safe to share between threads.
const EVP_MD* md5_algorithm() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> algorithm(
      EVP_MD_fetch(nullptr, "MD5", nullptr), &EVP_MD_free);
  return algorithm ? algorithm.get() : EVP_md5();
}

}  // namespace

uint64_t bucket_of(std::string_view salt, std::string_view key_text, uint64_t buckets) {
  // salt + ":" + key, on the stack when it fits (it nearly always does).
  std::array<char, 256> local{};
  std::string heap;
  const size_t size = salt.size() + 1 + key_text.size();
  char* message = local.data();
  if (size > local.size()) {
    heap.resize(size);
    message = heap.data();
  }
  std::memcpy(message, salt.data(), salt.size());
  message[salt.size()] = ':';
  std::memcpy(message + salt.size() + 1, key_text.data(), key_text.size());

  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_size = 0;
  if (EVP_Digest(message, size, digest.data(), &digest_size, md5_algorithm(), nullptr) != 1 ||
      digest_size < 4) {
    // Only a broken OpenSSL installation gets here; it is an internal error.
    throw std::runtime_error("OpenSSL could not compute MD5");
  }
  const uint64_t first_four = (uint64_t{digest[0]} << 24) | (uint64_t{digest[1]} << 16) |
                              (uint64_t{digest[2]} << 8) | uint64_t{digest[3]};
  return first_four % buckets;
}

}  // namespace segc::runtime
