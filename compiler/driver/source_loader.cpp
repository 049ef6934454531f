#include "driver/source_loader.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>
#include <system_error>

#include "diagnostics/codes.h"
#include "driver/rules_root.h"
#include "runtime/regular_file.h"
#include "syntax/parser.h"

namespace segc {
namespace {

namespace fs = std::filesystem;

std::string absolute_path(const std::string& path) {
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, error), error);
  return error ? path : absolute.string();
}

void report_too_large(const SourceFile& file, size_t size, DiagnosticList& diagnostics) {
  diagnostics.error(codes::kFileTooLarge, SourceRange{file.id(), {1, 1}, {1, 1}},
                    fmt::format("the file is {} bytes; rule files may be at most 16 MiB", size),
                    "split the rules over several files that import each other");
}

LoadedSource register_text(SourceManager& sources, const std::string& display_path,
                           const std::string& absolute, std::string text,
                           DiagnosticList& diagnostics) {
  if (text.size() > kMaxFileBytes) {
    const SourceFile& file = sources.add(display_path, absolute, {});
    report_too_large(file, text.size(), diagnostics);
    return {&file, LoadFailure::None, {}};
  }
  return {&sources.add(display_path, absolute, std::move(text)), LoadFailure::None, {}};
}

LoadedSource failed(LoadFailure failure, std::string reason) {
  return {nullptr, failure, std::move(reason)};
}

LoadFailure failure_of(const std::error_code& error) {
  return error == std::errc::no_such_file_or_directory || error == std::errc::not_a_directory
             ? LoadFailure::Missing
             : LoadFailure::Unreadable;
}

std::string reason_of(const std::error_code& error) {
  if (error == std::errc::too_many_symbolic_link_levels) return "its symbolic links form a loop";
  return error.message();
}

// Reads at most `limit` bytes (the file may grow while we read).
bool read_all(int fd, size_t limit, std::string& text) {
  char buffer[65536];
  while (text.size() < limit) {
    const ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count == 0) return true;
    if (count < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.append(buffer, static_cast<size_t>(count));
  }
  return true;
}

}  // namespace

std::string describe_file_type(fs::file_type type) {
  switch (type) {
    case fs::file_type::directory: return "a folder";
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    default: return "a file of an unknown type";
  }
}

LoadedSource load_source(SourceManager& sources, const std::string& path,
                         const std::string& display_path, const fs::path& root,
                         DiagnosticList& diagnostics) {
  // Resolve every symbolic link first, and decide on the result: a link
  // inside the rules that leads out of them is refused like a path that does,
  // without a look at where it leads. The folder holding the file is the
  // caller's: one named on the command line, or already resolved in the root.
  std::error_code error;
  const fs::path folder = fs::canonical(fs::absolute(path, error).parent_path(), error);
  if (error) return failed(failure_of(error), reason_of(error));
  const RootedPath rooted = resolve_in_root(folder / fs::path(path).filename(), root);
  if (rooted.where == RootedWhere::Outside) return failed(LoadFailure::OutsideRoot, "outside the rules' root");
  if (rooted.where == RootedWhere::LinkLoop) {
    return failed(LoadFailure::Unreadable, reason_of(std::make_error_code(std::errc::too_many_symbolic_link_levels)));
  }
  const fs::path& canonical = rooted.path;
  if (const SourceFile* known = sources.find_by_absolute_path(canonical.string())) {
    return {known, LoadFailure::None, {}};
  }
  // Look before opening: opening a FIFO for reading would wait for a writer.
  const fs::file_status status = fs::status(canonical, error);
  if (error) return failed(failure_of(error), reason_of(error));
  if (!fs::is_regular_file(status)) {
    return failed(LoadFailure::NotRegularFile,
                  fmt::format("{}, not a regular file", describe_file_type(status.type())));
  }
  // The canonical path has no links below the root, so the open refuses one
  // put on it since, in the file's place or as a folder on the way;
  // O_NONBLOCK keeps a FIFO put there from blocking the open, and fstat
  // checks what was opened.
  const auto file = runtime::RegularFile::open_beneath(root, canonical, error);
  if (!file) {
    if (error == std::errc::not_supported) return failed(LoadFailure::NotRegularFile, "not a regular file");
    if (error == std::errc::cross_device_link) return failed(LoadFailure::OutsideRoot, "outside the rules' root");
    if (error == std::errc::too_many_symbolic_link_levels) {
      return failed(LoadFailure::Unreadable, "a symbolic link was put on its path while segc read the rules");
    }
    return failed(failure_of(error), reason_of(error));
  }
  const auto size = static_cast<size_t>(file->size());
  if (size > kMaxFileBytes) {
    // Do not read a huge file only to reject it.
    const SourceFile& file = sources.add(display_path, canonical.string(), {});
    report_too_large(file, size, diagnostics);
    return {&file, LoadFailure::None, {}};
  }
  std::string text;
  if (!read_all(file->fd(), kMaxFileBytes + 1, text)) {
    return failed(LoadFailure::Unreadable, std::strerror(errno));
  }
  return register_text(sources, display_path, canonical.string(), std::move(text), diagnostics);
}

LoadedSource load_stdin(SourceManager& sources, const std::string& display_path,
                        DiagnosticList& diagnostics) {
  std::ostringstream buffer;
  buffer << std::cin.rdbuf();
  return register_text(sources, display_path, absolute_path(display_path), buffer.str(),
                       diagnostics);
}

std::string describe_load_failure(const std::string& path, const LoadedSource& loaded,
                                  const fs::path& root) {
  switch (loaded.failure) {
    case LoadFailure::Missing: return fmt::format("{}: no such file or folder", path);
    case LoadFailure::OutsideRoot: {
      // Named inside the root yet resolved outside: a symbolic link (the file
      // or a folder on the way) leads out.
      std::error_code error;
      const fs::path named = fs::absolute(path, error).lexically_normal();
      const fs::path relative = named.lexically_relative(root);
      if (!error && !relative.empty() && *relative.begin() != "..") {
        return fmt::format("{} leads outside the rules' root {} through a symbolic link (see --root)", path,
                           root.string());
      }
      return fmt::format("{} lies outside the rules' root {} (see --root)", path, root.string());
    }
    case LoadFailure::NotRegularFile: return fmt::format("{} is {}", path, loaded.reason);
    default: return fmt::format("cannot read {}: {}", path, loaded.reason);
  }
}

bool is_oversized(const SourceFile& file, const DiagnosticList& diagnostics) {
  return std::any_of(diagnostics.items().begin(), diagnostics.items().end(),
                     [&](const Diagnostic& d) {
                       return d.range.file == file.id() && d.code == codes::kFileTooLarge;
                     });
}

}  // namespace segc
