#include "output/rule_graph.h"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "diagnostics/terminal_text.h"

namespace segc::output {
namespace {

using Node = RuleGraph::Node;
using Edge = RuleGraph::Edge;

// Inside a Graphviz "quoted string": backslashes and quotes escaped; control
// characters (from a file name) written as Seg escapes, never raw.
std::string dot_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : terminal_safe(text)) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// Inside a Mermaid ["label"]: quotes and angle brackets as entity codes,
// which Mermaid decodes, so that no name can end the label.
std::string mermaid_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : terminal_safe(text)) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '#': out += "#35;"; break;
      default: out.push_back(c);
    }
  }
  return out + "\"";
}

const char* kind_word(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::File: return "file";
    case Node::Kind::Segment: return "segment";
    case Node::Kind::Partition: return "partition";
  }
  return "";
}

std::vector<size_t> nodes_of_file(const RuleGraph& graph, size_t file) {
  std::vector<size_t> declared;
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    if (graph.nodes[i].kind != Node::Kind::File && graph.nodes[i].file == file) declared.push_back(i);
  }
  return declared;
}

}  // namespace

RuleGraph rule_graph(const CheckedProgram& program, const SourceManager& sources) {
  RuleGraph graph;
  const size_t files = program.parsed.modules.size();
  for (const ast::Module& module : program.parsed.modules) {
    graph.nodes.push_back({Node::Kind::File, sources.file(module.file).display_path(), 0});
  }
  for (const CheckedSegment& segment : program.segments) {
    graph.nodes.push_back({Node::Kind::Segment, segment.name, segment.module});
  }
  for (const CheckedPartition& partition : program.partitions) {
    graph.nodes.push_back({Node::Kind::Partition, partition.name, partition.module});
  }
  std::set<std::pair<size_t, size_t>> imports;
  for (const ImportEdge& edge : program.parsed.imports) {
    if (imports.insert({edge.from_module, edge.to_module}).second) {
      graph.edges.push_back({Edge::Kind::Imports, edge.from_module, edge.to_module});
    }
  }
  for (size_t s = 0; s < program.segments.size(); ++s) {
    for (size_t reference : program.segments[s].references) {
      graph.edges.push_back({Edge::Kind::References, files + s, files + reference});
    }
  }
  for (size_t p = 0; p < program.partitions.size(); ++p) {
    for (size_t segment : program.partitions[p].segments) {
      graph.edges.push_back({Edge::Kind::Lists, files + program.segments.size() + p, files + segment});
    }
  }
  graph.schema_file = program.schema.declaration != nullptr ? std::optional(program.schema.module) : std::nullopt;
  return graph;
}

std::string render_dot(const RuleGraph& graph) {
  std::string out = "digraph segc {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n";
  for (size_t file = 0; file < graph.nodes.size() && graph.nodes[file].kind == Node::Kind::File; ++file) {
    out += fmt::format("  subgraph cluster_{} {{\n    label={};\n    n{} [label={}, shape=note];\n", file,
                       dot_quoted(graph.nodes[file].name), file,
                       dot_quoted(std::filesystem::path(graph.nodes[file].name).filename().string()));
    for (size_t node : nodes_of_file(graph, file)) {
      out += fmt::format("    n{} [label={}, shape={}];\n", node, dot_quoted(graph.nodes[node].name),
                         graph.nodes[node].kind == Node::Kind::Segment ? "box" : "hexagon");
    }
    out += "  }\n";
  }
  for (const Edge& edge : graph.edges) {
    const char* style = edge.kind == Edge::Kind::Imports ? " [style=dashed, label=\"imports\"]"
                        : edge.kind == Edge::Kind::Lists ? " [style=bold]"
                                                         : "";
    out += fmt::format("  n{} -> n{}{};\n", edge.from, edge.to, style);
  }
  return out + "}\n";
}

