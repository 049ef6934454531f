// The rules' root: the folder that rule files, and the files they import,
// must lie in (docs/imports.md). Rule files in a pull request are untrusted;
// keeping every read inside this folder stops them from reading, and printing
// into CI logs, anything else on the machine.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace segc {

// How the root is chosen, for help texts and diagnostics: "the git work tree
// of the files given, else the folder they have in common".
inline constexpr const char* kDefaultRootText =
    "the git work tree of the files given, else the folder they have in common";

// The root for these command-line inputs (files, folders, "-" for standard
// input, which stands for the current folder): `explicit_root` (--root) when
// not empty; else the top of the git work tree (the nearest folder holding a
// `.git` entry) around the folder the inputs have in common; else that common
// folder. Returns the canonical path, or nullopt with `error` set when
// --root is not a folder.
std::optional<std::filesystem::path> find_rules_root(const std::vector<std::string>& inputs,
                                                     const std::string& explicit_root,
                                                     std::string& error);

// Whether `path` is `folder` or lies below it. Compares path components, so
// both must be canonical (no `..`, no symbolic links) for the answer to mean
// anything about the file system.
bool is_within(const std::filesystem::path& path, const std::filesystem::path& folder);

// Where a path under the root leads. resolve_in_root follows the symbolic
// links of `path` one component at a time, as the kernel would, but never
// looks at anything outside `root` (canonical): a link whose target leaves
// the root is Outside whether or not that target exists, and a link that
// leads out and back in is Outside too, so the answer tells a rule file
// nothing about the rest of the machine. The folders of `path` down to
// `root` are taken as spelled (the caller made them canonical). `path` in the
// result has no links; its last components may not exist.
enum class RootedWhere { Inside, Outside, LinkLoop };
struct RootedPath {
  RootedWhere where;
  std::filesystem::path path;  // when Inside
};
RootedPath resolve_in_root(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace segc
