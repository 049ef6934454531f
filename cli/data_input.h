// Reading customer data for the commands: a CSV file (run, import) or a
// columnar file written by `segc import` (run), with problems reported on
// stderr in one style and turned into the exit codes of CLI.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "output/staged_files.h"
#include "runtime/csv_loader.h"
#include "runtime/table.h"

namespace segc::cli {

struct LoadedData {
  runtime::Table table;
  std::vector<runtime::RejectedRow> rejected;  // rows left out by --on-error skip
  std::optional<int> exit_code;  // set when the command must stop
};

runtime::CsvOptions csv_options(const CsvFlags& flags);

// Why the CSV flags do not go together, or "": --rejects without --on-error
// skip, where a bad row stops the command and no row is ever rejected, is
// refused rather than ignored.
std::string csv_flags_problem(const CsvFlags& flags);

// Loads a CSV file; bad rows are reported (exit 1), or with --on-error skip
// left out and returned, for stage_rejects once the command knows it will
// go on. With a sink the columns go there (runtime::ColumnSink) and the
// table has none. `nothing_done` ends the message after bad rows: what the
// command did not do.
LoadedData load_csv_data(const std::string& path, const runtime::TableSchema& schema,
                         const CsvFlags& flags, const runtime::ColumnSink& sink = {},
                         std::string_view nothing_done = "nothing was evaluated");

// Writes the rejects file under a temporary name into `file`, to be put in
// place with the command's results, after them (a rejects file never lies
// beside results of another run); false (after printing why) when it cannot
// be written.
bool stage_rejects(output::StagedFiles& file, const std::vector<runtime::RejectedRow>& rejected,
                   const std::string& rejects_path);
// Puts a staged rejects file in place and reports how many rows were left
// out; false (after printing why) when it cannot be put in place.
bool commit_rejects(output::StagedFiles& file, const std::string& data_path, size_t rows,
                    const std::string& rejects_path);
// "DATA: N bad rows left out, written to PATH" on stderr.
void print_rejects_written(const std::string& data_path, size_t rows, const std::string& rejects_path);

// --data DATA: a CSV file or a columnar file, required.
void add_data_flag(CLI::App& command, std::string& data);

// The --data flag and the CSV flags given with it, checked before the rules
// are read: the file's problem (it cannot be read; CSV flags given for a
// columnar file; a bad CSV flag), or empty, with `columnar` set.
std::string data_flags_problem(const std::string& data, const CsvFlags& csv, bool& columnar);

// The date `today` means and the kind of --data, once --as-of, --timezone,
// --data and the CSV flags were checked (before the rules are read); nothing
// after printing why one is bad (exit 2).
struct DateAndData {
  int32_t today = 0;
  bool columnar = false;
};
std::optional<DateAndData> check_date_and_data(const std::string& as_of, const std::string& timezone,
                                               const std::string& data, const CsvFlags& csv);

// Maps a columnar file, checks it was written for `schema`, and verifies the
// columns at `columns_read` (the fields the rules read, and the key).
LoadedData open_columnar_data(const std::string& path, const runtime::TableSchema& schema,
                              const std::vector<size_t>& columns_read);

}  // namespace segc::cli
