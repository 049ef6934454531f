// Every fuzz target defines LLVMFuzzerTestOneInput. Built with clang and
// -fsanitize=fuzzer (SEGC_FUZZ=ON, tools/fuzz.sh) libFuzzer drives it; in
// every other build replay_main.cpp runs it over the committed corpus and
// seed files, as a CTest test. A broken invariant calls fuzz_failure, which
// prints what broke and aborts, so that libFuzzer saves the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace segc::fuzz {

[[noreturn]] void fuzz_failure(std::string_view what, std::string_view details = {});

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace segc::fuzz
