#include "data_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "command_support.h"
#include "diagnostics/terminal_text.h"
#include "runtime/columnar_file.h"
#include "runtime/csv_hints.h"
#include "runtime/csv_values.h"

namespace segc::cli {
namespace {

// Data errors quote the file's header and values: nothing of them raw.
void print_line(const std::string& text) {
  std::fprintf(stderr, "%s\n", terminal_safe(text).c_str());
}

void print_data_errors(const std::string& path, const std::vector<runtime::DataError>& errors) {
  for (const runtime::DataError& error : errors) {
    std::string where = error.column > 0 ? fmt::format("{}:{}:{}", path, error.line, error.column)
                        : error.line > 0 ? fmt::format("{}:{}", path, error.line)
                                         : path;
    std::string line = fmt::format("{}: error: {}", where, error.message);
    if (!error.field.empty() || !error.text.empty()) {
      line += fmt::format(" (field '{}', text \"{}\")", error.field, error.text);
    }
    print_line(line);
  }
}

}  // namespace

runtime::CsvOptions csv_options(const CsvFlags& flags) {
  runtime::CsvOptions csv;
  if (flags.delimiter == "tab" || flags.delimiter == "\\t") {
    csv.delimiter = '\t';
  } else if (!flags.delimiter.empty()) {
    csv.delimiter = flags.delimiter[0];
  }
  csv.date_format = flags.date_format;
  csv.decimal_comma = flags.decimal_comma;
  csv.skip_bad_rows = flags.on_error == "skip";
  csv.max_reported_errors = flags.error_limit;
  // Loading gives the same table on any number of threads (data-formats.md).
  csv.threads = flags.threads != 0 ? flags.threads : std::max(1u, std::thread::hardware_concurrency());
  return csv;
}

std::string csv_flags_problem(const CsvFlags& flags) {
  if (!flags.rejects.empty() && flags.on_error != "skip") {
    return "--rejects needs --on-error skip: without it a bad row stops the command and no row is "
           "rejected; add --on-error skip, or leave out --rejects";
  }
  return "";
}

void add_csv_format_flags(CLI::App& command, CsvFlags& flags) {
  command.add_option("--delimiter", flags.delimiter,
                     "CSV delimiter: ',', ';' or tab (default: detected from the header)")
      ->check(not_empty("',', ';' or tab, or leave out --delimiter to detect it"))
      ->check(CLI::IsMember({",", ";", "tab", "\\t", "\t"}));
  command.add_option("--date-format", flags.date_format, "How dates are written in the data, e.g. DD.MM.YYYY")
      ->check(not_empty("a date format such as DD.MM.YYYY"))
      ->check(
          [](const std::string& text) {
            runtime::csv::DateFormat format;
            return runtime::csv::compile_date_format(text, format);
          },
          "")
      ->capture_default_str();
  command.add_flag("--decimal-comma", flags.decimal_comma, "Decimals and floats use ',' as the decimal point");
}

void add_on_error_flag(CLI::App& command, CsvFlags& flags, const std::string& skip_means) {
  add_choice_option(command, "--on-error", flags.on_error, {"fail", "skip"},
                    "fail (default): report bad rows and stop; skip: " + skip_means);
}

void add_csv_flags(CLI::App& command, CsvFlags& flags, const std::string& rejects_default) {
  add_csv_format_flags(command, flags);
  add_on_error_flag(command, flags, "leave them out and write them to the rejects file");
  command.add_option("--rejects", flags.rejects,
                     "Where --on-error skip writes rejected rows (default: " + rejects_default + ")")
      ->check(not_empty("a file"));
}

namespace {

// Says once what flag or command fixes errors that come from how the file
// was exported (runtime/csv_hints.h).
void print_export_hints(const std::string& path, const std::vector<const runtime::DataError*>& errors,
                        const CsvFlags& flags) {
  std::string start;
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {  // reading a FIFO again would wait forever
    start.resize(256 * 1024);
    std::ifstream file(path, std::ios::binary);
    file.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<size_t>(std::max<std::streamsize>(file.gcount(), 0)));
  }
  for (const std::string& hint : runtime::csv::export_hints(errors, csv_options(flags), path, start)) {
    print_line(fmt::format("{}: hint: {}", path, hint));
  }
}

}  // namespace

