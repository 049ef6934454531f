// bucket() must agree with every other backend, so it is pinned to MD5 values
// computed independently (Python's hashlib).
#include <catch2/catch.hpp>

#include "runtime/bucket.h"

using segc::runtime::bucket_of;

TEST_CASE("bucket is the first four MD5 bytes, big-endian, modulo n", "[runtime][bucket]") {
  // md5("holdout:42")[0..4] = 0x3f9a..., 1067081804 as an unsigned big-endian int.
  CHECK(bucket_of("holdout", "42", 10) == 1067081804 % 10);
  CHECK(bucket_of("holdout", "42", 4294967296ULL) == 1067081804);
  CHECK(bucket_of("ab", "-7", 2) == 2547209916 % 2);
  CHECK(bucket_of("x", "Анна", 1000) == 719);
  CHECK(bucket_of("x", "Анна", 1) == 0);
}
