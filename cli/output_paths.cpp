#include "output_paths.h"

#include <filesystem>

namespace segc::cli {
namespace {

namespace fs = std::filesystem;

fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return fs::path(path).lexically_normal();
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical;
}

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::equivalent(a, b, ec) && !ec) return true;  // hard links too
  return resolved(a) == resolved(b);
}

bool inside_folder(const std::string& path, const std::string& folder) {
  const fs::path inner = resolved(path);
  const fs::path outer = resolved(folder);
  auto mismatch = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  // Every component of the folder matched (a trailing "" of "dir/" aside).
  return mismatch.first == outer.end() || (std::next(mismatch.first) == outer.end() && mismatch.first->empty());
}

}  // namespace segc::cli
