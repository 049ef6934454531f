// load_csv_text: the header, then the records in one range per thread
// (csv_chunks.h), joined in file order into one table, one list of problems
// and one list of rejected rows, exactly as one pass would give them.
#include "runtime/csv_loader.h"

#include <algorithm>
#include <atomic>

#include "runtime/column_builder.h"
#include "runtime/csv_chunks.h"
#include "runtime/csv_header.h"
#include "runtime/csv_reader.h"

namespace segc::runtime {
namespace {

using csv::ChunkLoader;
using Chunks = std::vector<std::unique_ptr<ChunkLoader>>;

void report(CsvLoadResult& result, DataError error) {
  if (result.errors.size() < kMaxReportedErrors) result.errors.push_back(std::move(error));
  ++result.error_count;
}

// A table with the schema's columns and no rows.
Table empty_table(const TableSchema& schema) {
  Table table;
  table.schema = schema;
  for (const ColumnSpec& spec : schema.columns) {
    table.columns.push_back(ColumnBuilder(spec, ValueSyntax{}).finish(0));
  }
  return table;
}

// The ranges' rows as one table (or, with a sink, as columns handed over):
// each column's later ranges are appended to its first range's builder,
// which then finishes the whole column once, so that strings are sorted and
// values packed once. Threads take the columns in schema order, the order a
// sink writing a file needs them in.
Table join_tables(const TableSchema& schema, Chunks& chunks, size_t rows, unsigned threads, const ColumnSink& sink) {
  Table table;
  table.schema = schema;
  table.row_count = rows;
  const size_t columns = schema.columns.size();
  if (!sink) table.columns.resize(columns);
  std::atomic<size_t> next{0};
  const size_t workers = std::min<size_t>(std::max(threads, 1u), columns);
  csv::run_on_threads(workers, [&](size_t) {
    for (size_t i = next++; i < columns; i = next++) {
      ColumnBuilder& column = chunks[0]->builders()[i];
      if (rows != 0) {
        column.fill_missing(chunks[0]->rows());
        for (size_t c = 1; c < chunks.size(); ++c) {
          ColumnBuilder& part = chunks[c]->builders()[i];
          part.fill_missing(chunks[c]->rows());
          column.absorb(part);
        }
      }
      if (sink) {
        sink(i, column.finish(rows));
      } else {
        table.columns[i] = column.finish(rows);
      }
      column = ColumnBuilder(schema.columns[i], ValueSyntax{});  // frees the loading vectors
    }
  });
  return table;
}

}  // namespace

std::string check_date_format(std::string_view format) {
  csv::DateFormat compiled;
  return csv::compile_date_format(format, compiled);
}

CsvLoadResult load_csv_text(std::string_view text, const TableSchema& schema, const CsvOptions& options,
                            const ColumnSink& sink) {
  return csv::load_text_in_chunks(text, schema, options, csv::kMinChunkBytes, false, sink);
}

CsvLoadResult csv::load_text_in_chunks(std::string_view text, const TableSchema& schema, const CsvOptions& options,
                                       size_t min_chunk_bytes, bool row_by_row, const ColumnSink& sink) {
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

  csv::RecordReader header_reader(text, delimiter);
  csv::Record header;
  if (!header_reader.next(header)) {
    report(result, DataError{1, 0, "", "", "the file is empty: expected a header line naming the schema's fields"});
    result.table = empty_table(schema);
    return result;
  }
  std::vector<DataError> header_errors;
  const csv::HeaderMapping mapping = csv::map_header(header_reader, header, schema, header_errors);
  for (DataError& error : header_errors) report(result, std::move(error));
  if (result.error_count > 0) {  // rows cannot be read against a broken header
    result.table = empty_table(schema);
    return result;
  }

  const csv::ChunkContext context{text, delimiter, &schema, &options,
                                  ValueSyntax{options.decimal_comma ? ',' : '.', &dates}, &mapping, row_by_row};
  const size_t start = header_reader.position();
  Chunks chunks = csv::load_chunks(context, start, header_reader.line(), options.threads, min_chunk_bytes);
  if (csv::keys_overlap(chunks, schema.columns[schema.key_index].kind)) {
    chunks = csv::load_chunks(context, start, header_reader.line(), 1, min_chunk_bytes);
  }

  size_t rows = 0;
  for (const auto& chunk : chunks) {
    rows += chunk->rows();
    result.error_count += chunk->error_count();
    for (DataError& error : chunk->errors()) {
      if (result.errors.size() < options.reported_error_limit()) result.errors.push_back(std::move(error));
    }
    for (RejectedRow& row : chunk->rejected()) result.rejected.push_back(std::move(row));
  }
  result.table = join_tables(schema, chunks, result.error_count == 0 ? rows : 0, options.threads, sink);
  return result;
}

}  // namespace segc::runtime
