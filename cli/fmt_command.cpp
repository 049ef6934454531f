// `segc fmt`: print, check or rewrite rule files in the canonical layout.
#include <fmt/format.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "command_support.h"
#include "commands.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/render.h"
#include "driver/input_expansion.h"
#include "driver/rules_root.h"
#include "diagnostics/terminal_text.h"
#include "driver/source_loader.h"
#include "format/formatter.h"
#include "format/unified_diff.h"
#include "output/staged_files.h"
#include "syntax/parser.h"

namespace segc::cli {
namespace {

void print_stdout(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
}

void print_diagnostics(DiagnosticList& diagnostics, const SourceManager& sources,
                       size_t error_limit) {
  diagnostics.sort_and_deduplicate();
  diagnostics.apply_limit(error_limit);
  RenderOptions options;
  options.color = stderr_wants_colour();
  const std::string text =
      render_diagnostics(DiagnosticFormat::Text, diagnostics, sources, options);
  std::fflush(stdout);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace

CLI::App* add_fmt_command(CLI::App& app, FmtOptions& options) {
  CLI::App* command = app.add_subcommand(
      "fmt", "Print rule files in the canonical layout, check or rewrite them");
  command->add_option("files", options.inputs,
                      "Rule files, or folders meaning every *.seg below them; - reads "
                      "standard input")
      ->required()
      ->check(not_empty("a rule file or folder, or - for standard input"));
  CLI::Option* write =
      command->add_flag("-w,--write", options.write,
                        "Rewrite files whose layout differs, in place and atomically");
  CLI::Option* check = command->add_flag(
      "--check", options.check,
      "Change nothing; list the files whose layout differs and exit 1 if there are any");
  command->add_flag("--diff", options.diff,
                    "Print a unified diff of the changes instead of the formatted text");
  command->add_option("--stdin-filename", options.stdin_filename,
                      "The name of standard input in messages")
      ->check(not_empty("a name"))
      ->capture_default_str();
  add_root_option(*command, options.root);
  add_error_limit_flag(*command, options.error_limit);
  write->excludes(check);
  check->excludes(write);
  return command;
}

int run_fmt_command(const FmtOptions& options) {
  std::vector<std::string> files;
  std::string error;
  // fmt reads no imports, but the files found in folders must not lead out
  // of the rules either: their syntax errors would quote what they lead to.
  const auto root = find_rules_root(options.inputs, options.root, error);
  if (!root) {
    std::fprintf(stderr, "segc fmt: %s\n", terminal_safe(error).c_str());
    return kExitUsage;
  }
  SourceManager sources;
  DiagnosticList folder_problems;
  if (!expand_inputs(options.inputs, *root, files, sources, folder_problems, error)) {
    std::fprintf(stderr, "segc fmt: %s\n", terminal_safe(error).c_str());
    return kExitUsage;
  }
  if (std::count(files.begin(), files.end(), "-") > 1) {
    std::fprintf(stderr, "segc fmt: standard input (-) can be read only once\n");
    return kExitUsage;
  }

  bool unreadable = false;
  // Entries of the folders given that are not rule files (a link loop, a FIFO).
  bool problems = folder_problems.has_errors();
  if (problems) print_diagnostics(folder_problems, sources, options.error_limit);
  const bool print_formatted = !options.check && !options.diff;
  const bool headers = print_formatted && !options.write && files.size() > 1;
  bool first_output = true;

  for (const std::string& path : files) {
    const bool from_stdin = path == "-";
    DiagnosticList diagnostics;
    const LoadedSource loaded =
        from_stdin ? load_stdin(sources, options.stdin_filename, diagnostics)
                   : load_source(sources, path, path, *root, diagnostics);
    if (loaded.file == nullptr) {
      std::fprintf(stderr, "segc fmt: %s\n", terminal_safe(describe_load_failure(path, loaded, *root)).c_str());
      unreadable = true;
      continue;
    }
    const SourceFile& file = *loaded.file;
    const std::string& name = file.display_path();
    if (diagnostics.has_errors()) {  // too large to read
      print_diagnostics(diagnostics, sources, options.error_limit);
      problems = true;
      continue;
    }
    auto parsed = parse_module(file, options.error_limit);
    if (!parsed) throw std::runtime_error(llvm::toString(parsed.takeError()));
    diagnostics.append(std::move(parsed->diagnostics));
    diagnostics.count_omitted(file.id(), Severity::Error, parsed->omitted_errors);
    if (parsed->has_syntax_errors || diagnostics.has_errors()) {
      // Declarations with errors are not in the AST: formatting would drop them.
      print_diagnostics(diagnostics, sources, options.error_limit);
      problems = true;
      continue;
    }

    const std::string formatted = format_module(parsed->module, file);
    // SourceFile drops a byte order mark; put it back to compare with the file.
    const std::string original =
        !from_stdin && file.had_byte_order_mark() ? "\xEF\xBB\xBF" + file.text() : file.text();
    const bool changed = formatted != original;

    if (options.diff && changed) {
      // Names and lines escaped as everywhere else: --check --diff runs on
      // pull requests in CI, whose logs a raw ESC would rewrite.
      const std::string shown = terminal_safe(name);
      print_stdout(terminal_safe(
          unified_diff(original, formatted, shown + "\t(original)", shown + "\t(formatted)"),
          LineBreaks::Keep));
    }
    if (options.check) {
      if (changed) {
        if (!options.diff) print_stdout(terminal_safe(name) + "\n");
        problems = true;
      }
      continue;
    }
    if (options.write && !from_stdin) {
      if (changed && !output::write_file_atomically(path, formatted, error)) {
        std::fprintf(stderr, "segc fmt: %s\n", terminal_safe(error).c_str());
        unreadable = true;
      }
      continue;
    }
    if (print_formatted) {
      if (headers) {
        print_stdout(fmt::format("{}==> {} <==\n", first_output ? "" : "\n", terminal_safe(name)));
      }
      print_stdout(formatted);
      first_output = false;
    }
  }
  std::fflush(stdout);
  if (unreadable) return kExitUsage;
  return problems ? kExitProblems : kExitOk;
}

}  // namespace segc::cli
