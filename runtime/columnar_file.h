// segc's columnar file: a Table written once by `segc import` and then
// memory-mapped by `segc run`, its arrays used in place (the format is in
// docs/columnar-format.md).
//
// What is checked when:
// - open_columnar_file reads and checks the header and the directory (magic,
//   version, checksums, schema, every section inside the file, aligned and of
//   the size the row count and encodings imply) and the small parts the
//   evaluators look at for every column (enum dictionaries, first and last
//   offsets). That costs microseconds whatever the file's size.
// - verify_columns checks the big arrays of the columns a run reads: their
//   checksums and that their contents are consistent (codes within the
//   dictionary, offsets ascending, sorted dictionaries, block statistics),
//   then what decides results: unique keys, finite floats, set masks equal
//   to the codes (dates are range-checked at open from the verified
//   statistics).
//   A run must verify every column it reads before evaluating: unverified
//   arrays are only safe to take pointers to, not to read.
// Problems are values naming the file and what is wrong, never a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/columnar_format.h"
#include "runtime/interrupt_cleanup.h"
#include "runtime/table.h"

namespace segc::runtime {

struct ColumnarProblem {
  enum class Kind {
    None,
    Unreadable,  // cannot be opened, read or mapped (exit code 2 for the CLI)
    Invalid,     // not a usable columnar file: damaged, truncated, another version
  };
  Kind kind = Kind::None;
  std::string message;  // starts with the path

  explicit operator bool() const { return kind != Kind::None; }
};

struct ColumnarFile {
  std::string path;
  std::string segc_version;  // of the segc that wrote it
  Table table;               // arrays borrowed from the read-only mapping
  uint64_t file_size = 0;

  // Per column: its checksum from the directory, and whether verify_columns
  // has checked it.
  std::vector<uint64_t> checksums;
  std::vector<bool> verified;
};

// Whether `path` is a regular file that starts with the columnar file's
// magic bytes. A pipe or FIFO is never read (false), nor is a file that
// cannot be read: the caller then loads it as CSV and reports what is wrong.
bool is_columnar_file(const std::string& path);

ColumnarProblem open_columnar_file(const std::string& path, ColumnarFile& file);

// Checks the columns at `indices` (each once per file); see above.
ColumnarProblem verify_columns(ColumnarFile& file, const std::vector<size_t>& indices);
ColumnarProblem verify_all_columns(ColumnarFile& file);

// "" when the file was written for `schema`, else the first difference,
// e.g. "field 'age' is int in the file but decimal(2) in the rules".
std::string schema_difference(const TableSchema& in_file, const TableSchema& expected);

// Writes a columnar file a column at a time, each as soon as it is added
// (and those before it in the schema are), so that the disk works while later
// columns are still being built and each column's memory can go once it is
// written. Everything goes to a temporary file beside `path`, which commit()
// syncs and renames over `path`: `path` is either the complete new file or
// untouched. The temporary file is removed when the writer goes without a
// commit, and on SIGINT, SIGTERM, SIGHUP or SIGXFSZ (interrupt_cleanup.h).
class ColumnarFileWriter {
 public:
  ColumnarFileWriter(std::string path, const TableSchema& schema, std::string_view segc_version);
  ~ColumnarFileWriter();
  ColumnarFileWriter(const ColumnarFileWriter&) = delete;
  ColumnarFileWriter& operator=(const ColumnarFileWriter&) = delete;

  // Creates the temporary file; "" or what went wrong.
  std::string open();

  // Column `index` of the schema, from any thread, each once. The file holds
  // columns in schema order, so a column added early waits in memory for
  // those before it. A write error is kept for commit().
  void add(size_t index, Column&& column);
  // Likewise, without taking the column: it must live until commit().
  void add(size_t index, const Column& column);

  // Once every column was added: the directory and header, then sync and
  // rename. "" or what went wrong (nothing was then written at `path`).
  std::string commit(uint64_t row_count);

 private:
  struct Prepared;
  void add_prepared(size_t index, std::unique_ptr<Prepared> prepared);
  void write_column(size_t index);

  std::string path_;
  TableSchema schema_;
  std::string segc_version_;
  std::string temporary_;
  int fd_ = -1;
  bool committed_ = false;
  std::unique_ptr<RemoveOnInterrupt> remove_on_interrupt_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Prepared>> pending_;  // added, not yet written
  size_t next_ = 0;                                 // the next column to write
  uint64_t end_ = 0;                                // where it goes
  std::vector<columnar::ColumnEntry> entries_;
  std::string problem_;
};

// Writes `table` as a columnar file with a ColumnarFileWriter. Returns "" or
// what went wrong.
std::string write_columnar_file(const std::string& path, const Table& table,
                                std::string_view segc_version);

}  // namespace segc::runtime
