#include "semantic/module_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "diagnostics/codes.h"
#include "driver/rules_root.h"
#include "driver/source_loader.h"
#include "semantic/suggestions.h"
#include "syntax/parser.h"

namespace segc {
namespace {

namespace fs = std::filesystem;

class Loader {
 public:
  Loader(SourceManager& sources, DiagnosticList& diagnostics, const LoaderOptions& options)
      : sources_(sources), diagnostics_(diagnostics), options_(options) {
    std::error_code missing;  // then every std/ import is not found
    stdlib_root_ = fs::canonical(options.stdlib_directory, missing);
    if (missing) stdlib_root_.clear();
  }

  llvm::Error load(const std::vector<const SourceFile*>& roots) {
    for (const SourceFile* root : roots) {
      if (module_of_file_.contains(root->id())) continue;
      if (auto error = parse(*root)) return error;
    }
    // Breadth-first over imports; modules_ grows while we walk it.
    for (size_t index = 0; index < program_.modules.size(); ++index) {
      if (auto error = follow_imports(index)) return error;
    }
    report_cycles();
    return llvm::Error::success();
  }

  ParsedProgram take() { return std::move(program_); }

 private:
  llvm::Error parse(const SourceFile& file) {
    module_of_file_[file.id()] = program_.modules.size();
    if (is_oversized(file, diagnostics_)) {
      program_.modules.push_back(ast::Module{file.id(), {}, {}, {}});
      program_.has_syntax_errors = true;
      return llvm::Error::success();
    }
    auto parsed = parse_module(file, options_.error_limit);
    if (!parsed) return parsed.takeError();
    diagnostics_.append(std::move(parsed->diagnostics));
    diagnostics_.count_omitted(file.id(), Severity::Error, parsed->omitted_errors);
    program_.has_syntax_errors |= parsed->has_syntax_errors;
    for (auto& name : parsed->module.broken_names) program_.broken_names.push_back(name);
    program_.modules.push_back(std::move(parsed->module));
    return llvm::Error::success();
  }

  // The name diagnostics use for an imported file: relative to the importer's
  // display path, so that messages read like the command line.
  std::string display_path(const SourceFile& importer, const std::string& path) {
    if (path.starts_with("std/")) return path;
    fs::path base = fs::path(importer.display_path()).parent_path();
    return (base / path).lexically_normal().string();
  }

  // What the standard library does offer, by the names an import uses (not
  // the folder it is installed in, which differs from machine to machine).
  std::string stdlib_help(const std::string& wanted) {
    std::vector<std::string> modules;
    std::error_code status;
    for (auto it = fs::directory_iterator(options_.stdlib_directory, status);
         !status && it != fs::directory_iterator(); it.increment(status)) {
      if (it->path().extension() == ".seg") {
        modules.push_back("std/" + it->path().filename().string());
      }
    }
    std::sort(modules.begin(), modules.end());
    if (modules.empty()) return "the standard library has no such file";
    if (auto suggestion = closest_match(wanted, modules)) {
      return fmt::format("did you mean \"{}\"?", *suggestion);
    }
    std::string list;
    for (const auto& module : modules) list += (list.empty() ? "\"" : ", \"") + module + "\"";
    return fmt::format("the standard library has no such file; it offers {}", list);
  }

  llvm::Error follow_imports(size_t index) {
    // Copy what we need: parse() may grow program_.modules and move this module.
    const FileId file_id = program_.modules[index].file;
    std::vector<const ast::ImportDecl*> imports;
    for (const auto& declaration : program_.modules[index].declarations) {
      if (const auto* import = std::get_if<ast::ImportDecl>(&declaration.node)) {
        imports.push_back(import);
      }
    }
    const SourceFile& importer = sources_.file(file_id);
    for (const ast::ImportDecl* import : imports) {
      const SourceFile* file = read_import(importer, *import);
      if (file == nullptr) {
        program_.has_failed_imports = true;
        continue;
      }
      if (!module_of_file_.contains(file->id())) {
        if (auto error = parse(*file)) return error;
      }
      program_.imports.push_back(ImportEdge{index, import, module_of_file_.at(file->id())});
    }
    return llvm::Error::success();
  }

