// segc explain: why one customer is, or is not, in a segment, a partition
// group, or which group of a partition it falls in (docs/explain.md).
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "command_support.h"
#include "commands.h"
#include "data_input.h"
#include "diagnostics/terminal_text.h"
#include "driver/customer_lookup.h"
#include "driver/explain_target.h"
#include "driver/run_selection.h"
#include "evaluate/customer_view.h"
#include "evaluate/data_lints.h"
#include "evaluate/explain.h"
#include "evaluate/table_schema.h"
#include "evaluate/three_valued_logic.h"
#include "runtime/calendar.h"

namespace segc::cli {
namespace {

using Json = nlohmann::ordered_json;

// A field's value for tools: numbers as numbers (decimals as exact text),
// dates as YYYY-MM-DD, sets as arrays, missing as null.
Json json_value(const evaluate::Value& value) {
  using namespace evaluate;
  if (is_missing(value)) return nullptr;
  if (const auto* truth = std::get_if<bool>(&value)) return *truth;
  if (const auto* number = std::get_if<int64_t>(&value)) return *number;
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* option = std::get_if<EnumValue>(&value)) return option->text();
  if (const auto* date = std::get_if<DateValue>(&value)) return calendar::format_iso_date(date->days);
  if (const auto* set = std::get_if<SetValue>(&value)) return set->elements;
  return show_value(value);  // a decimal, exactly as written
}

Json json_tree(const evaluate::ExplainNode& node) {
  Json children = Json::array();
  for (const evaluate::ExplainNode& child : node.children) children.push_back(json_tree(child));
  Json value = node.kind == evaluate::ExplainNode::Kind::Cut ? Json(nullptr) : Json(node.value);
  return Json{{"text", node.text}, {"value", value}, {"children", std::move(children)}};
}

// The rule's own three-valued value: "unknown" is not a member.
std::string rule_value(const CheckedProgram& program, size_t segment, const evaluate::RowView& view,
                       const evaluate::EvaluationContext& context) {
  const evaluate::Value value =
      evaluate::evaluate_expression(program, *program.segments[segment].declaration->where, view, context);
  if (evaluate::is_missing(value)) return "unknown";
  return evaluate::is_true(value) ? "true" : "false";
}

struct Customer {
  const CheckedProgram& program;
  const SourceManager& sources;
  const evaluate::CustomerView& view;
  const evaluate::EvaluationContext& context;
  evaluate::ExplainLimits limits;
};

Json json_segment(const Customer& customer, size_t segment) {
  const bool member = customer.view.member(segment);
  return Json{{"segment", customer.program.segments[segment].name},
              {"member", member},
              {"value", rule_value(customer.program, segment, customer.view, customer.context)},
              {"tree", json_tree(evaluate::explain_tree(customer.program, customer.sources, segment,
                                                        customer.view, customer.context, customer.limits))}};
}

std::string text_segment(const Customer& customer, size_t segment, int indent) {
  return evaluate::explain_segment(customer.program, customer.sources, segment, customer.view, customer.context,
                                   indent, customer.limits);
}

// The headline of a partition or one of its groups.
std::string partition_headline(const ExplainTarget& target, const std::optional<std::string>& group) {
  const std::string in = group ? fmt::format("group '{}'", *group) : "no group";
  if (target.kind == ExplainTarget::Kind::Group) {
    const bool member = group && *group == target.group;
    return fmt::format("{}.{} → {}", target.name, target.group,
                       member ? "member" : fmt::format("not a member (the customer is in {})", in));
  }
  return fmt::format("{} → {}", target.name, in);
}

// The fields the explained segments read (through references too), but not
// the key, which heads the explanation.
std::vector<size_t> fields_shown(const CheckedProgram& program, const std::vector<size_t>& segments) {
  std::vector<size_t> fields = fields_read(program, segments);
  std::erase(fields, program.schema.key_index);
  return fields;
}

int explain(const ExplainOptions& options, const Customer& customer, const ExplainTarget& target,
            const std::string& key_text, bool int_key) {
  const CheckedProgram& program = customer.program;
  const std::string as_of = calendar::format_iso_date(customer.context.today);
  const std::optional<PartitionOutcome> partition =
      target.kind == ExplainTarget::Kind::Segment
          ? std::nullopt
          : std::optional(partition_outcome(program, target.partition, customer.view));
  const std::vector<size_t> fields = fields_shown(program, partition ? partition->decided_by : target.segments);
  if (options.format == "json") {
    Json out;
    if (target.kind == ExplainTarget::Kind::Group) {
      out["segment"] = target.name + "." + target.group;
      out["partition"] = target.name;
    } else {
      out[target.kind == ExplainTarget::Kind::Segment ? "segment" : "partition"] = target.name;
    }
    out["key"] = int_key ? Json(std::stoll(key_text)) : Json(key_text);
    out["data"] = options.data;
    out["as_of"] = as_of;
    Json values = Json::object();
    for (size_t field : fields) values[program.schema.fields[field].name] = json_value(customer.view.field(field));
    if (target.kind == ExplainTarget::Kind::Segment) {
      Json segment = json_segment(customer, target.segment);
      out["member"] = segment["member"];
      out["value"] = segment["value"];
      out["fields"] = std::move(values);
      out["tree"] = std::move(segment["tree"]);
    } else {
      const PartitionOutcome& outcome = *partition;
      if (target.kind == ExplainTarget::Kind::Group) {
        const bool member = outcome.group && *outcome.group == target.group;
        out["member"] = member;
        out["value"] = member ? "true" : "false";
      }
      out["group"] = outcome.group ? Json(*outcome.group) : Json(nullptr);
      out["fields"] = std::move(values);
      Json segments = Json::array();
      for (size_t segment : outcome.decided_by) segments.push_back(json_segment(customer, segment));
      out["segments"] = std::move(segments);
    }
    std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  std::string text = fmt::format("customer {} ({}, as of {})\n", key_text, options.data, as_of);
  for (size_t field : fields) {
    text += fmt::format("  {} = {}\n", program.schema.fields[field].name,
                        evaluate::show_value(customer.view.field(field)));
  }
  text += "\n";
  if (target.kind == ExplainTarget::Kind::Segment) {
    text += text_segment(customer, target.segment, 0);
  } else {
    text += partition_headline(target, partition->group) + "\n";
    for (size_t segment : partition->decided_by) text += text_segment(customer, segment, 2);
  }
  std::fputs(terminal_safe(text, LineBreaks::Keep).c_str(), stdout);
  return kExitOk;
}

}  // namespace

CLI::App* add_explain_command(CLI::App& app, ExplainOptions& options) {
  CLI::App* command = app.add_subcommand(
      "explain", "Show why one customer is or is not in a segment: the value of every sub-expression");
  command->add_option("arguments", options.arguments,
                      "Rule files or folders, then the segment, partition or PARTITION.GROUP to explain")
      ->check(not_empty("a rule file or folder, or a segment name"));
  add_data_flag(*command, options.data);
  command->add_option("--key", options.key, "The customer's key, as in the data")
      ->required()
      ->check(not_empty("a customer's key"));
  add_date_flags(*command, options.as_of, options.timezone,
                 "The date `today` means, YYYY-MM-DD (default: the current date)");
  command->add_option("--depth", options.depth,
                      "How many levels of referenced segments to expand (default 1: the segment's own rule)")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  add_choice_option(*command, "--format", options.format, {"text", "json"},
                    "text (default) or json");
  add_root_option(*command, options.root);
  add_error_limit_flag(*command, options.error_limit);
  add_csv_format_flags(*command, options.csv);
  return command;
}

int run_explain_command(const ExplainOptions& options) {
  if (options.arguments.size() < 2) {
    print_error("explain needs rule files, then the segment to explain: "
                "segc explain FILES... --data DATA --key ID SEGMENT");
    return kExitUsage;
  }
  const std::vector<std::string> files(options.arguments.begin(), options.arguments.end() - 1);
  const std::string& target_name = options.arguments.back();
  const std::optional<DateAndData> checked =
      check_date_and_data(options.as_of, options.timezone, options.data, options.csv);
  if (!checked) return kExitUsage;
  const std::optional<int32_t> today = checked->today;
  const bool columnar = checked->columnar;
  CompiledRules rules = compile_rules(files, /*werror=*/false, options.root, options.error_limit,
                                      "nothing was explained");
  if (rules.exit_code) return *rules.exit_code;
  const CheckOutcome& outcome = *rules.outcome;
  const CheckedProgram& program = *outcome.program;
  const ExplainTarget target = explain_target(program, target_name);
  if (!target.error.empty()) {
    print_error(target.error);
    return kExitUsage;
  }
  const runtime::TableSchema schema = evaluate::table_schema_for(program.schema);
  LoadedData data;
  if (columnar) {
    data = open_columnar_data(options.data, schema, fields_read(program, target.segments));
  } else {
    // Bad rows elsewhere in the file do not stop the explanation of this one.
    CsvFlags flags = options.csv;
    flags.on_error = "skip";
    flags.error_limit = options.error_limit;
    data = load_csv_data(options.data, schema, flags, {}, "nothing was explained");
  }
  if (data.exit_code) return *data.exit_code;
  const CustomerLookup lookup = find_customer(data.table, options.key);
  if (!lookup.problem.empty()) {
    print_error(fmt::format("--key: '{}' is not a key: {}", options.key, lookup.problem));
    return kExitUsage;
  }
  if (!lookup.row) {
    std::string message = fmt::format("--key: no customer has the key '{}' in {}", options.key, options.data);
    if (!lookup.nearest.empty()) message += fmt::format(" (nearest keys: {})", fmt::join(lookup.nearest, ", "));
    if (!data.rejected.empty()) {
      message += fmt::format("; {} row{} with bad values were left out (segc run shows why)", data.rejected.size(),
                             data.rejected.size() == 1 ? "" : "s");
    }
    print_error(message);
    return kExitUsage;
  }
  // What the data says about the rules, before the one customer: a value no
  // customer has often is the answer to "why is this customer not in it?".
  report_data_warnings(evaluate::data_lints(program, outcome.sources, data.table, options.data, target.segments,
                                            nullptr),
                       outcome.sources, /*werror=*/false, "");
  const evaluate::EvaluationContext context{*today};
  const evaluate::CustomerView view(program, data.table, *lookup.row, context);
  evaluate::ExplainLimits limits;
  limits.max_segment_depth = options.depth;
  limits.max_lines = 5000;
  limits.name_depth_flag = true;
  const Customer customer{program, outcome.sources, view, context, limits};
  const bool int_key = data.table.key().spec.kind != runtime::ColumnKind::String;
  const std::string key_text =
      int_key ? std::to_string(data.table.key().int_at(*lookup.row)) : options.key;
  return explain(options, customer, target, key_text, int_key);
}

}  // namespace segc::cli
