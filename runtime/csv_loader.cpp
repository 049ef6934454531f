// load_csv_text: header, then one pass over the records appending each field
// to its column builder; bad rows are reported (or, with skip_bad_rows,
// rolled back and set aside) without stopping the pass.
#include "runtime/csv_loader.h"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/column_builder.h"
#include "runtime/csv_header.h"
#include "runtime/csv_keys.h"
#include "runtime/csv_reader.h"
#include "runtime/csv_text.h"

namespace segc::runtime {
namespace {

using csv::Field;
using csv::Record;
using csv::RecordProblem;

class Loader {
 public:
  Loader(std::string_view text, const TableSchema& schema, const CsvOptions& options,
         const csv::DateFormat& dates, char delimiter, CsvLoadResult& result)
      : text_(text), delimiter_(delimiter), schema_(schema), options_(options), reader_(text, delimiter),
        result_(result) {
    const ValueSyntax syntax{options.decimal_comma ? ',' : '.', &dates};
    for (const ColumnSpec& spec : schema.columns) builders_.emplace_back(spec, syntax);
  }

  void run() {
    Record header;
    if (!reader_.next(header)) {
      report(DataError{1, 0, "", "", "the file is empty: expected a header line naming the schema's fields"});
      return;
    }
    std::vector<DataError> header_errors;
    mapping_ = csv::map_header(reader_, header, schema_, header_errors);
    for (DataError& error : header_errors) report(std::move(error));
    if (result_.error_count > 0) return;  // rows cannot be read against a broken header

    // One row per line is an upper bound that avoids regrowing the vectors.
    const size_t estimate = static_cast<size_t>(std::count(text_.begin(), text_.end(), '\n')) + 1;
    for (ColumnBuilder& builder : builders_) builder.reserve(estimate);
    keys_.reserve(std::min<size_t>(estimate, size_t{1} << 26));

    Record record;
    while (reader_.next(record)) read_row(record);
  }

  Table table() {
    Table table;
    table.schema = schema_;
    table.row_count = result_.error_count == 0 ? rows_ : 0;
    for (ColumnBuilder& builder : builders_) table.columns.push_back(builder.finish(table.row_count));
    return table;
  }

 private:
  void read_row(const Record& record) {
    row_bad_ = false;
    const size_t width = mapping_.column_of_field.size();
    if (record.problem == RecordProblem::UnterminatedQuote) {
      problem(record, record.problem_offset, "", text_.substr(record.problem_offset),
              "quoted field never closed: the file ends inside the quotes that start here");
    } else {
      if (record.problem == RecordProblem::TextAfterQuote) {
        problem(record, record.problem_offset, "", field_at(record, record.problem_offset),
                "unexpected text after a closing quote (a quote inside a quoted field is written twice: \"\")");
      }
      if (record.fields.size() != width) {
        const bool too_many = record.fields.size() > width;
        const size_t offset = too_many ? record.fields[width].offset : record.end;
        problem(record, offset, "", too_many ? record.fields[width].value : std::string_view{},
                fmt::format("this row has {} field{} but the header has {}", record.fields.size(),
                            record.fields.size() == 1 ? "" : "s", width));
      } else {
        read_fields(record);
      }
    }
    if (row_bad_) {
      for (ColumnBuilder& builder : builders_) builder.truncate(rows_);
      if (options_.skip_bad_rows) {
        result_.rejected.push_back(RejectedRow{
            record.line, std::string(text_.substr(record.begin, record.end - record.begin)), std::move(reason_)});
      }
      return;
    }
    ++rows_;
  }