  // The imported file, read if it was not before; null after a diagnostic.
  // An import is read only from inside its realm: the standard library for
  // `std/` imports and the imports of standard-library files, the rules'
  // root for the others. Diagnostics about an import never show anything of
  // the file it names, which may be anywhere.
  const SourceFile* read_import(const SourceFile& importer, const ast::ImportDecl& import) {
    const std::string& written = import.path;
    const bool std_import = written.starts_with("std/");
    if (!std_import && fs::path(written).is_absolute()) {
      diagnostics_.error(codes::kOutsideRulesRoot, import.path_range,
                         fmt::format("import of \"{}\" is an absolute path", written),
                         "import paths are relative to the importing file, and imports stay "
                         "inside the rules' root; the file was not read");
      return nullptr;
    }
    if (std_import && stdlib_root_.empty()) {
      report_not_found(import);
      return nullptr;
    }
    const fs::path importer_path(importer.absolute_path());
    const bool in_stdlib =
        std_import || (!stdlib_root_.empty() && is_within(importer_path, stdlib_root_));
    const fs::path& realm = in_stdlib ? stdlib_root_ : options_.rules_root;
    const fs::path candidate =
        (std_import ? stdlib_root_ / written.substr(4) : importer_path.parent_path() / written)
            .lexically_normal();
    // A path that leaves by `..` is refused without looking at the file
    // system; one that stays is then followed through its symbolic links.
    if (!is_within(candidate, realm)) {
      report_outside(import, in_stdlib);
      return nullptr;
    }
    if (!names_rule_file(fs::path(written))) {
      report_not_rule_file(import);
      return nullptr;
    }
    const RootedPath rooted = resolve_in_root(candidate, realm);
    if (rooted.where == RootedWhere::Outside) {
      report_outside(import, in_stdlib);
      return nullptr;
    }
    const fs::path& resolved = rooted.path;
    if (rooted.where == RootedWhere::Inside &&
        !names_rule_file(resolved.lexically_relative(realm))) {  // a link to .git/config
      report_not_rule_file(import);
      return nullptr;
    }
    LoadedSource loaded =
        rooted.where == RootedWhere::LinkLoop
            ? LoadedSource{nullptr, LoadFailure::Unreadable, "its symbolic links form a loop"}
            : load_source(sources_, resolved.string(), display_path(importer, written), realm,
                          diagnostics_);
    switch (loaded.failure) {
      case LoadFailure::None: return loaded.file;
      case LoadFailure::Missing: report_not_found(import); break;
      case LoadFailure::OutsideRoot: report_outside(import, in_stdlib); break;
      case LoadFailure::NotRegularFile:
        diagnostics_.error(codes::kNotRegularFile, import.path_range,
                           fmt::format("cannot import \"{}\": it is {}", written, loaded.reason),
                           "import a rule file");
        break;
      case LoadFailure::Unreadable:
        diagnostics_.error(codes::kImportNotFound, import.path_range,
                           fmt::format("cannot read imported file \"{}\"", written),
                           loaded.reason);
        break;
    }
    return nullptr;
  }

  void report_not_found(const ast::ImportDecl& import) {
    std::string help = "import paths are relative to the importing file";
    if (import.path.starts_with("std/")) {
      help = stdlib_help(import.path);
    } else if (!import.path.ends_with(".seg")) {
      help = "did you forget the .seg extension?";
    }
    diagnostics_.error(codes::kImportNotFound, import.path_range,
                       fmt::format("cannot find imported file \"{}\"", import.path), help);
  }

  // Imports name *.seg files outside hidden folders: inside the root lie
  // files no rule should read either, such as .git/config, where CI
  // checkouts keep a token, and their lines would appear in syntax errors.
  static bool names_rule_file(const fs::path& path) {
    if (path.extension() != ".seg") return false;
    for (const fs::path& part : path) {
      const std::string name = part.string();
      if (name.starts_with(".") && name != "." && name != "..") return false;
    }
    return true;
  }

