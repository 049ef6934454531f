#include "driver/segment_diff.h"

#include <algorithm>
#include <bit>
#include <map>
#include <optional>

#include "evaluate/explain.h"
#include "evaluate/partition_groups.h"
#include "evaluate/reference_interpreter.h"

namespace segc {
namespace {

using runtime::Bitmap;

std::string key_text(const runtime::Table& table, size_t row) {
  const runtime::Column& key = table.key();
  if (key.spec.kind == runtime::ColumnKind::String) return std::string(key.dictionary[key.code_at(row)]);
  return std::to_string(key.int_at(row));
}

// A segment's own rule as written (comments and layout aside).
std::string rule_text(const DiffSide& side, size_t segment) {
  return evaluate::source_text(*side.sources, side.program->segments[segment].declaration->where->range);
}

// What a segment's members depend on: the schema's fields and types, and
// the rules of the segment and of every segment it reaches, by name. Equal
// definitions on both sides give equal members on the same data.
std::string definition(const DiffSide& side, size_t segment) {
  std::string text;
  for (const SchemaField& field : side.program->schema.fields) {
    text += field.name + ":" + describe_type(field.type) + (field.is_key ? " key" : "") + ";";
  }
  std::vector<std::string> rules;
  for (size_t used : evaluate::segments_to_evaluate(*side.program, {segment})) {
    rules.push_back(side.program->segments[used].name + "=" + rule_text(side, used));
  }
  std::sort(rules.begin(), rules.end());
  for (const std::string& rule : rules) text += "\n" + rule;
  return text;
}

struct Members {
  std::string name;
  std::string definition;
  std::string rule;  // segments: the own rule, for renames
  const Bitmap* bits = nullptr;
};

// Who entered and who left, 64 rows at a time: only rows that moved are
// looked at, and only while examples are still wanted.
void fill_counts(DiffEntry& entry, const Bitmap* before, const Bitmap* after, const runtime::Table& table,
                 size_t examples) {
  entry.before = before != nullptr ? before->count() : 0;
  entry.after = after != nullptr ? after->count() : 0;
  const size_t words = (table.row_count + 63) / 64;
  for (size_t w = 0; w < words; ++w) {
    const uint64_t was = before != nullptr ? before->words()[w] : 0;
    const uint64_t is = after != nullptr ? after->words()[w] : 0;
    if (was == is) continue;
    for (const bool entering : {true, false}) {
      const uint64_t moved = entering ? is & ~was : was & ~is;
      (entering ? entry.entered : entry.left) += static_cast<uint64_t>(std::popcount(moved));
      auto& keys = entering ? entry.examples_entered : entry.examples_left;
      for (uint64_t bits = moved; bits != 0 && keys.size() < examples; bits &= bits - 1) {
        keys.push_back(key_text(table, w * 64 + static_cast<size_t>(std::countr_zero(bits))));
      }
    }
  }
}

std::vector<DiffEntry> compare(const std::vector<Members>& before, const std::vector<Members>& after,
                               const runtime::Table& table, size_t examples, bool renames) {
  std::map<std::string, const Members*> before_by_name;
  for (const Members& members : before) before_by_name[members.name] = &members;
  std::map<std::string, const Members*> after_by_name;
  for (const Members& members : after) after_by_name[members.name] = &members;
  // A removed segment whose rule reappears under an added name was renamed.
  std::map<std::string, const Members*> renamed;  // new name -> old
  if (renames) {
    for (const Members& gone : before) {
      if (after_by_name.contains(gone.name)) continue;
      for (const Members& added : after) {
        if (!before_by_name.contains(added.name) && !renamed.contains(added.name) && added.rule == gone.rule) {
          renamed[added.name] = &gone;
          break;
        }
      }
    }
  }
  std::vector<DiffEntry> entries;
  for (const Members& now : after) {
    DiffEntry entry;
    entry.name = now.name;
    const Members* was = nullptr;
    if (auto it = before_by_name.find(now.name); it != before_by_name.end()) {
      was = it->second;
    } else if (auto moved = renamed.find(now.name); moved != renamed.end()) {
      was = moved->second;
      entry.renamed_from = was->name;
    }
    fill_counts(entry, was != nullptr ? was->bits : nullptr, now.bits, table, examples);
    if (was == nullptr) {
      entry.status = "added";
    } else if (!entry.renamed_from.empty()) {
      entry.status = "renamed";
    } else {
      const bool same = was->definition == now.definition && entry.entered == 0 && entry.left == 0;
      entry.status = same ? "unchanged" : "changed";
    }
    entries.push_back(std::move(entry));
  }
  for (const Members& gone : before) {
    if (after_by_name.contains(gone.name)) continue;
    bool moved = false;
    for (const auto& [name, old] : renamed) moved = moved || old == &gone;
    if (moved) continue;
    DiffEntry entry;
    entry.name = gone.name;
    entry.status = "removed";
    fill_counts(entry, gone.bits, nullptr, table, examples);
    entries.push_back(std::move(entry));
  }
  return entries;
}

struct SideMembers {
  std::vector<Members> segments;
  std::vector<Members> groups;
  std::vector<std::vector<evaluate::PartitionGroup>> partitions;  // owns the group bitmaps
};

void collect(const DiffSide& side, const runtime::Table& table, SideMembers& out) {
  if (side.program == nullptr) return;
  const CheckedProgram& program = *side.program;
  for (size_t s = 0; s < program.segments.size(); ++s) {
    out.segments.push_back({program.segments[s].name, definition(side, s), rule_text(side, s),
                            &side.membership->members[s]});
  }
  out.partitions.reserve(program.partitions.size());
  for (const CheckedPartition& partition : program.partitions) {
    out.partitions.push_back(evaluate::partition_groups(partition, program, *side.membership, table.row_count));
    // A group's members depend on the partition's whole list, in order.
    std::string listed = partition.else_group.value_or("") + ":";
    for (size_t segment : partition.segments) listed += out.segments[segment].definition + "|";
    for (const evaluate::PartitionGroup& group : out.partitions.back()) {
      out.groups.push_back({partition.name + "." + group.name, listed, {}, &group.members});
    }
  }
}

}  // namespace

DiffReport diff_rules(const DiffSide& before, const DiffSide& after, const runtime::Table& table, size_t examples) {
  SideMembers was, is;
  collect(before, table, was);
  collect(after, table, is);
  DiffReport report;
  report.customers = table.row_count;
  report.segments = compare(was.segments, is.segments, table, examples, /*renames=*/true);
  report.partitions = compare(was.groups, is.groups, table, examples, /*renames=*/false);
  return report;
}

bool moved_more_than(const DiffEntry& entry, double percent) {
  if (entry.status == "added" || entry.status == "removed") return false;
  if (entry.before == entry.after) return false;
  if (entry.before == 0) return true;
  const double before = static_cast<double>(entry.before);
  const double change = (static_cast<double>(entry.after) - before) / before * 100.0;
  return change > percent || -change > percent;
}

}  // namespace segc
