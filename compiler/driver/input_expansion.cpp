#include "driver/input_expansion.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "diagnostics/codes.h"
#include "driver/rules_root.h"
#include "driver/source_loader.h"

namespace segc {
namespace {

namespace fs = std::filesystem;

// A folder entry that cannot be used, reported once the walk is done so that
// the diagnostics come in path order, whatever order the folder lists in.
struct EntryProblem {
  std::string path;
  std::string_view code;
  std::string message;
  std::string help;
  bool operator<(const EntryProblem& other) const { return path < other.path; }
};

EntryProblem unreadable_file(std::string path, const std::error_code& status) {
  const std::string relink = "point the link at a rule file, or remove it";
  if (status == std::errc::too_many_symbolic_link_levels) {
    return {std::move(path), codes::kUnreadableFolderEntry,
            "cannot read this rule file: its symbolic links form a loop", relink};
  }
  if (status == std::errc::no_such_file_or_directory) {
    return {std::move(path), codes::kUnreadableFolderEntry,
            "cannot read this rule file: it is a symbolic link to a file that does not exist",
            relink};
  }
  return {std::move(path), codes::kUnreadableFolderEntry,
          fmt::format("cannot read this rule file: {}", status.message()),
          "make it readable, or remove it"};
}

// Collects the *.seg files below one folder given on the command line.
// Symbolic links to folders are not followed (they could loop, or lead
// anywhere); a symbolic link named *.seg is used when it leads to a regular
// file inside the root.
class FolderWalk {
 public:
  FolderWalk(const fs::path& top, const fs::path& root) : root_(root) {
    std::vector<fs::path> pending{top};
    while (!pending.empty()) {
      const fs::path folder = std::move(pending.back());
      pending.pop_back();
      list(folder, pending);
    }
    std::sort(found_.begin(), found_.end());
    std::sort(problems_.begin(), problems_.end());
  }

  const std::vector<std::string>& found() const { return found_; }
  const std::vector<EntryProblem>& problems() const { return problems_; }

 private:
  void list(const fs::path& folder, std::vector<fs::path>& pending) {
    std::error_code status;
    for (auto it = fs::directory_iterator(folder, status);
         !status && it != fs::directory_iterator(); it.increment(status)) {
      consider(*it, pending);
    }
    if (status) {
      problems_.push_back({folder.lexically_normal().string(), codes::kUnreadableFolderEntry,
                           fmt::format("cannot list this folder: {}", status.message()),
                           "the rule files in it were not checked; make it readable"});
    }
  }

  void consider(const fs::directory_entry& entry, std::vector<fs::path>& pending) {
    std::error_code status;
    const fs::file_status own = entry.symlink_status(status);
    if (!status && fs::is_directory(own)) {
      pending.push_back(entry.path());
      return;
    }
    if (entry.path().extension() != ".seg") return;
    std::string path = entry.path().lexically_normal().string();
    // Where the entry leads decides before what it is: nothing is said of a
    // file outside the root, not even whether it exists.
    const fs::path folder = status ? fs::path() : fs::canonical(entry.path().parent_path(), status);
    const RootedPath rooted =
        status ? RootedPath{RootedWhere::Inside, {}} : resolve_in_root(folder / entry.path().filename(), root_);
    if (!status && rooted.where == RootedWhere::LinkLoop) {
      status = std::make_error_code(std::errc::too_many_symbolic_link_levels);
    }
    fs::file_status target;
    if (!status && rooted.where == RootedWhere::Inside) target = fs::status(rooted.path, status);
    if (status) {
      problems_.push_back(unreadable_file(std::move(path), status));
    } else if (rooted.where == RootedWhere::Outside) {
      problems_.push_back({std::move(path), codes::kOutsideRulesRoot,
                           fs::is_symlink(own)
                               ? "this rule file is a symbolic link to a file outside the rules' root"
                               : "this rule file lies outside the rules' root",
                           fmt::format("rule files and what they import must lie inside the rules' "
                                       "root (--root DIR; by default {}); it was not read",
                                       kDefaultRootText)});
    } else if (!fs::is_regular_file(target)) {
      problems_.push_back({std::move(path), codes::kNotRegularFile,
                           fmt::format("this rule file is {}, not a regular file",
                                       describe_file_type(target.type())),
                           "rule files are regular files; rename or remove it"});
    } else {
      found_.push_back(std::move(path));
    }
  }

  const fs::path& root_;
  std::vector<std::string> found_;
  std::vector<EntryProblem> problems_;
};

}  // namespace

void report_path_problem(SourceManager& sources, DiagnosticList& diagnostics,
                         std::string_view code, const std::string& path, std::string message,
                         std::string help) {
  std::error_code ignored;
  const std::string absolute = fs::absolute(path, ignored).lexically_normal().string();
  const SourceFile& file = sources.add(path, absolute, {});
  diagnostics.error(code, SourceRange{file.id(), {0, 0}, {0, 0}}, std::move(message),
                    std::move(help));
}

bool expand_inputs(const std::vector<std::string>& inputs, const fs::path& root,
                   std::vector<std::string>& files, SourceManager& sources,
                   DiagnosticList& diagnostics, std::string& error) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code status;
    const fs::file_status type = fs::status(input, status);
    if (fs::is_directory(type)) {
      const FolderWalk walk(input, root);
      files.insert(files.end(), walk.found().begin(), walk.found().end());
      for (const EntryProblem& problem : walk.problems()) {
        report_path_problem(sources, diagnostics, problem.code, problem.path, problem.message,
                            problem.help);
      }
    } else if (status == std::errc::no_such_file_or_directory ||
               status == std::errc::not_a_directory) {
      error = fmt::format("{}: no such file or folder", input);
      return false;
    } else if (status) {
      error = fmt::format("cannot read {}: {}", input, status.message());
      return false;
    } else {
      files.push_back(input);
    }
  }
  return true;
}

}  // namespace segc