  void report_not_rule_file(const ast::ImportDecl& import) {
    diagnostics_.error(codes::kOutsideRulesRoot, import.path_range,
                       fmt::format("import of \"{}\" is not a rule file", import.path),
                       "imports name .seg files outside hidden folders (names starting with "
                       "'.'); the file was not read");
  }

  void report_outside(const ast::ImportDecl& import, bool in_stdlib) {
    if (in_stdlib) {
      diagnostics_.error(codes::kOutsideRulesRoot, import.path_range,
                         fmt::format("import of \"{}\" leaves the standard library", import.path),
                         "a std/ import names a file in the standard library's folder, "
                         "without `..`; the file was not read");
      return;
    }
    diagnostics_.error(codes::kOutsideRulesRoot, import.path_range,
                       fmt::format("import of \"{}\" leaves the rules' root", import.path),
                       fmt::format("imports are read only from inside the rules' root (--root DIR; "
                                   "by default {}); the file was not read",
                                   kDefaultRootText));
  }

  // Files that import each other are an error (they would share declarations
  // in a loop that no reviewer can follow). Iterative depth-first search.
  void report_cycles() {
    const size_t count = program_.modules.size();
    std::vector<std::vector<const ImportEdge*>> outgoing(count);
    for (const auto& edge : program_.imports) outgoing[edge.from_module].push_back(&edge);
    enum class State { New, Active, Done };
    std::vector<State> state(count, State::New);
    struct Frame {
      size_t module;
      size_t next_edge;
    };
    for (size_t start = 0; start < count; ++start) {
      if (state[start] != State::New) continue;
      std::vector<Frame> stack{{start, 0}};
      std::vector<const ImportEdge*> path;
      state[start] = State::Active;
      while (!stack.empty()) {
        Frame& frame = stack.back();
        if (frame.next_edge == outgoing[frame.module].size()) {
          state[frame.module] = State::Done;
          stack.pop_back();
          if (!path.empty()) path.pop_back();
          continue;
        }
        const ImportEdge* edge = outgoing[frame.module][frame.next_edge++];
        if (state[edge->to_module] == State::Active) {
          report_cycle(path, edge);
        } else if (state[edge->to_module] == State::New) {
          state[edge->to_module] = State::Active;
          path.push_back(edge);
          stack.push_back({edge->to_module, 0});
        }
      }
    }
  }

  void report_cycle(const std::vector<const ImportEdge*>& path, const ImportEdge* closing) {
    // The cycle is the tail of the path that starts at the module `closing`
    // returns to (the whole path when that is where the search started).
    size_t first = path.size();
    while (first > 0 && path[first - 1]->to_module != closing->to_module) --first;
    std::vector<const ImportEdge*> cycle;
    for (size_t i = first; i < path.size(); ++i) cycle.push_back(path[i]);
    cycle.push_back(closing);
    std::string chain = sources_.file(program_.modules[closing->to_module].file).display_path();
    for (const ImportEdge* edge : cycle) {
      chain += " -> " + sources_.file(program_.modules[edge->to_module].file).display_path();
    }
    diagnostics_.error(codes::kImportCycle, closing->declaration->path_range,
                       fmt::format("files import each other in a cycle: {}", chain),
                       "move what both files need into a third file that both import");
  }

  SourceManager& sources_;
  DiagnosticList& diagnostics_;
  const LoaderOptions& options_;
  fs::path stdlib_root_;  // canonical; empty when there is no standard library
  ParsedProgram program_;
  std::map<FileId, size_t> module_of_file_;
};

}  // namespace

std::string default_stdlib_directory() {
  if (const char* configured = std::getenv("SEGC_STDLIB")) return configured;
  return SEGC_STDLIB_DIR;
}

llvm::Expected<ParsedProgram> load_program(const std::vector<const SourceFile*>& root_files,
                                           SourceManager& sources, DiagnosticList& diagnostics,
                                           const LoaderOptions& options) {
  Loader loader(sources, diagnostics, options);
  if (auto error = loader.load(root_files)) return error;
  return loader.take();
}

}  // namespace segc