  void read_fields(const Record& record) {
    const size_t key = schema_.key_index;
    const Field* key_field = nullptr;
    for (size_t i = 0; i < record.fields.size(); ++i) {
      const int column = mapping_.column_of_field[i];
      if (column < 0) continue;
      const Field& field = record.fields[i];
      ColumnBuilder& builder = builders_[static_cast<size_t>(column)];
      if (static_cast<size_t>(column) == key) {
        if (builder.is_missing(field.value)) {
          problem(record, field.offset, mapping_.names[i], field.value,
                  "missing key: every row needs a value for the key field");
          continue;
        }
      }
      if (!builder.append(field.value, field.stable, message_)) {
        problem(record, field.offset, mapping_.names[i], field.value, message_);
        if (options_.skip_bad_rows) return;  // the first reason is enough
      } else if (static_cast<size_t>(column) == key) {
        key_field = &field;
      }
    }
    // A key counts once it is read, so that a duplicate is reported even when
    // its first row has other problems; a skipped row's key does not count.
    if (key_field == nullptr || (row_bad_ && options_.skip_bad_rows)) return;
    const ColumnBuilder& builder = builders_[key];
    size_t first = 0;
    switch (schema_.columns[key].kind) {
      case ColumnKind::String: first = keys_.insert_code(builder.last_code(), record.line); break;
      case ColumnKind::Int:
      case ColumnKind::Decimal:
      case ColumnKind::Date: first = keys_.insert_int(builder.last_int(), record.line); break;
      default: break;  // the checker allows only int and string keys
    }
    if (first != 0) {
      const std::string_view name = schema_.columns[key].name;
      problem(record, key_field->offset, name, key_field->value,
              fmt::format("duplicate key {}: first on line {}", csv::display_text(key_field->value), first));
    }
  }

  // The raw text from `offset` to the end of its field, for messages.
  std::string_view field_at(const Record& record, size_t offset) const {
    const std::string_view rest = text_.substr(offset, record.end - std::min(offset, record.end));
    return rest.substr(0, rest.find(delimiter_));
  }

  void problem(const Record& record, size_t offset, std::string_view field, std::string_view text,
               std::string message) {
    if (!options_.skip_bad_rows && result_.errors.size() >= kMaxReportedErrors) {
      ++result_.error_count;  // only counted: a broken file stays cheap to read to the end
      row_bad_ = true;
      return;
    }
    const auto [line, column] = reader_.locate(record, offset);
    DataError error{line, column, std::string(field), csv::display_text(text), std::move(message)};
    if (options_.skip_bad_rows) {
      if (!row_bad_) reason_ = std::move(error);
    } else {
      report(std::move(error));
    }
    row_bad_ = true;
  }

  void report(DataError error) {
    if (result_.errors.size() < kMaxReportedErrors) result_.errors.push_back(std::move(error));
    ++result_.error_count;
  }

  std::string_view text_;
  char delimiter_;
  const TableSchema& schema_;
  const CsvOptions& options_;
  csv::RecordReader reader_;
  CsvLoadResult& result_;
  std::vector<ColumnBuilder> builders_;
  csv::HeaderMapping mapping_;
  csv::KeyLines keys_;
  size_t rows_ = 0;
  bool row_bad_ = false;
  DataError reason_;
  std::string message_;
};

Table empty_table(const TableSchema& schema) {
  Table table;
  table.schema = schema;
  for (const ColumnSpec& spec : schema.columns) {
    table.columns.push_back(ColumnBuilder(spec, ValueSyntax{}).finish(0));
  }
  return table;
}

}  // namespace

std::string check_date_format(std::string_view format) {
  csv::DateFormat compiled;
  return csv::compile_date_format(format, compiled);
}

CsvLoadResult load_csv_text(std::string_view text, const TableSchema& schema, const CsvOptions& options) {
  CsvLoadResult result;
  csv::DateFormat dates;
  if (std::string problem = csv::compile_date_format(options.date_format, dates); !problem.empty()) {
    result.fatal = "--date-format: " + problem;
  } else if (options.delimiter && *options.delimiter != ',' && *options.delimiter != ';' &&
             *options.delimiter != '\t') {
    result.fatal = "the delimiter must be ',', ';' or a tab";
  } else if (schema.key_index >= schema.columns.size()) {
    result.fatal = "the schema has no key field";
  }
  if (!result.fatal.empty()) {
    result.table = empty_table(schema);
    return result;
  }
  text = csv::strip_bom(text);
  const char delimiter = options.delimiter.value_or(csv::detect_delimiter(text));
  Loader loader(text, schema, options, dates, delimiter, result);
  loader.run();
  result.table = loader.table();
  return result;
}

}  // namespace segc::runtime
