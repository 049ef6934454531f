#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_target.h"

namespace segc::fuzz {

void fuzz_failure(std::string_view what, std::string_view details) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(details.size()), details.data());
  std::abort();
}

}  // namespace segc::fuzz
