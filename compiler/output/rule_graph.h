// `segc graph`: the rule set as a graph of files, segments and partitions
// (docs/graph.md): a file imports files; a segment references the segments
// its rule names; a partition lists its segments. Rendered as Graphviz dot,
// Mermaid or JSON; `affected` answers what a change to one name touches.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "semantic/checked_program.h"
#include "source/source_file.h"

namespace segc::output {

struct RuleGraph {
  struct Node {
    enum class Kind { File, Segment, Partition };
    Kind kind = Kind::Segment;
    std::string name;  // a file's display path, a segment's or partition's name
    size_t file = 0;   // Segment, Partition: the node of the file declaring it
  };
  struct Edge {
    enum class Kind { Imports, References, Lists };
    Kind kind = Kind::References;
    size_t from = 0;
    size_t to = 0;
  };
  std::vector<Node> nodes;  // files (command-line order, then imports), segments, partitions
  std::vector<Edge> edges;
  std::optional<size_t> schema_file;  // the file declaring the schema, which every rule reads
};

RuleGraph rule_graph(const CheckedProgram& program, const SourceManager& sources);

std::string render_dot(const RuleGraph& graph);
std::string render_mermaid(const RuleGraph& graph);
std::string render_json(const RuleGraph& graph);

// The segments and partitions a change to `name` touches: for a segment,
// itself, every segment whose rule reaches it through references, and every
// partition listing one of them; for a partition, itself; for a file (its
// path as given or shown), everything it declares and what that touches.
// Node indices in declaration order; nothing when no node has that name.
std::optional<std::vector<size_t>> affected(const RuleGraph& graph, const std::string& name);

// `affected` as text lines ("segment NAME (FILE)") or a JSON object.
std::string render_affected_text(const RuleGraph& graph, const std::string& name, const std::vector<size_t>& nodes);
std::string render_affected_json(const RuleGraph& graph, const std::string& name, const std::vector<size_t>& nodes);

}  // namespace segc::output
