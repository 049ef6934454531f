// Checks that an output never overwrites an input (issue 16: --rejects equal
// to --data overwrote the customer file; a rejects file inside --out was
// replaced by the results). Both paths need not exist yet.
#pragma once

#include <string>

namespace segc::cli {

// Whether `a` and `b` name one file: the same file on disk, or the same path
// once made absolute with symbolic links and dots resolved.
bool same_file(const std::string& a, const std::string& b);

// Whether `path` lies inside `folder` (at any depth), after the same resolution.
bool inside_folder(const std::string& path, const std::string& folder);

}  // namespace segc::cli
