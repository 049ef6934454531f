// segc: the Seg compiler's command line.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
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

// A subcommand: its CLI11 app, and how to run it with the options parsed into it.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

template <class Options, class Add, class Run>
void add_command(std::vector<Command>& commands, CLI::App& app, Add add, Run run) {
  auto options = std::make_shared<Options>();
  CLI::App* command = add(app, *options);
  commands.push_back({command, [options, run] { return run(*options); }});
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

  std::vector<Command> commands;
  add_command<CheckOptions>(commands, app, add_check_command, run_check_command);
  add_command<FmtOptions>(commands, app, add_fmt_command, run_fmt_command);
  add_command<TestOptions>(commands, app, add_test_command, run_test_command);
  add_command<RunOptions>(commands, app, add_run_command, run_run_command);
  add_command<ImportOptions>(commands, app, add_import_command, run_import_command);
  add_command<ExplainOptions>(commands, app, add_explain_command, run_explain_command);
  add_command<GraphOptions>(commands, app, add_graph_command, run_graph_command);
  add_command<DiffOptions>(commands, app, add_diff_command, run_diff_command);
  add_command<ReportOptions>(commands, app, add_report_command, run_report_command);

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
    for (const Command& command : commands) {
      if (command.app->parsed()) return command.run();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr,
                 "segc: internal error: %s\nThis is a bug in segc; please report it with the "
                 "command and the input that caused it.\n",
                 segc::terminal_safe(e.what()).c_str());
    return kExitInternal;
  }
  return kExitUsage;
}
