// The segc subcommands. Each registers its flags on the CLI11 app and runs
// with the parsed options, returning the process exit code (CLI.md):
// 0 success, 1 problems in the rules or data were reported, 2 the command could
// not run (bad flags, unreadable file), 3 internal error.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"

namespace segc::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

// --root DIR of the commands that read rule files (docs/imports.md).
void add_root_option(CLI::App& command, std::string& root);
// --error-limit N: errors (and warnings) printed per file, 0 for all.
void add_error_limit_flag(CLI::App& command, size_t& error_limit);

struct CheckOptions {
  std::vector<std::string> inputs;
  std::string root;
  std::string format = "text";
  bool werror = false;
  size_t error_limit = kDefaultErrorLimit;
};
CLI::App* add_check_command(CLI::App& app, CheckOptions& options);
int run_check_command(const CheckOptions& options);

struct FmtOptions {
  std::vector<std::string> inputs;  // "-" reads stdin
  std::string root;
  bool write = false;
  bool check = false;
  bool diff = false;
  std::string stdin_filename = "<stdin>";
  size_t error_limit = kDefaultErrorLimit;
};
CLI::App* add_fmt_command(CLI::App& app, FmtOptions& options);
int run_fmt_command(const FmtOptions& options);

// How CSV data is read (run and import): docs/data-formats.md.
struct CsvFlags {
  std::string delimiter;  // detected when empty
  std::string date_format = "YYYY-MM-DD";
  bool decimal_comma = false;
  std::string on_error = "fail";
  std::string rejects;
  unsigned threads = 0;  // loading threads, 0: all cores (the command's --threads)
  size_t error_limit = kDefaultErrorLimit;  // data errors printed, 0: all (the command's --error-limit)

  bool any_given() const {
    return !delimiter.empty() || date_format != "YYYY-MM-DD" || decimal_comma || on_error != "fail" ||
           !rejects.empty();
  }
};
void add_csv_flags(CLI::App& command, CsvFlags& flags, const std::string& rejects_default);
// Only how the file is written: --delimiter, --date-format, --decimal-comma.
void add_csv_format_flags(CLI::App& command, CsvFlags& flags);
// --on-error fail|skip; `skip_means` says what the command does with bad rows.
void add_on_error_flag(CLI::App& command, CsvFlags& flags, const std::string& skip_means);

struct RunOptions {
  std::vector<std::string> inputs;
  std::string root;
  std::string data;
  std::string as_of;
  std::string timezone = "UTC";
  std::vector<std::string> segments;
  unsigned threads = 0;  // all cores
  std::string format = "table";
  std::string out;
  std::string out_format = "keys";  // keys, roaring or roaring64
  bool emit_llvm = false;
  std::string engine = "jit";
  bool no_cache = false;
  bool werror = false;
  size_t error_limit = kDefaultErrorLimit;
  CsvFlags csv;
};
CLI::App* add_run_command(CLI::App& app, RunOptions& options);
int run_run_command(const RunOptions& options);

struct ImportOptions {
  std::string csv_path;
  std::vector<std::string> schema;  // rule files or folders holding the schema
  std::string root;
  std::string out;
  size_t error_limit = kDefaultErrorLimit;
  CsvFlags csv;
};
CLI::App* add_import_command(CLI::App& app, ImportOptions& options);
int run_import_command(const ImportOptions& options);

struct TestOptions {
  std::vector<std::string> inputs;
  std::string root;
  std::string as_of;  // for test blocks without `as of`
  std::string timezone = "UTC";
  std::string engine = "jit";
  bool no_cache = false;
  bool werror = false;
  size_t error_limit = kDefaultErrorLimit;
};
CLI::App* add_test_command(CLI::App& app, TestOptions& options);
int run_test_command(const TestOptions& options);

struct ExplainOptions {
  std::vector<std::string> arguments;  // FILES... SEGMENT
  std::string root;
  std::string data;
  std::string key;
  std::string as_of;
  std::string timezone = "UTC";
  int depth = 1;
  std::string format = "text";
  size_t error_limit = kDefaultErrorLimit;
  CsvFlags csv;
};
CLI::App* add_explain_command(CLI::App& app, ExplainOptions& options);
int run_explain_command(const ExplainOptions& options);

struct GraphOptions {
  std::vector<std::string> inputs;
  std::string root;
  std::string format = "dot";
  std::string affected;
  size_t error_limit = kDefaultErrorLimit;
};
CLI::App* add_graph_command(CLI::App& app, GraphOptions& options);
int run_graph_command(const GraphOptions& options);

struct DiffOptions {
  std::vector<std::string> inputs;
  std::string base;
  std::string root;
  std::string data;
  std::string as_of;
  std::string timezone = "UTC";
  std::string format = "text";
  std::optional<double> fail_on_change;
  size_t examples = 5;
  bool all = false;
  unsigned threads = 0;
  size_t error_limit = kDefaultErrorLimit;
  CsvFlags csv;
};
CLI::App* add_diff_command(CLI::App& app, DiffOptions& options);
int run_diff_command(const DiffOptions& options);

struct ReportOptions {
  std::vector<std::string> inputs;
  std::string root;
  std::string data;
  std::string out;
  std::string as_of;
  std::string timezone = "UTC";
  std::vector<std::string> segments;
  std::vector<std::string> profile;
  std::vector<std::string> history;
  size_t heat_map = 40;
  unsigned threads = 0;
  bool werror = false;
  size_t error_limit = kDefaultErrorLimit;
  CsvFlags csv;
};
CLI::App* add_report_command(CLI::App& app, ReportOptions& options);
int run_report_command(const ReportOptions& options);

}  // namespace segc::cli
