// segc graph: files, segments and partitions with the references between
// them, for reviewers and documentation (docs/graph.md).
#include <fmt/format.h>

#include <cstdio>

#include "command_support.h"
#include "commands.h"
#include "output/rule_graph.h"
#include "semantic/suggestions.h"

namespace segc::cli {

CLI::App* add_graph_command(CLI::App& app, GraphOptions& options) {
  CLI::App* command = app.add_subcommand(
      "graph", "Print the segments, partitions and imports of rule files with the references between them");
  add_rule_files_option(*command, options.inputs);
  add_choice_option(*command, "--format", options.format, {"dot", "mermaid", "json"},
                    "dot (Graphviz, default), mermaid or json");
  command->add_option("--affected", options.affected,
                      "List what a change to this segment, partition or rule file touches, instead of the graph")
      ->check(not_empty("a segment, partition or rule file"));
  add_root_option(*command, options.root);
  add_error_limit_flag(*command, options.error_limit);
  return command;
}

int run_graph_command(const GraphOptions& options) {
  if (!options.affected.empty() && options.format == "mermaid") {
    print_error("--affected lists names: --format text (the default with --affected) or json");
    return kExitUsage;
  }
  CompiledRules rules = compile_rules(options.inputs, /*werror=*/false, options.root, options.error_limit,
                                      "no graph was drawn");
  if (rules.exit_code) return *rules.exit_code;
  const output::RuleGraph graph = output::rule_graph(*rules.outcome->program, rules.outcome->sources);
  if (!options.affected.empty()) {
    auto nodes = output::affected(graph, options.affected);
    if (!nodes) {
      std::vector<std::string> names;
      for (const output::RuleGraph::Node& node : graph.nodes) names.push_back(node.name);
      std::string message = fmt::format("--affected: no segment, partition or rule file is called '{}'", options.affected);
      if (auto near = closest_match(options.affected, names)) message += fmt::format(" (did you mean '{}'?)", *near);
      print_error(message);
      return kExitUsage;
    }
    const std::string out = options.format == "json" ? output::render_affected_json(graph, options.affected, *nodes)
                                                     : output::render_affected_text(graph, options.affected, *nodes);
    std::fputs(out.c_str(), stdout);
    return kExitOk;
  }
  const std::string out = options.format == "json"      ? output::render_json(graph)
                          : options.format == "mermaid" ? output::render_mermaid(graph)
                                                        : output::render_dot(graph);
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace segc::cli