std::string render_mermaid(const RuleGraph& graph) {
  std::string out = "flowchart LR\n";
  for (size_t file = 0; file < graph.nodes.size() && graph.nodes[file].kind == Node::Kind::File; ++file) {
    out += fmt::format("  subgraph f{}[{}]\n    n{}[/{}/]\n", file, mermaid_quoted(graph.nodes[file].name), file,
                       mermaid_quoted(std::filesystem::path(graph.nodes[file].name).filename().string()));
    for (size_t node : nodes_of_file(graph, file)) {
      const std::string label = mermaid_quoted(graph.nodes[node].name);
      out += graph.nodes[node].kind == Node::Kind::Segment ? fmt::format("    n{}[{}]\n", node, label)
                                                           : fmt::format("    n{}{{{{{}}}}}\n", node, label);
    }
    out += "  end\n";
  }
  for (const Edge& edge : graph.edges) {
    const char* arrow = edge.kind == Edge::Kind::Imports ? "-.->" : edge.kind == Edge::Kind::Lists ? "==>" : "-->";
    out += fmt::format("  n{} {} n{}\n", edge.from, arrow, edge.to);
  }
  return out;
}

std::string render_json(const RuleGraph& graph) {
  using Json = nlohmann::ordered_json;
  Json files = Json::array(), segments = Json::array(), partitions = Json::array();
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const Node& node = graph.nodes[i];
    const char* edge_key = node.kind == Node::Kind::File      ? "imports"
                           : node.kind == Node::Kind::Segment ? "references"
                                                              : "segments";
    Json targets = Json::array();
    for (const Edge& edge : graph.edges) {
      if (edge.from == i) targets.push_back(graph.nodes[edge.to].name);
    }
    if (node.kind == Node::Kind::File) {
      files.push_back(Json{{"path", node.name}, {edge_key, std::move(targets)}});
    } else {
      Json entry{{"name", node.name}, {"file", graph.nodes[node.file].name}, {edge_key, std::move(targets)}};
      (node.kind == Node::Kind::Segment ? segments : partitions).push_back(std::move(entry));
    }
  }
  const Json out{{"files", std::move(files)}, {"segments", std::move(segments)}, {"partitions", std::move(partitions)}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<std::vector<size_t>> affected(const RuleGraph& graph, const std::string& name) {
  std::set<size_t> touched;
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const Node& node = graph.nodes[i];
    if (node.kind != Node::Kind::File) {
      if (node.name == name) touched.insert(i);
      continue;
    }
    const bool same_file =
        node.name == name || std::filesystem::path(node.name).lexically_normal() ==
                                 std::filesystem::path(name).lexically_normal();
    if (!same_file) continue;
    if (graph.schema_file == i) {  // every rule reads the schema
      for (size_t j = 0; j < graph.nodes.size(); ++j) {
        if (graph.nodes[j].kind != Node::Kind::File) touched.insert(j);
      }
    }
    for (size_t declared : nodes_of_file(graph, i)) touched.insert(declared);
  }
  if (touched.empty()) return std::nullopt;
  // What refers to a touched node is touched: segments through references,
  // partitions through the segments they list. Edges point from user to used.
  for (bool grew = true; grew;) {
    grew = false;
    for (const Edge& edge : graph.edges) {
      if (edge.kind != Edge::Kind::Imports && touched.contains(edge.to)) grew |= touched.insert(edge.from).second;
    }
  }
  return std::vector<size_t>(touched.begin(), touched.end());
}

std::string render_affected_text(const RuleGraph& graph, const std::string& name, const std::vector<size_t>& nodes) {
  size_t segments = 0;
  for (size_t node : nodes) segments += graph.nodes[node].kind == Node::Kind::Segment ? 1 : 0;
  const size_t partitions = nodes.size() - segments;
  std::string out = fmt::format("a change to {} touches {} segment{} and {} partition{}:\n", name, segments,
                                segments == 1 ? "" : "s", partitions, partitions == 1 ? "" : "s");
  for (size_t node : nodes) {
    out += fmt::format("  {} {} ({})\n", kind_word(graph.nodes[node].kind), graph.nodes[node].name,
                       graph.nodes[graph.nodes[node].file].name);
  }
  return terminal_safe(out, LineBreaks::Keep);
}

std::string render_affected_json(const RuleGraph& graph, const std::string& name, const std::vector<size_t>& nodes) {
  using Json = nlohmann::ordered_json;
  Json segments = Json::array(), partitions = Json::array();
  for (size_t node : nodes) {
    (graph.nodes[node].kind == Node::Kind::Segment ? segments : partitions).push_back(graph.nodes[node].name);
  }
  const Json out{{"changed", name}, {"segments", std::move(segments)}, {"partitions", std::move(partitions)}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace segc::output
