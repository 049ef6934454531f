// Names whose absence is not reported (E0202): the error that explains it was
// reported already. They are the names declared by declarations with syntax
// errors (left out of the AST), and, when an import failed, any name at all:
// the missing file could have declared it. The failed import is the error to
// fix; a compiler does not pile errors on it (clang stops at a missing
// #include).
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace segc {

struct UnreportedNames {
  std::set<std::string, std::less<>> declared_by_broken;
  bool import_failed = false;

  bool contains(std::string_view name) const {
    return import_failed || declared_by_broken.contains(name);
  }
};

}  // namespace segc
