// Shared by the columnar reader and verifier (not for other code): problems
// that name the file, and the full check of a dictionary.
#pragma once

#include <string>

#include "runtime/columnar_file.h"

namespace segc::runtime::columnar {

ColumnarProblem invalid(const std::string& path, const std::string& what);
ColumnarProblem unreadable(const std::string& path, const std::string& what);

// Offsets from 0 ascending to the end of the text; for String and StringSet
// columns also entries strictly ascending by code point (sorted, distinct).
ColumnarProblem check_dictionary(const std::string& path, const Column& column,
                                 const std::string& where);

}  // namespace segc::runtime::columnar
