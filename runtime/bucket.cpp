#include "runtime/bucket.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>
#include <string>

namespace segc::runtime {

uint64_t bucket_of(std::string_view salt, std::string_view key_text, uint64_t buckets) {
  std::string message;
  message.reserve(salt.size() + 1 + key_text.size());
  message.append(salt).append(":").append(key_text);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_size = 0;
  if (EVP_Digest(message.data(), message.size(), digest.data(), &digest_size, EVP_md5(),
                 nullptr) != 1 ||
      digest_size < 4) {
    // Only a broken OpenSSL installation gets here; it is an internal error.
    throw std::runtime_error("OpenSSL could not compute MD5");
  }
  uint64_t first_four = (uint64_t{digest[0]} << 24) | (uint64_t{digest[1]} << 16) |
                        (uint64_t{digest[2]} << 8) | uint64_t{digest[3]};
  return first_four % buckets;
}

}  // namespace segc::runtime
