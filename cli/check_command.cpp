// segc check: parse, resolve imports, type-check and lint; print diagnostics.
#include <fmt/format.h>
#include <fcntl.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "command_support.h"
#include "commands.h"
#include "diagnostics/render.h"
#include "diagnostics/terminal_text.h"
#include "driver/check_driver.h"
#include "runtime/output_file_mode.h"

namespace segc::cli {
namespace {

DiagnosticFormat parse_format(const std::string& name) {
  if (name == "json") return DiagnosticFormat::Json;
  if (name == "sarif") return DiagnosticFormat::Sarif;
  if (name == "github") return DiagnosticFormat::Github;
  if (name == "junit") return DiagnosticFormat::Junit;
  return DiagnosticFormat::Text;
}

// SARIF wants repository-relative paths: the nearest folder above the current
// one that holds .git, else the current folder.
std::string repository_root() {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path current = fs::current_path(error);
  for (fs::path folder = current; !folder.empty(); folder = folder.parent_path()) {
    if (fs::exists(folder / ".git", error)) return folder.string();
    if (folder == folder.parent_path()) break;
  }
  return current.string();
}

// Appended to, as GitHub's own steps do; a file segc has to create follows
// the umask but is never writable by others (runtime/output_file_mode.h).
// A summary that cannot be written is a warning: the findings are already
// on stdout, and the exit code stays the check's.
void append_step_summary(const CheckOutcome& outcome) {
  const char* summary_path = std::getenv("GITHUB_STEP_SUMMARY");
  if (summary_path == nullptr || *summary_path == '\0') return;
  const std::string summary = render_github_step_summary(outcome.diagnostics, outcome.sources);
  const int fd = ::open(summary_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, runtime::output_file_mode());
  std::string problem;
  if (fd < 0) {
    problem = std::strerror(errno);
  } else {
    for (size_t written = 0; written < summary.size();) {
      const ssize_t n = ::write(fd, summary.data() + written, summary.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        problem = n < 0 ? std::strerror(errno) : "nothing was written";
        break;
      }
      written += static_cast<size_t>(n);
    }
    if (::close(fd) != 0 && problem.empty()) problem = std::strerror(errno);
  }
  if (!problem.empty()) {
    print_warning(fmt::format("cannot append the summary to GITHUB_STEP_SUMMARY={}: {}",
                              terminal_safe(summary_path), problem));
  }
}

}  // namespace

CLI::App* add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* command = app.add_subcommand(
      "check", "Parse, resolve imports and type-check rule files, and print diagnostics");
  command->add_option("files", options.inputs,
                      "Rule files, or folders meaning every *.seg below them; - reads stdin")
      ->required()
      ->check(not_empty("a rule file or folder, or - for standard input"));
  add_choice_option(*command, "--format", options.format, {"text", "json", "sarif", "github", "junit"},
                    "Diagnostics as text (stderr) or json, sarif, github, junit (stdout)");
  command->add_flag("--werror", options.werror, "Treat warnings as errors");
  add_root_option(*command, options.root);
  add_error_limit_flag(*command, options.error_limit);
  return command;
}

int run_check_command(const CheckOptions& options) {
  CheckSettings settings;
  settings.warnings_as_errors = options.werror;
  settings.rules_root = options.root;
  settings.error_limit = options.error_limit;
  auto outcome = run_check(options.inputs, settings);
  if (!outcome) {
    throw std::runtime_error(llvm::toString(outcome.takeError()));
  }
  const CheckOutcome& result = **outcome;
  if (!result.usage_error.empty()) {
    std::fprintf(stderr, "segc: %s\n", terminal_safe(result.usage_error).c_str());
    return kExitUsage;
  }
  const DiagnosticFormat format = parse_format(options.format);
  RenderOptions render;
  render.checked_files = result.root_files;
  if (format == DiagnosticFormat::Text) {
    render.color = stderr_wants_colour();
    std::cerr << render_diagnostics(format, result.diagnostics, result.sources, render);
    const size_t errors = result.diagnostics.error_count();
    const size_t warnings = result.diagnostics.warning_count();
    if (errors + warnings > 0) {
      std::cerr << fmt::format("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s",
                               warnings, warnings == 1 ? "" : "s");
    }
  } else {
    render.base_directory = repository_root();
    std::cout << render_diagnostics(format, result.diagnostics, result.sources, render);
    if (format == DiagnosticFormat::Github) append_step_summary(result);
  }
  std::cout.flush();
  return result.diagnostics.has_errors() ? kExitProblems : kExitOk;
}

}  // namespace segc::cli
