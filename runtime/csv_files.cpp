// The file side of CSV loading: reading a data file in one go, and the
// rejects file's contents (written by the commands with output::StagedFiles).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "runtime/csv_loader.h"

namespace segc::runtime {
namespace {

std::string system_error(const std::string& what, const std::string& path) {
  return fmt::format("cannot {} {}: {}", what, path, std::strerror(errno));
}

// The whole file in memory: a regular file is mapped (no copy of gigabytes
// into fresh, zeroed pages; the one risk, SIGBUS when someone truncates the
// file while it is read, is accepted for that), anything else (a pipe) is
// read into a buffer.
struct FileContents {
  std::unique_ptr<char[]> data;
  const char* mapped = nullptr;
  size_t size = 0;
  FileContents() = default;
  FileContents(const FileContents&) = delete;
  FileContents& operator=(const FileContents&) = delete;
  ~FileContents() {
    if (mapped != nullptr) ::munmap(const_cast<char*>(mapped), size);
  }
  std::string_view text() const { return {mapped != nullptr ? mapped : data.get(), size}; }
};

std::string read_file(const std::string& path, FileContents& contents) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return system_error("read", path);
  struct stat info {};
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    if (S_ISDIR(info.st_mode)) errno = EISDIR;
    std::string problem = system_error("read", path);
    ::close(fd);
    return problem;
  }
  if (S_ISREG(info.st_mode) && info.st_size > 0) {
    const auto size = static_cast<size_t>(info.st_size);
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (mapped != MAP_FAILED) {
      ::madvise(mapped, size, MADV_SEQUENTIAL);
      contents.mapped = static_cast<const char*>(mapped);
      contents.size = size;
      ::close(fd);
      return "";
    }
  }
  // Other files are read, doubling the buffer as needed (one byte more than
  // a regular file's size shows its end).
  size_t capacity = S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) + 1 : size_t{1} << 16;
  contents.data.reset(new char[capacity]);
  contents.size = 0;
  while (true) {
    if (contents.size == capacity) {
      capacity *= 2;
      std::unique_ptr<char[]> bigger(new char[capacity]);
      std::memcpy(bigger.get(), contents.data.get(), contents.size);
      contents.data = std::move(bigger);
    }
    const ssize_t got = ::read(fd, contents.data.get() + contents.size, capacity - contents.size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      std::string problem = system_error("read", path);
      ::close(fd);
      return problem;
    }
    if (got == 0) break;
    contents.size += static_cast<size_t>(got);
  }
  ::close(fd);
  return "";
}

void append_csv_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

CsvLoadResult load_csv_file(const std::string& path, const TableSchema& schema, const CsvOptions& options,
                            const ColumnSink& sink) {
  FileContents contents;
  if (std::string problem = read_file(path, contents); !problem.empty()) {
    CsvLoadResult result = load_csv_text("", schema, CsvOptions{});
    result.errors.clear();
    result.error_count = 0;
    result.fatal = std::move(problem);
    return result;
  }
  // The table owns copies of every string, so the buffer can go afterwards.
  return load_csv_text(contents.text(), schema, options, sink);
}

std::string render_rejects(const std::vector<RejectedRow>& rejected) {
  std::string out = "line,column,field,error,record\n";
  for (const RejectedRow& row : rejected) {
    out += fmt::format("{},{},", row.line, row.reason.column);
    append_csv_field(out, row.reason.field);
    out.push_back(',');
    append_csv_field(out, row.reason.message);
    out.push_back(',');
    append_csv_field(out, row.record);
    out.push_back('\n');
  }
  return out;
}

}  // namespace segc::runtime
