#include "runtime/regular_file.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace segc::runtime {
namespace {

constexpr int kOpenFlags = O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY;

}  // namespace

std::optional<RegularFile> RegularFile::open_beneath(const std::filesystem::path& root,
                                                     const std::filesystem::path& path, std::error_code& error) {
  const std::filesystem::path below = path.lexically_relative(root);
  if (below.empty() || *below.begin() == "..") {
    error = std::make_error_code(std::errc::cross_device_link);  // what openat2 says of an escape
    return std::nullopt;
  }
  const int folder = ::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (folder < 0) {
    error = std::error_code(errno, std::generic_category());
    return std::nullopt;
  }
  open_how how{};
  how.flags = kOpenFlags;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  const long fd = ::syscall(SYS_openat2, folder, below.c_str(), &how, sizeof how);
  const int saved = errno;
  ::close(folder);
  // No openat2 (kernels before 5.6), or a seccomp filter that refuses it.
  if (fd < 0 && (saved == ENOSYS || saved == EPERM)) return open(path, error);
  if (fd < 0) {
    error = std::error_code(saved, std::generic_category());
    return std::nullopt;
  }
  return checked(static_cast<int>(fd), error);
}

std::optional<RegularFile> RegularFile::open(const std::filesystem::path& path, std::error_code& error) {
  const int fd = ::open(path.c_str(), kOpenFlags);
  return checked(fd, error);
}

std::optional<RegularFile> RegularFile::checked(int fd, std::error_code& error) {
  if (fd < 0) {
    error = std::error_code(errno, std::generic_category());
    return std::nullopt;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    error = std::error_code(errno, std::generic_category());
    ::close(fd);
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    error = std::make_error_code(std::errc::not_supported);
    ::close(fd);
    return std::nullopt;
  }
  error.clear();
  return RegularFile(fd, static_cast<uint64_t>(info.st_size));
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace segc::runtime
