// Shared by the columnar reader and verifier (not for other code): problems
// that name the file, the full check of a dictionary, and the checks of the
// values that decide results (columnar_value_checks.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/columnar_file.h"

namespace segc::runtime::columnar {

ColumnarProblem invalid(const std::string& path, const std::string& what);
ColumnarProblem unreadable(const std::string& path, const std::string& what);

// "1 byte", "8 bytes": a count in a problem's message.
std::string counted(uint64_t count, std::string_view one, std::string_view many);

// Offsets from 0 ascending to the end of the text; for String and StringSet
// columns also entries strictly ascending by code point (sorted, distinct).
ColumnarProblem check_dictionary(const std::string& path, const Column& column,
                                 const std::string& where);

// The key column (statistics already verified): no key twice. A linear pass
// when the keys ascend, as exported tables usually do; otherwise a bitmap of
// the key range, or a sorted copy when the keys are sparse.
ColumnarProblem check_unique_keys(const std::string& path, const Column& column, size_t rows,
                                  const std::string& where);

// A Float column: no NaN or infinity in any row.
ColumnarProblem check_finite_floats(const std::string& path, const Column& column,
                                    const std::string& where);

// A StringSet column with masks (codes already verified): each row's mask
// has exactly the bits of its codes.
ColumnarProblem check_set_masks(const std::string& path, const Column& column, size_t rows,
                                const std::string& where);

}  // namespace segc::runtime::columnar
