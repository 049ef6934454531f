// bucket(n, "salt") of LANGUAGE.md section 6: the first 4 bytes of
// MD5(salt + ":" + key as text), read as an unsigned big-endian integer,
// modulo n. Shared by every evaluator so that splits agree everywhere.
#pragma once

#include <cstdint>
#include <string_view>

namespace segc::runtime {

// `key_text` is the key as decimal text (int keys) or the key itself (string
// keys). `buckets` is greater than 0.
uint64_t bucket_of(std::string_view salt, std::string_view key_text, uint64_t buckets);

}  // namespace segc::runtime
