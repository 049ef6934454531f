#include "driver/rules_root.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <system_error>

namespace segc {
namespace {

namespace fs = std::filesystem;

// The folder an input stands for: itself for a folder, else the folder
// holding it. Absolute and lexically normal; symbolic links are resolved
// later, on the root found.
fs::path input_folder(const std::string& input) {
  std::error_code error;
  if (input == "-") return fs::current_path(error);
  const fs::path absolute = fs::absolute(input, error).lexically_normal();
  if (fs::is_directory(absolute, error)) return absolute;
  return absolute.parent_path();
}

fs::path common_folder(const std::vector<std::string>& inputs) {
  std::error_code error;
  if (inputs.empty()) return fs::current_path(error);
  fs::path common = input_folder(inputs.front());
  for (size_t i = 1; i < inputs.size(); ++i) {
    const fs::path folder = input_folder(inputs[i]);
    fs::path shared;
    auto a = common.begin();
    auto b = folder.begin();
    for (; a != common.end() && b != folder.end() && *a == *b; ++a, ++b) shared /= *a;
    common = shared;
  }
  return common;
}

// The nearest folder at or above `start` with a `.git` entry (a folder, or
// the file of a git worktree or submodule); no need to run git for that.
std::optional<fs::path> git_work_tree(const fs::path& start) {
  std::error_code error;
  for (fs::path folder = start; !folder.empty(); folder = folder.parent_path()) {
    if (fs::exists(fs::symlink_status(folder / ".git", error))) return folder;
    if (folder == folder.parent_path()) break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<fs::path> find_rules_root(const std::vector<std::string>& inputs,
                                        const std::string& explicit_root, std::string& error) {
  std::error_code status;
  if (!explicit_root.empty()) {
    fs::path root = fs::canonical(explicit_root, status);
    if (status || !fs::is_directory(root, status)) {
      error = fmt::format("--root {}: {}", explicit_root,
                          status ? status.message() : "not a folder");
      return std::nullopt;
    }
    return root;
  }
  const fs::path common = common_folder(inputs);
  const fs::path root = git_work_tree(common).value_or(common);
  fs::path canonical = fs::canonical(root, status);
  if (status) {
    error = fmt::format("cannot find the rules' root {}: {}", root.string(), status.message());
    return std::nullopt;
  }
  return canonical;
}

bool is_within(const fs::path& path, const fs::path& folder) {
  auto mismatch = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  // A trailing separator makes an empty last component of `folder`.
  return mismatch.first == folder.end() ||
         (std::next(mismatch.first) == folder.end() && mismatch.first->empty());
}

RootedPath resolve_in_root(const fs::path& path, const fs::path& root) {
  // As many links as Linux follows in one path (MAXSYMLINKS).
  constexpr int kMaxLinks = 40;
  const fs::path lexical = path.lexically_normal();
  if (!is_within(lexical, root)) return {RootedWhere::Outside, {}};
  std::deque<fs::path> rest;
  for (const fs::path& part : lexical.lexically_relative(root)) rest.push_back(part);
  fs::path current = root;
  int links = 0;
  while (!rest.empty()) {
    const fs::path part = rest.front();
    rest.pop_front();
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (current == root) return {RootedWhere::Outside, {}};
      current = current.parent_path();
      continue;
    }
    const fs::path next = current / part;
    std::error_code error;
    // Missing or unreadable: the rest is only spelled, and opening it will
    // fail inside the root.
    if (!fs::is_symlink(fs::symlink_status(next, error)) || error) {
      current = next;
      continue;
    }
    if (++links > kMaxLinks) return {RootedWhere::LinkLoop, {}};
    const fs::path target = fs::read_symlink(next, error);
    if (error) {
      current = next;
      continue;
    }
    fs::path from = current;
    if (target.is_absolute()) {
      const fs::path normal = target.lexically_normal();
      if (!is_within(normal, root)) return {RootedWhere::Outside, {}};
      from = root;
      const fs::path below = normal.lexically_relative(root);
      rest.insert(rest.begin(), below.begin(), below.end());
    } else {
      rest.insert(rest.begin(), target.begin(), target.end());
    }
    current = from;
  }
  return {RootedWhere::Inside, current};
}

}  // namespace segc
