// Opening a file that must be a regular file, from a folder another party
// can write to (rule files in a pull request, compile-cache entries): a
// symbolic link put in its place is refused rather than followed, a FIFO
// does not block the open, and what was opened is checked, not what the path
// named a moment before.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <system_error>

namespace segc::runtime {

class RegularFile {
 public:
  // Opens `path` read-only with O_NOFOLLOW | O_NONBLOCK, then fstat()s it.
  // On failure returns nothing and sets `error`: the open's errno (ELOOP
  // for a link in the file's place), or std::errc::not_supported when what
  // was opened is not a regular file.
  static std::optional<RegularFile> open(const std::filesystem::path& path, std::error_code& error);
  // The same for `path` inside the folder `root`, both canonical, in one
  // step with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS): a symbolic
  // link anywhere below `root` (a folder swapped for one since `path` was
  // resolved) fails with ELOOP, and nothing outside `root` can be reached.
  // Where the kernel or a sandbox lacks openat2, falls back to open(path).
  static std::optional<RegularFile> open_beneath(const std::filesystem::path& root,
                                                 const std::filesystem::path& path, std::error_code& error);

  RegularFile(RegularFile&& other) noexcept : fd_(other.fd_), size_(other.size_) { other.fd_ = -1; }
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;
  RegularFile& operator=(RegularFile&&) = delete;
  ~RegularFile();

  int fd() const { return fd_; }
  // The size when it was opened; the file may grow or shrink since.
  uint64_t size() const { return size_; }

 private:
  RegularFile(int fd, uint64_t size) : fd_(fd), size_(size) {}
  // `fd` (closed unless returned) when it is an open regular file.
  static std::optional<RegularFile> checked(int fd, std::error_code& error);
  int fd_;
  uint64_t size_;
};

}  // namespace segc::runtime
