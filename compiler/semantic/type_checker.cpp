#include "semantic/type_checker.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "diagnostics/codes.h"
#include "semantic/expression_checker.h"
#include "semantic/schema_builder.h"
#include "semantic/segment_graph.h"
#include "semantic/test_checker.h"

namespace segc {
namespace {

struct Declared {
  const char* kind;
  SourceRange range;
};

// One namespace for the schema, segments and partitions (LANGUAGE.md section
// 3); field names take part too, since a segment named like a field would make
// every use of that name ambiguous.
class Namespace {
 public:
  Namespace(const SourceManager& sources, DiagnosticList& diagnostics)
      : sources_(sources), diagnostics_(diagnostics) {}

  bool declare(const std::string& name, const char* kind, const SourceRange& range) {
    auto [it, inserted] = names_.emplace(name, Declared{kind, range});
    if (inserted) return true;
    diagnostics_
        .error(codes::kDuplicateName, range,
               fmt::format("{} '{}' has the same name as the {} declared at {}:{}:{}", kind,
                           name, it->second.kind,
                           sources_.file(it->second.range.file).display_path(),
                           it->second.range.begin.line, it->second.range.begin.column),
               "every segment, partition, schema and field needs its own name; rename one")
        .related.push_back({it->second.range, fmt::format("the {} '{}'", it->second.kind, name)});
    return false;
  }

 private:
  const SourceManager& sources_;
  DiagnosticList& diagnostics_;
  std::map<std::string, Declared, std::less<>> names_;
};

}  // namespace

const SchemaField* Schema::find(std::string_view field_name) const {
  auto index = index_of(field_name);
  return index ? &fields[*index] : nullptr;
}

std::optional<size_t> Schema::index_of(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return i;
  }
  return std::nullopt;
}

std::optional<size_t> CheckedProgram::segment_index(std::string_view name) const {
  for (size_t i = 0; i < segments.size(); ++i) {
    if (segments[i].name == name) return i;
  }
  return std::nullopt;
}

CheckedProgram check_program(ParsedProgram parsed, const SourceManager& sources,
                             DiagnosticList& diagnostics) {
  CheckedProgram program;
  program.parsed = std::move(parsed);
  const ParsedProgram& modules = program.parsed;

  std::optional<Schema> schema;
  // Without a schema every field reference would be reported; when the schema
  // was lost to a syntax error, or could be in a file whose import failed,
  // that error is the one to fix (and E0304's "import the schema" would
  // suggest the very import that failed).
  const bool schema_may_be_broken = modules.has_syntax_errors || modules.has_failed_imports;
  {
    DiagnosticList schema_diagnostics;
    schema = build_schema(modules, sources, schema_diagnostics);
    for (auto& diagnostic : schema_diagnostics.items()) {
      if (diagnostic.code == codes::kNoSchema && schema_may_be_broken) continue;
      diagnostics.add(std::move(diagnostic));
    }
  }
  if (schema) program.schema = std::move(*schema);

  Namespace names(sources, diagnostics);
  if (schema) {
    names.declare(program.schema.name, "schema", program.schema.declaration->name.range);
    for (const auto& field : program.schema.fields) {
      names.declare(field.name, "field", field.declaration->name.range);
    }
  }
  std::unordered_map<std::string, size_t> segment_indices;
  std::set<std::string, std::less<>> partition_names;
  for (size_t m = 0; m < modules.modules.size(); ++m) {
    for (const auto& declaration : modules.modules[m].declarations) {
      if (const auto* segment = std::get_if<ast::SegmentDecl>(&declaration.node)) {
        if (!names.declare(segment->name.name, "segment", segment->name.range)) continue;
        segment_indices.emplace(segment->name.name, program.segments.size());
        program.segments.push_back(CheckedSegment{segment->name.name, segment, m, {}});
      } else if (const auto* partition = std::get_if<ast::PartitionDecl>(&declaration.node)) {
        if (!names.declare(partition->name.name, "partition", partition->name.range)) continue;
        partition_names.insert(partition->name.name);
        program.partitions.push_back(CheckedPartition{partition->name.name, partition, m, {}, {}});
      } else if (const auto* test = std::get_if<ast::TestDecl>(&declaration.node)) {
        program.tests.push_back(CheckedTest{test, m});
      }
    }
  }
  if (!schema) {
    // Nothing below can be checked meaningfully without field types.
    return program;
  }

  const UnreportedNames unreported{{modules.broken_names.begin(), modules.broken_names.end()},
                                   modules.has_failed_imports};
  ExpressionChecker checker({&program.schema, &segment_indices, &partition_names, &unreported},
                            program, sources, diagnostics);
  for (auto& segment : program.segments) {
    if (segment.declaration->where) {
      checker.check_condition(*segment.declaration->where, segment.name, segment.references);
    }
  }
  program.evaluation_order = order_segments(program, diagnostics);
  check_partitions(program, segment_indices, unreported, diagnostics);
  check_tests(program, segment_indices, unreported, checker);
  return program;
}

}  // namespace segc
