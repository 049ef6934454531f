// segc import: convert a CSV file to segc's columnar file, which `segc run`
// memory-maps (docs/columnar-format.md).
#include <fmt/format.h>

#include <cstdio>

#include "command_support.h"
#include "commands.h"
#include "data_input.h"
#include "diagnostics/terminal_text.h"
#include "evaluate/table_schema.h"
#include "output_paths.h"
#include "runtime/columnar_file.h"

namespace segc::cli {

CLI::App* add_import_command(CLI::App& app, ImportOptions& options) {
  CLI::App* command = app.add_subcommand(
      "import", "Convert CSV customer data to a columnar file that segc run memory-maps");
  command->add_option("csv", options.csv_path, "The CSV file")->required()->check(not_empty("the CSV file"));
  command->add_option("--schema", options.schema,
                      "Rule files (or folders of *.seg) declaring the schema of the data")
      ->required()
      ->check(not_empty("a rule file or folder"));
  command->add_option("-o,--output", options.out, "The columnar file to write")
      ->required()
      ->check(not_empty("the file to write"));
  add_root_option(*command, options.root);
  add_csv_flags(*command, options.csv, "OUTPUT.rejects.csv");
  add_error_limit_flag(*command, options.error_limit);
  command->add_option("--threads", options.csv.threads,
                      "Threads loading the CSV (default: all cores); the file does not depend on it")
      ->transform(thread_count());
  return command;
}

int run_import_command(const ImportOptions& options) {
  // Every flag is checked before the schema is read: a bad flag is exit 2 with its message first.
  if (std::string problem = unreadable_input(options.csv_path); !problem.empty()) {
    print_error(problem);
    return kExitUsage;
  }
  if (std::string problem = csv_flags_problem(options.csv); !problem.empty()) {
    print_error(problem);
    return kExitUsage;
  }
  const std::string rejects_path = options.csv.rejects.empty() ? options.out + ".rejects.csv" : options.csv.rejects;
  if (same_file(options.out, options.csv_path)) {
    print_error(fmt::format("-o {} is the CSV file being imported: the columnar file would replace it",
                            options.out));
    return kExitUsage;
  }
  if (same_file(rejects_path, options.csv_path) || same_file(rejects_path, options.out)) {
    print_error(fmt::format("--rejects {} is the {}: the rejected rows would overwrite it", rejects_path,
                            same_file(rejects_path, options.out) ? "columnar file (-o)" : "CSV file being imported"));
    return kExitUsage;
  }
  if (std::string folder = import_output_is_folder(options, rejects_path); !folder.empty()) {
    print_error(folder);
    return kExitUsage;
  }
  CompiledRules rules = compile_rules(options.schema, /*werror=*/false, options.root, options.error_limit,
                                      "nothing was imported");
  if (rules.exit_code) return *rules.exit_code;
  const CheckedProgram& program = *rules.outcome->program;
  const runtime::TableSchema schema = evaluate::table_schema_for(program.schema);
  // Each column is written as soon as it is built, while the later ones are
  // still being built; the file only replaces OUT at commit, after the load
  // found no errors; the rejects file is put in place after it.
  runtime::ColumnarFileWriter writer(options.out, schema, SEGC_VERSION);
  if (std::string error = writer.open(); !error.empty()) {
    print_error(error + " (nothing was written)");
    return kExitUsage;
  }
  CsvFlags flags = options.csv;
  flags.error_limit = options.error_limit;
  LoadedData data = load_csv_data(options.csv_path, schema, flags,
                                  [&](size_t index, runtime::Column&& column) { writer.add(index, std::move(column)); },
                                  "nothing was imported");
  if (data.exit_code) return *data.exit_code;
  output::StagedFiles rejects_file;
  if (!data.rejected.empty() && !stage_rejects(rejects_file, data.rejected, rejects_path)) return kExitUsage;
  if (std::string error = writer.commit(data.table.row_count); !error.empty()) {
    print_error(error + " (nothing was written)");
    return kExitUsage;
  }
  if (!data.rejected.empty() &&
      !commit_rejects(rejects_file, options.csv_path, data.rejected.size(), rejects_path)) {
    return kExitUsage;
  }
  const size_t rows = data.table.row_count, columns = schema.columns.size();
  std::printf("%s\n", terminal_safe(fmt::format("{}: {} row{}, {} column{} imported from {}", options.out, rows,
                                                rows == 1 ? "" : "s", columns, columns == 1 ? "" : "s",
                                                options.csv_path))
                          .c_str());
  return data.rejected.empty() ? kExitOk : kExitProblems;
}

}  // namespace segc::cli
