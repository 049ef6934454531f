// ChunkLoader: one pass over a range's records appending each field to its
// column builder; bad rows are reported (or, with skip_bad_rows, rolled back
// and set aside) without stopping the pass.
#include "runtime/csv_chunk_loader.h"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/csv_text.h"

namespace segc::runtime::csv {

ChunkLoader::ChunkLoader(const ChunkContext& context, size_t start, size_t line, size_t limit,
                         size_t rows_estimate)
    : context_(context),
      start_(start),
      limit_(limit),
      rows_estimate_(rows_estimate),
      reader_(context.text, context.delimiter, start, line, limit),
      position_(start),
      line_(line) {
  for (const ColumnSpec& spec : context.schema->columns) builders_.emplace_back(spec, context.syntax);
  builders_[context.schema->key_index].mark_key();
}

void ChunkLoader::run() {
  for (ColumnBuilder& builder : builders_) builder.reserve(rows_estimate_);
  keys_.reserve(std::min<size_t>(rows_estimate_, size_t{1} << 26));
  // Plain records go a block at a time; the first record that is not plain
  // or has a problem goes through RecordReader and read_row, which know every
  // rule and message, and then blocks start again small, so that a file with
  // many bad rows does not pay for a whole block per row.
  constexpr size_t kMinBlock = 8;
  constexpr size_t kMaxBlock = 512;
  size_t block = kMaxBlock;
  Record record;
  while (position_ < limit_) {
    if (!context_.row_by_row) {
      if (read_plain_records(block)) {
        block = std::min(block * 2, kMaxBlock);
        continue;
      }
      if (position_ >= limit_) break;
      block = kMinBlock;
    }
    reader_.seek(position_, line_);
    const bool more = reader_.next(record);
    if (more) read_row(record);
    position_ = reader_.position();
    line_ = reader_.line();
    if (!more) break;
  }
}

bool ChunkLoader::read_plain_records(size_t count) {
  const size_t width = context_.mapping->column_of_field.size();
  scan_plain_records(context_.text, context_.delimiter, position_, limit_, width, count, plain_);
  size_t loaded = plain_.rows;
  const char* base = context_.text.data() + position_;
  for (size_t i = 0; i < width && loaded > 0; ++i) {
    const int column = context_.mapping->column_of_field[i];
    if (column < 0) continue;
    loaded = builders_[static_cast<size_t>(column)].append_plain(base, plain_.bounds.data() + i, width + 1, loaded);
  }
  for (size_t row = 0; row < loaded; ++row) {
    if (insert_key(rows_ + row, line_ + row) != 0) {
      loaded = row;  // read_row reports the duplicate
      break;
    }
  }
  if (loaded < plain_.rows) {
    for (ColumnBuilder& builder : builders_) builder.truncate(rows_ + loaded);
  }
  rows_ += loaded;
  position_ = plain_.record_start(position_, width, loaded);
  line_ += loaded;  // a plain record is one physical line
  return loaded == plain_.rows && plain_.end == PlainRecords::End::Full;
}

void ChunkLoader::read_row(const Record& record) {
  row_bad_ = false;
  const size_t width = context_.mapping->column_of_field.size();
  if (record.problem == RecordProblem::UnterminatedQuote) {
    problem(record, record.problem_offset, "", context_.text.substr(record.problem_offset),
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
    if (context_.options->skip_bad_rows) {
      rejected_.push_back(RejectedRow{record.line,
                                      std::string(context_.text.substr(record.begin, record.end - record.begin)),
                                      std::move(reason_)});
    }
    return;
  }
  ++rows_;
}

void ChunkLoader::read_fields(const Record& record) {
  const TableSchema& schema = *context_.schema;
  const bool skip_bad_rows = context_.options->skip_bad_rows;
  const size_t key = schema.key_index;
  const Field* key_field = nullptr;
  for (size_t i = 0; i < record.fields.size(); ++i) {
    const int column = context_.mapping->column_of_field[i];
    if (column < 0) continue;
    const Field& field = record.fields[i];
    ColumnBuilder& builder = builders_[static_cast<size_t>(column)];
    if (static_cast<size_t>(column) == key) {
      if (builder.is_missing(field.value)) {
        problem(record, field.offset, context_.mapping->names[i], field.value,
                "missing key: every row needs a value for the key field");
        continue;
      }
    }
    if (!builder.append(field.value, field.stable, message_)) {
      problem(record, field.offset, context_.mapping->names[i], field.value, message_);
      if (skip_bad_rows) return;  // the first reason is enough
    } else if (static_cast<size_t>(column) == key) {
      key_field = &field;
    }
  }
  // A key counts once it is read, so that a duplicate is reported even when
  // its first row has other problems; a skipped row's key does not count.
  if (key_field == nullptr || (row_bad_ && skip_bad_rows)) return;
  if (const size_t first = insert_key(builders_[key].rows() - 1, record.line); first != 0) {
    const std::string_view name = schema.columns[key].name;
    problem(record, key_field->offset, name, key_field->value,
            fmt::format("duplicate key {}: first on line {}", display_text(key_field->value), first));
  }
}

size_t ChunkLoader::insert_key(size_t row, size_t line) {
  const size_t key = context_.schema->key_index;
  const ColumnBuilder& builder = builders_[key];
  switch (context_.schema->columns[key].kind) {
    case ColumnKind::String: return keys_.insert_code(builder.code_at(row), line);
    case ColumnKind::Int:
    case ColumnKind::Decimal:
    case ColumnKind::Date: return keys_.insert_int(builder.int_at(row), line);
    default: return 0;  // the checker allows only int and string keys
  }
}

// The raw text from `offset` to the end of its field, for messages.
std::string_view ChunkLoader::field_at(const Record& record, size_t offset) const {
  const std::string_view rest = context_.text.substr(offset, record.end - std::min(offset, record.end));
  return rest.substr(0, rest.find(context_.delimiter));
}

void ChunkLoader::problem(const Record& record, size_t offset, std::string_view field, std::string_view text,
                          std::string message) {
  const bool skip_bad_rows = context_.options->skip_bad_rows;
  if (!skip_bad_rows && errors_.size() >= context_.options->reported_error_limit()) {
    ++error_count_;  // only counted: a broken file stays cheap to read to the end
    row_bad_ = true;
    return;
  }
  const auto [line, column] = reader_.locate(record, offset);
  DataError error{line, column, std::string(field), display_text(text), std::move(message)};
  if (skip_bad_rows) {
    if (!row_bad_) reason_ = std::move(error);
  } else {
    errors_.push_back(std::move(error));
    ++error_count_;
  }
  row_bad_ = true;
}

}  // namespace segc::runtime::csv
