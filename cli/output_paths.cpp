#include "output_paths.h"

#include <fmt/format.h>

#include <filesystem>

#include "driver/rules_root.h"

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

bool is_folder(const std::string& path) {
  std::error_code ec;
  // A symbolic link is replaced by the rename, not followed.
  return fs::symlink_status(path, ec).type() == fs::file_type::directory;
}

// The rejects file `segc run` writes outside --out: --rejects, or
// rejects.csv in the current folder with --on-error skip and no --out; "".
std::string outside_rejects_file(const RunOptions& options) {
  if (!options.csv.rejects.empty()) return options.csv.rejects;
  return options.csv.on_error == "skip" && options.out.empty() ? "rejects.csv" : "";
}

std::string rejects_flag(const RunOptions& options) {
  return options.csv.rejects.empty() ? "the rejects file" : "--rejects";
}

}  // namespace

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::equivalent(a, b, ec) && !ec) return true;  // hard links too
  return resolved(a) == resolved(b);
}

bool inside_folder(const std::string& path, const std::string& folder) {
  return is_within(resolved(path), resolved(folder));
}

std::string rejects_file_is_folder(const CsvFlags& flags, const std::string& rejects_path) {
  if (!is_folder(rejects_path)) return "";
  if (flags.rejects.empty()) {
    return fmt::format("the rejects file {} is a folder; name another file with --rejects", rejects_path);
  }
  return fmt::format("--rejects {} is a folder; name a file for the rejected rows, e.g. {}/rejects.csv",
                     rejects_path, rejects_path);
}

std::string import_output_is_folder(const ImportOptions& options, const std::string& rejects_path) {
  if (is_folder(options.out)) {
    return fmt::format("-o {} is a folder; name the columnar file to write, e.g. {}/data.segcol",
                       options.out, options.out);
  }
  return rejects_file_is_folder(options.csv, rejects_path);
}

std::string run_output_clash(const RunOptions& options) {
  std::error_code ec;
  if (const fs::path current = fs::current_path(ec);
      !ec && !options.out.empty() && inside_folder(current.string(), options.out)) {
    return fmt::format("--out {} holds the current folder {}, which segc would replace with the "
                       "results, leaving your shell in a deleted folder; name a folder that does "
                       "not hold the current one, e.g. --out results",
                       options.out, current.string());
  }
  const std::string rejects = outside_rejects_file(options);
  if (!rejects.empty() && same_file(rejects, options.data)) {
    return fmt::format("{} {} is the data file: the rejected rows would overwrite it",
                       rejects_flag(options), rejects);
  }
  if (std::string folder = rejects_file_is_folder(options.csv, rejects); !folder.empty()) return folder;
  if (!options.csv.rejects.empty() && !options.out.empty() && inside_folder(rejects, options.out)) {
    return fmt::format("--rejects {} is inside --out {}, which segc replaces with the results; leave "
                       "out --rejects to have the rejected rows in {}/rejects.csv, or name a file "
                       "outside it",
                       rejects, options.out, options.out);
  }
  if (!options.out.empty() && inside_folder(options.data, options.out)) {
    return fmt::format("--data {} is inside --out {}, which segc replaces with the results", options.data,
                       options.out);
  }
  return "";
}

bool is_rule_file(const std::string& path, const SourceManager& rule_files) {
  for (size_t file = 0; file < rule_files.size(); ++file) {
    if (same_file(path, rule_files.file(static_cast<FileId>(file)).absolute_path())) return true;
  }
  return false;
}

std::string rejects_rule_file_clash(const RunOptions& options, const SourceManager& rule_files) {
  const std::string rejects = outside_rejects_file(options);
  if (rejects.empty() || !is_rule_file(rejects, rule_files)) return "";
  return fmt::format("{} {} is a rule file: the rejected rows would overwrite it", rejects_flag(options), rejects);
}

}  // namespace segc::cli
