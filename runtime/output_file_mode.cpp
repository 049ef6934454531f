#include "runtime/output_file_mode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace segc::runtime {
namespace {

// The umask, read without changing it: umask(0) then umask(mask) would give
// files that another thread creates in between mode 0666. Linux shows it in
// /proc/self/status since 4.7; elsewhere the change is brief.
mode_t current_umask() {
  const int fd = ::open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    char buffer[4096];
    const ssize_t size = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (size > 0) {
      buffer[size] = '\0';
      if (const char* line = std::strstr(buffer, "\nUmask:")) {
        char* end = nullptr;
        const unsigned long mask = std::strtoul(line + std::strlen("\nUmask:"), &end, 8);
        if (end != line + std::strlen("\nUmask:")) return static_cast<mode_t>(mask & 0777);
      }
    }
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

}  // namespace

mode_t output_file_mode(std::optional<mode_t> replaced) {
  // Set-user-ID and the like are not carried over: the new file is another
  // file, owned by whoever runs segc.
  const mode_t mode = replaced ? *replaced & 0777 : 0666 & ~current_umask();
  return mode & ~static_cast<mode_t>(S_IWOTH);
}

mode_t output_file_mode_at(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode)) return output_file_mode(info.st_mode);
  return output_file_mode();
}

}  // namespace segc::runtime
