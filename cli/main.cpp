// segc: the Seg compiler's command line.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "commands.h"
#include "diagnostics/terminal_text.h"

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
  } catch (const std::exception& e) {
    std::fprintf(stderr,
                 "segc: internal error: %s\nThis is a bug in segc; please report it with the "
                 "command and the input that caused it.\n",
                 segc::terminal_safe(e.what()).c_str());
    return kExitInternal;
  }
  return kExitUsage;
}
