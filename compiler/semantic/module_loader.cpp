#include "semantic/module_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "diagnostics/codes.h"
#include "driver/source_loader.h"
#include "semantic/suggestions.h"
#include "syntax/parser.h"

namespace segc {
namespace {

namespace fs = std::filesystem;

class Loader {
 public:
  Loader(SourceManager& sources, DiagnosticList& diagnostics, const LoaderOptions& options)
      : sources_(sources), diagnostics_(diagnostics), options_(options) {}

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

  std::optional<std::string> resolve_path(const SourceFile& importer, const std::string& path) {
    if (path.starts_with("std/")) {
      fs::path candidate = fs::path(options_.stdlib_directory) / path.substr(4);
      return candidate.lexically_normal().string();
    }
    if (fs::path(path).is_absolute()) return path;
    fs::path base = fs::path(importer.absolute_path()).parent_path();
    return (base / path).lexically_normal().string();
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
      const auto target = resolve_path(importer, import->path);
      std::error_code status;
      if (!target || !fs::is_regular_file(*target, status)) {
        std::string help = "import paths are relative to the importing file";
        if (import->path.starts_with("std/")) {
          help = stdlib_help(import->path);
        } else if (!import->path.ends_with(".seg")) {
          help = "did you forget the .seg extension?";
        }
        diagnostics_.error(codes::kImportNotFound, import->path_range,
                           fmt::format("cannot find imported file \"{}\"", import->path), help);
        continue;
      }
      std::error_code ignored;
      const std::string absolute = fs::weakly_canonical(*target, ignored).string();
      const SourceFile* file = sources_.find_by_absolute_path(absolute);
      if (file == nullptr) {
        LoadedSource loaded =
            load_source(sources_, *target, display_path(importer, import->path), diagnostics_);
        if (loaded.file == nullptr) {
          diagnostics_.error(codes::kImportNotFound, import->path_range,
                             fmt::format("cannot read imported file \"{}\"", import->path),
                             loaded.error);
          continue;
        }
        file = loaded.file;
      }
      if (!module_of_file_.contains(file->id())) {
        if (auto error = parse(*file)) return error;
      }
      program_.imports.push_back(ImportEdge{index, import, module_of_file_.at(file->id())});
    }
    return llvm::Error::success();
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
