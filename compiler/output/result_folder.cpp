#include "output/result_folder.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "output/staged_files.h"
#include "runtime/output_file_mode.h"

namespace segc::output {
namespace {

namespace fs = std::filesystem;

std::string system_error(std::string_view what, const std::string& path) {
  return fmt::format("cannot {} {}: {}", what, path, std::strerror(errno));
}

bool ends_with_any(std::string_view name, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view suffix : suffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) return true;
  }
  return false;
}

// What a result folder may hold: segc's own files, and the temporary files
// that runs before result folders were swapped whole could leave behind.
bool written_by_segc(std::string_view name) {
  return name == "manifest.json" || name == "rejects.csv" ||
         ends_with_any(name, {".keys", ".roaring", ".roaring64"}) ||
         (name.starts_with(".") && name.find(".segc-") != std::string_view::npos);
}

bool is_leftover(std::string_view name) { return name.starts_with("."); }

void sync_folder(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

// Locks `path` (a folder) and checks that the name still refers to the folder
// locked: a run that finished meanwhile swapped a new folder in under it.
int lock_folder(const std::string& path, const std::string& display, std::string& error) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
      error = system_error("open", display);
      return -1;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      error = errno == EWOULDBLOCK
                  ? fmt::format("--out {}: another segc run is writing its results there; run again "
                                "when it has finished",
                                display)
                  : system_error("lock", display);
      ::close(fd);
      return -1;
    }
    struct stat locked {}, named {};
    if (::fstat(fd, &locked) == 0 && ::lstat(path.c_str(), &named) == 0 && locked.st_dev == named.st_dev &&
        locked.st_ino == named.st_ino) {
      return fd;
    }
    ::close(fd);
  }
  error = fmt::format("--out {}: the folder keeps being replaced by other runs", display);
  return -1;
}

}  // namespace