LoadedData load_csv_data(const std::string& path, const runtime::TableSchema& schema, const CsvFlags& flags,
                         const runtime::ColumnSink& sink, std::string_view nothing_done) {
  LoadedData loaded;
  runtime::CsvLoadResult data = runtime::load_csv_file(path, schema, csv_options(flags), sink);
  if (!data.fatal.empty()) {
    print_error(data.fatal);
    loaded.exit_code = kExitUsage;
    return loaded;
  }
  if (data.error_count > 0) {
    print_data_errors(path, data.errors);
    if (data.error_count > data.errors.size()) {
      const size_t more = data.error_count - data.errors.size();
      print_line(
          fmt::format("{}: {} more problem{} not shown (--error-limit 0 shows all)", path, more, more == 1 ? "" : "s"));
    }
    std::vector<const runtime::DataError*> errors;
    for (const runtime::DataError& error : data.errors) errors.push_back(&error);
    print_export_hints(path, errors, flags);
    // Only bad rows can be left out: not a bad header, and not when they already are.
    const bool rows_at_fault = std::any_of(data.errors.begin(), data.errors.end(),
                                           [](const runtime::DataError& error) { return error.line > 1; });
    print_line(fmt::format("{}: bad data, {}{}", path, nothing_done,
                           rows_at_fault && flags.on_error != "skip" ? " (--on-error skip leaves bad rows out)" : ""));
    loaded.exit_code = kExitProblems;
    return loaded;
  }
  if (!data.rejected.empty()) {
    std::vector<const runtime::DataError*> reasons;
    for (const runtime::RejectedRow& row : data.rejected) reasons.push_back(&row.reason);
    print_export_hints(path, reasons, flags);
  }
  loaded.rejected = std::move(data.rejected);
  loaded.table = std::move(data.table);
  return loaded;
}

bool stage_rejects(output::StagedFiles& file, const std::vector<runtime::RejectedRow>& rejected,
                   const std::string& rejects_path) {
  const std::filesystem::path folder = std::filesystem::path(rejects_path).parent_path();
  std::error_code ignored;
  if (!folder.empty()) std::filesystem::create_directories(folder, ignored);
  std::string error;
  if (!file.add(rejects_path, runtime::render_rejects(rejected), error)) {
    print_error(error);
    return false;
  }
  return true;
}

bool commit_rejects(output::StagedFiles& file, const std::string& data_path, size_t rows,
                    const std::string& rejects_path) {
  std::string error;
  if (!file.commit(error)) {
    print_error(error);
    return false;
  }
  print_rejects_written(data_path, rows, rejects_path);
  return true;
}

void print_rejects_written(const std::string& data_path, size_t rows, const std::string& rejects_path) {
  print_line(fmt::format("{}: {} bad row{} left out, written to {}", data_path, rows, rows == 1 ? "" : "s",
                         rejects_path));
}

void add_data_flag(CLI::App& command, std::string& data) {
  command.add_option("--data", data, "Customer data: a CSV file, or a columnar file written by segc import")
      ->required()
      ->check(not_empty("a CSV file or a columnar file"));
}

std::string data_flags_problem(const std::string& data, const CsvFlags& csv, bool& columnar) {
  if (std::string problem = unreadable_input(data); !problem.empty()) return "--data: " + problem;
  columnar = runtime::is_columnar_file(data);
  if (columnar && csv.any_given()) {
    return fmt::format("{} is a columnar file: --delimiter, --date-format, --decimal-comma, "
                       "--on-error and --rejects apply to CSV data only (segc import took them)",
                       data);
  }
  return csv_flags_problem(csv);
}

std::optional<DateAndData> check_date_and_data(const std::string& as_of, const std::string& timezone,
                                               const std::string& data, const CsvFlags& csv) {
  std::optional<int32_t> today = evaluation_date(as_of, timezone);
  if (!today) return std::nullopt;
  DateAndData checked{*today, false};
  if (std::string problem = data_flags_problem(data, csv, checked.columnar); !problem.empty()) {
    print_error(problem);
    return std::nullopt;
  }
  return checked;
}

LoadedData open_columnar_data(const std::string& path, const runtime::TableSchema& schema,
                              const std::vector<size_t>& columns_read) {
  LoadedData loaded;
  runtime::ColumnarFile file;
  auto report = [&](const runtime::ColumnarProblem& problem) {
    print_error(problem.message);
    loaded.exit_code = problem.kind == runtime::ColumnarProblem::Kind::Unreadable ? kExitUsage : kExitProblems;
    return std::move(loaded);
  };
  if (auto problem = runtime::open_columnar_file(path, file)) return report(problem);
  if (std::string difference = runtime::schema_difference(file.table.schema, schema); !difference.empty()) {
    print_error(fmt::format("{}: the file was imported for another schema: {}; import the CSV again "
                            "with this schema (segc import)",
                            path, difference));
    loaded.exit_code = kExitProblems;
    return loaded;
  }
  if (auto problem = runtime::verify_columns(file, columns_read)) return report(problem);
  loaded.table = std::move(file.table);
  return loaded;
}

}  // namespace segc::cli
