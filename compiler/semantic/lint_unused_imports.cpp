// W0605: an import that nothing in the importing file needs.
//
// All top-level names share one namespace, so an import only matters for what
// it brings into the compilation. An import of T in file F is used when F
// refers to something declared in T or in a file T imports (transitively):
// F may import a file for what that file imports in turn. References are the
// names in F's segment rules, its partitions' segments, and its tests' given
// fields and expected segments; schema fields count as declared in the schema's
// file, and so does the key that bucket() reads. Stale imports slow reviews down ("why does this depend on that?") and
// keep files alive that could be deleted.
//
// Not reported:
// - in a file that declares no segment, partition or test: such a file (say,
//   one of only imports, gathering a rule set) refers to nothing by design;
// - in a file with errors, for an import that brings in a file with errors,
//   and in any file when there were syntax errors: an unresolved or lost name
//   may well be the use that is missing.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diagnostics/codes.h"
#include "semantic/lints.h"
#include "syntax/literal_decoding.h"

namespace segc::lint {
namespace {

class ImportUse {
 public:
  explicit ImportUse(const CheckedProgram& program)
      : program_(program),
        referenced_(program.parsed.modules.size()),
        declares_(program.parsed.modules.size(), false) {
    for (size_t i = 0; i < program.segments.size(); ++i) {
      segment_by_name_.emplace(program.segments[i].name, i);
    }
  }

  void collect() {
    for (const CheckedSegment& segment : program_.segments) {
      declares_[segment.module] = true;
      if (segment.declaration != nullptr && segment.declaration->where) {
        collect_names(segment.module, *segment.declaration->where);
      }
    }
    for (const CheckedPartition& partition : program_.partitions) {
      declares_[partition.module] = true;
      for (size_t segment : partition.segments) note_segment(partition.module, segment);
    }
    for (const CheckedTest& test : program_.tests) {
      declares_[test.module] = true;
      for (const ast::GivenClause& given : test.declaration->givens) {
        for (const ast::GivenField& field : given.fields) {
          if (program_.schema.find(field.field.name) != nullptr) note_schema(test.module);
        }
        for (const ast::Expectation& expectation : given.expectations) {
          auto found = segment_by_name_.find(expectation.segment.name);
          if (found != segment_by_name_.end()) note_segment(test.module, found->second);
        }
      }
    }
  }

  bool declares_something(size_t module) const { return declares_[module]; }

  // Whether `module` refers to anything declared in one of `modules`.
  bool refers_to_any(size_t module, const std::unordered_set<size_t>& modules) const {
    for (size_t declared_in : referenced_[module]) {
      if (modules.contains(declared_in)) return true;
    }
    return false;
  }

 private:
  void collect_names(size_t module, const ast::Expr& expr) {
    if (expr.as<ast::NameRef>() != nullptr) {
      auto meaning = program_.names.find(&expr);
      if (meaning == program_.names.end()) return;
      if (meaning->second.kind == NameMeaning::Kind::Field) {
        note_schema(module);
      } else {
        note_segment(module, meaning->second.index);
      }
      return;
    }
    // bucket() hashes the key: it needs the schema without naming a field.
    if (const auto* call = expr.as<ast::CallExpr>(); call != nullptr && call->function.name == "bucket") {
      note_schema(module);
    }
    for_each_child(expr, [&](const ast::Expr& child) { collect_names(module, child); });
  }

  void note_schema(size_t from) { referenced_[from].insert(program_.schema.module); }
  void note_segment(size_t from, size_t segment) {
    if (segment < program_.segments.size()) {
      referenced_[from].insert(program_.segments[segment].module);
    }
  }

  const CheckedProgram& program_;
  std::unordered_map<std::string, size_t> segment_by_name_;
  std::vector<std::set<size_t>> referenced_;  // per module: the modules it refers to
  std::vector<bool> declares_;                // per module: has segments, partitions or tests
};

// `start` and every module it imports, directly or not.
std::unordered_set<size_t> import_closure(const std::vector<std::vector<size_t>>& imports,
                                          size_t start) {
  std::unordered_set<size_t> seen{start};
  std::vector<size_t> pending{start};
  while (!pending.empty()) {
    const size_t module = pending.back();
    pending.pop_back();
    for (size_t next : imports[module]) {
      if (seen.insert(next).second) pending.push_back(next);
    }
  }
  return seen;
}

}  // namespace

void check_unused_imports(const CheckedProgram& program, const SourceManager& sources,
                          const DiagnosticList& reported, DiagnosticList& warnings) {
  (void)sources;
  const ParsedProgram& parsed = program.parsed;
  if (parsed.has_syntax_errors) return;
  std::unordered_set<FileId> files_with_errors;
  for (const Diagnostic& diagnostic : reported.items()) {
    if (diagnostic.severity == Severity::Error) files_with_errors.insert(diagnostic.range.file);
  }

  const size_t module_count = parsed.modules.size();
  std::vector<std::vector<size_t>> imports(module_count);
  for (const ImportEdge& edge : parsed.imports) {
    if (edge.from_module < module_count && edge.to_module < module_count) {
      imports[edge.from_module].push_back(edge.to_module);
    }
  }
  ImportUse use(program);
  use.collect();

  std::unordered_map<size_t, std::unordered_set<size_t>> closures;
  for (const ImportEdge& edge : parsed.imports) {
    if (edge.from_module >= module_count || edge.to_module >= module_count ||
        edge.declaration == nullptr) {
      continue;
    }
    if (!use.declares_something(edge.from_module)) continue;
    if (files_with_errors.contains(parsed.modules[edge.from_module].file)) continue;
    auto closure = closures.find(edge.to_module);
    if (closure == closures.end()) {
      closure = closures.emplace(edge.to_module, import_closure(imports, edge.to_module)).first;
    }
    if (use.refers_to_any(edge.from_module, closure->second)) continue;
    // Declarations with errors (a second schema, say) may be what F needed.
    const bool broken_target = std::any_of(
        closure->second.begin(), closure->second.end(),
        [&](size_t module) { return files_with_errors.contains(parsed.modules[module].file); });
    if (broken_target) continue;
    warnings.warning(
        codes::kUnusedImport, edge.declaration->path_range,
        fmt::format("nothing from {} is used in this file", quote_string(edge.declaration->path)),
        "remove the import");
  }
}

}  // namespace segc::lint