std::unique_ptr<ResultFolder> ResultFolder::open(const std::string& directory, std::string& error) {
  std::unique_ptr<ResultFolder> folder(new ResultFolder);
  folder->display_ = directory;
  std::error_code ec;
  // A symbolic link to a folder: the folder it points at is replaced, not the link.
  const fs::path target = fs::weakly_canonical(fs::absolute(directory, ec), ec);
  if (ec || !target.has_parent_path() || target == target.root_path()) {
    error = fmt::format("--out {}: not a folder segc can write results to{}", directory,
                        ec ? ": " + ec.message() : "");
    return nullptr;
  }
  folder->target_ = target.string();
  const fs::path parent = target.parent_path();
  const std::string name = target.filename().string();
  fs::create_directories(parent, ec);
  if (ec) {
    error = fmt::format("--out: cannot create {}: {}", parent.string(), ec.message());
    return nullptr;
  }
  if (::mkdir(folder->target_.c_str(), 0777) == 0) {
    folder->created_ = true;
    folder->remove_created_on_interrupt_ = std::make_unique<runtime::RemoveOnInterrupt>(
        folder->target_, runtime::RemoveOnInterrupt::Kind::EmptyFolder);
  } else if (errno != EEXIST) {
    error = "--out: " + system_error("create", directory);
    return nullptr;
  }
  struct stat info {};
  if (::lstat(folder->target_.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    error = fmt::format("--out {}: not a folder", directory);
    return nullptr;
  }
  folder->lock_fd_ = lock_folder(folder->target_, directory, error);
  if (folder->lock_fd_ < 0) return nullptr;

  // The whole folder is replaced: refuse one that holds anything else.
  for (const fs::directory_entry& entry : fs::directory_iterator(target, ec)) {
    const std::string file = entry.path().filename().string();
    struct stat file_info {};
    const bool regular = ::lstat(entry.path().c_str(), &file_info) == 0 && S_ISREG(file_info.st_mode);
    if (!regular || !written_by_segc(file)) {
      error = fmt::format("--out {}: the folder holds {:?}, which segc did not write; segc replaces "
                          "the whole folder with the results, so give it a new or empty folder, or "
                          "the folder of an earlier run",
                          directory, file);
      return nullptr;
    }
    if (!is_leftover(file)) folder->kept_modes_[file] = file_info.st_mode & 07777;
  }
  if (ec) {
    error = fmt::format("--out: cannot read {}: {}", directory, ec.message());
    return nullptr;
  }
  // Names alone do not make a folder segc's (a user's api.keys): results
  // have a manifest.
  if (!folder->kept_modes_.empty() && !folder->kept_modes_.contains("manifest.json")) {
    error = fmt::format("--out {}: the folder holds {:?} but no manifest.json, so segc did not "
                        "write it; segc replaces the whole folder with the results, so give it "
                        "a new or empty folder, or the folder of an earlier run",
                        directory, folder->kept_modes_.begin()->first);
    return nullptr;
  }
  // Staging folders of runs that were killed (SIGKILL, a crash, power loss):
  // no run holds them, since this one holds the lock.
  const std::string staging_prefix = "." + name + ".segc-";
  for (const fs::directory_entry& entry : fs::directory_iterator(parent, ec)) {
    if (entry.path().filename().string().starts_with(staging_prefix) &&
        entry.symlink_status().type() == fs::file_type::directory) {
      std::error_code ignored;
      fs::remove_all(entry.path(), ignored);
    }
  }

  std::string staging = (parent / (staging_prefix + "XXXXXX")).string();
  if (::mkdtemp(staging.data()) == nullptr) {
    error = "--out: " + system_error("create a folder beside", directory) +
            " (segc writes the results into a new folder beside DIR and swaps the two, so the "
            "folder that holds DIR must be writable)";
    return nullptr;
  }
  folder->staging_ = staging;
  folder->remove_on_interrupt_ = std::make_unique<runtime::RemoveOnInterrupt>(
      staging, runtime::RemoveOnInterrupt::Kind::FolderOfFiles);
  folder->staging_fd_ = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (folder->staging_fd_ < 0 || ::fchmod(folder->staging_fd_, info.st_mode & 07777 & ~S_IWOTH) != 0) {
    error = "--out: " + system_error("prepare", staging);
    return nullptr;
  }
  return folder;
}

ResultFolder::~ResultFolder() {
  if (staging_fd_ >= 0) ::close(staging_fd_);
  // Uncommitted: the new results; committed: the old ones, if commit could not remove them.
  if (!staging_.empty()) {
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
  }
  // A failed run leaves no empty DIR behind (only while it holds the lock on it).
  if (created_ && !committed_ && lock_fd_ >= 0) (void)::rmdir(target_.c_str());
  remove_created_on_interrupt_.reset();  // before the lock goes: DIR may then be another run's
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock, after the removal
}

bool ResultFolder::add(const std::string& name, std::string_view contents, std::string& error) {
  const std::string shown = (fs::path(display_) / name).string();
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos) {
    error = fmt::format("cannot write {:?}: not a file name", name);
    return false;
  }
  const auto kept = kept_modes_.find(name);
  const mode_t mode = runtime::output_file_mode(kept != kept_modes_.end() ? std::optional(kept->second)
                                                                          : std::nullopt);
  const int fd = ::openat(staging_fd_, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    error = system_error("write", shown);
    return false;
  }
  bool ok = ::fchmod(fd, mode) == 0;
  for (size_t done = 0; ok && done < contents.size();) {
    const ssize_t written = ::write(fd, contents.data() + done, contents.size() - done);
    if (written < 0 && errno == EINTR) continue;
    ok = written > 0;
    if (ok) done += static_cast<size_t>(written);
  }
  ok = ok && ::fsync(fd) == 0;
  if (!ok) error = system_error("write", shown);
  if (::close(fd) != 0 && ok) {
    error = system_error("write", shown);
    ok = false;
  }
  return ok;
}

bool ResultFolder::commit(std::string& error, StagedFiles* with_results) {
  if (::fsync(staging_fd_) != 0) {
    error = system_error("write", display_);
    return false;
  }
  {
    // A signal now would leave the new results without the files that go
    // with them, or those files beside the old results.
    const runtime::DeferInterrupts together;
    if (!swap(error)) return false;
    committed_ = true;
    remove_created_on_interrupt_.reset();
    if (with_results != nullptr && !with_results->commit(error)) {
      error += fmt::format(" (the results in {} were written)", display_);
      return false;
    }
  }
  sync_folder(fs::path(target_).parent_path().string());
  // The previous results are now at the staging name.
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
  return true;
}

bool ResultFolder::swap(std::string& error) {
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) return true;
  if (errno == EBUSY) {
    error = fmt::format("--out {}: cannot replace the folder: it is a mount point (a container's "
                        "volume, say); segc swaps the results folder whole, so give a folder "
                        "inside it, e.g. --out {}/results",
                        display_, display_);
    return false;
  }
  if (errno != EINVAL && errno != ENOSYS) {
    error = system_error("replace", display_);
    return false;
  }
  // A file system without the exchange: two renames. Between them DIR is
  // briefly absent, but never half old and half new.
  const std::string old = staging_ + ".old";
  if (::rename(target_.c_str(), old.c_str()) != 0) {
    error = system_error("replace", display_);
    return false;
  }
  if (::rename(staging_.c_str(), target_.c_str()) != 0) {
    error = system_error("replace", display_);
    (void)::rename(old.c_str(), target_.c_str());
    return false;
  }
  (void)::rename(old.c_str(), staging_.c_str());
  return true;
}

}  // namespace segc::output
