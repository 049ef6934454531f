// segc: the Seg compiler's command line.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "commands.h"
#include "diagnostics/terminal_text.h"
#include "semantic/suggestions.h"

namespace {

// CLI11 says only "A subcommand is required" for a misspelt command: name
// it, suggest the nearest command and list them all. Empty when the first
// argument is a flag or a command.
std::string command_word_problem(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({})) names.push_back(command->get_name());
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  const std::string commands = "the commands are: " + list + " (segc --help says what each does)";
  if (argc < 2) return "segc: no command given; " + commands;
  const std::string word = argv[1];
  if (word.empty() || word[0] == '-') return {};
  for (const std::string& name : names) {
    if (word == name) return {};
  }
  std::string message = "segc: unknown command '" + segc::terminal_safe(word) + "'";
  if (auto near = segc::closest_match(word, names)) message += "; did you mean '" + *near + "'?";
  return message + "\nsegc: " + commands;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace segc::cli;
  CLI::App app{"segc: compile and check Seg customer-segment rules", "segc"};
  app.set_version_flag("--version", std::string("segc ") + SEGC_VERSION);
  app.require_subcommand(1);
  // Flag errors read like segc's other messages ("segc: --out: ..."), with
  // the value given escaped as every quoted value is.
  app.failure_message([](const CLI::App* failed, const CLI::Error& error) {
    return "segc: " + segc::terminal_safe(CLI::FailureMessage::simple(failed, error), segc::LineBreaks::Keep);
  });

  CheckOptions check;
  CLI::App* check_command = add_check_command(app, check);
  FmtOptions fmt;
  CLI::App* fmt_command = add_fmt_command(app, fmt);
  TestOptions test;
  CLI::App* test_command = add_test_command(app, test);
  RunOptions run;
  CLI::App* run_command = add_run_command(app, run);
  ImportOptions import;
  CLI::App* import_command = add_import_command(app, import);
  ExplainOptions explain;
  CLI::App* explain_command = add_explain_command(app, explain);
  GraphOptions graph;
  CLI::App* graph_command = add_graph_command(app, graph);
  DiffOptions diff;
  CLI::App* diff_command = add_diff_command(app, diff);

  if (std::string problem = command_word_problem(app, argc, argv); !problem.empty()) {
    std::fprintf(stderr, "%s\n", problem.c_str());
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }

  try {
    if (check_command->parsed()) return run_check_command(check);
    if (fmt_command->parsed()) return run_fmt_command(fmt);
    if (test_command->parsed()) return run_test_command(test);
    if (run_command->parsed()) return run_run_command(run);
    if (import_command->parsed()) return run_import_command(import);
    if (explain_command->parsed()) return run_explain_command(explain);
    if (graph_command->parsed()) return run_graph_command(graph);
    if (diff_command->parsed()) return run_diff_command(diff);
  } catch (const std::exception& e) {
    std::fprintf(stderr,
                 "segc: internal error: %s\nThis is a bug in segc; please report it with the "
                 "command and the input that caused it.\n",
                 segc::terminal_safe(e.what()).c_str());
    return kExitInternal;
  }
  return kExitUsage;
}
