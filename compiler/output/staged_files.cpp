#include "output/staged_files.h"

#include <fmt/format.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "runtime/output_file_mode.h"

namespace segc::output {

namespace fs = llvm::sys::fs;

StagedFiles::~StagedFiles() {
  for (const Staged& file : staged_) (void)fs::remove(file.temporary);
}

bool StagedFiles::add(const std::string& path, std::string_view contents, std::string& error) {
  llvm::SmallString<256> target;
  if (fs::real_path(path, target)) target = path;
  if (fs::is_directory(target)) {  // the rename at commit would fail, too late
    error = fmt::format("cannot write {}: it is a folder", path);
    return false;
  }
  const mode_t mode = runtime::output_file_mode_at(target.str().str());

  llvm::SmallString<256> model(llvm::sys::path::parent_path(target));
  if (model.empty()) model = ".";
  // The temporary name must fit NAME_MAX (255 bytes) when the target's does:
  // a long name is cut for it (at a byte; only segc ever sees this name).
  std::string name = llvm::sys::path::filename(target).str();
  constexpr size_t kMaxKept = 255 - std::char_traits<char>::length("..segc-%%%%%%");
  if (name.size() > kMaxKept) name.resize(kMaxKept);
  llvm::sys::path::append(model, "." + name + ".segc-%%%%%%");
  int fd = -1;
  llvm::SmallString<256> temporary;
  // 0600 until it is complete: nobody else opens it for writing meanwhile.
  if (std::error_code ec = fs::createUniqueFile(model, fd, temporary, fs::OF_None, 0600)) {
    error = fmt::format("cannot write {}: {}", path, ec.message());
    return false;
  }
  auto remove_on_interrupt = std::make_unique<runtime::RemoveOnInterrupt>(temporary.str().str());
  bool ok = true;
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/false);
    out << contents;
    out.flush();
    if (out.has_error()) {
      error = fmt::format("cannot write {}: {}", path, out.error().message());
      out.clear_error();
      ok = false;
    }
  }
  if (ok && ::fchmod(fd, mode) != 0) {
    error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
    ok = false;
  }
  if (ok && ::fsync(fd) != 0) {
    error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
    ok = false;
  }
  if (::close(fd) != 0 && ok) {
    error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
    ok = false;
  }
  if (!ok) {
    (void)fs::remove(temporary);
    return false;
  }
  staged_.push_back({temporary.str().str(), target.str().str(), path, std::move(remove_on_interrupt)});
  return true;
}

bool StagedFiles::commit(std::string& error) {
  bool ok = true;
  for (const Staged& file : staged_) {
    if (!ok) {
      (void)fs::remove(file.temporary);
      continue;
    }
    if (std::error_code ec = fs::rename(file.temporary, file.target)) {
      error = fmt::format("cannot replace {}: {}", file.display, ec.message());
      (void)fs::remove(file.temporary);
      ok = false;
    }
  }
  staged_.clear();
  return ok;
}

bool write_file_atomically(const std::string& path, std::string_view contents,
                           std::string& error) {
  StagedFiles files;
  return files.add(path, contents, error) && files.commit(error);
}

}  // namespace segc::output
