#include "driver/git_revision.h"

#include <fmt/format.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Program.h>
#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <vector>

namespace segc {
namespace {

namespace fs = std::filesystem;

llvm::Error user_error(const std::string& message) {
  return llvm::createStringError(std::errc::invalid_argument, "%s", message.c_str());
}

struct GitResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `git -C folder ARGS...` with stdin from `stdin_path` (none when
// empty), stdout read back from a temporary file, and stderr kept for messages.
llvm::Expected<GitResult> run_git(const fs::path& folder, const std::vector<std::string>& arguments,
                                  const std::string& stdin_path = {}) {
  auto git = llvm::sys::findProgramByName("git");
  if (!git) return user_error("segc diff reads the base revision with git, which is not installed (apt install git)");
  llvm::SmallString<128> out_file, err_file;
  if (llvm::sys::fs::createTemporaryFile("segc-git", "out", out_file)) {
    return user_error("cannot create a temporary file for git's output");
  }
  if (llvm::sys::fs::createTemporaryFile("segc-git", "err", err_file)) {
    return user_error("cannot create a temporary file for git's messages");
  }
  std::vector<std::string> owned{*git, "-C", folder.string()};
  owned.insert(owned.end(), arguments.begin(), arguments.end());
  std::vector<llvm::StringRef> args(owned.begin(), owned.end());
  const std::string out_target(out_file);
  const std::optional<llvm::StringRef> redirects[] = {llvm::StringRef(stdin_path), llvm::StringRef(out_target),
                                                      llvm::StringRef(err_file)};
  std::string spawn_error;
  GitResult result;
  result.status = llvm::sys::ExecuteAndWait(*git, args, std::nullopt, redirects, 0, 0, &spawn_error);
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  result.out = slurp(out_target);
  llvm::sys::fs::remove(out_file);
  result.err = slurp(std::string(err_file));
  llvm::sys::fs::remove(err_file);
  if (!spawn_error.empty()) return user_error("cannot run git: " + spawn_error);
  return result;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

llvm::Expected<std::unique_ptr<RevisionFiles>> RevisionFiles::read(const fs::path& inside, const std::string& revision) {
  std::unique_ptr<RevisionFiles> files(new RevisionFiles());
  std::error_code error;
  const fs::path start = fs::is_directory(inside, error) ? inside : inside.parent_path();
  auto top = run_git(start.empty() ? fs::path(".") : start, {"rev-parse", "--show-toplevel"});
  if (!top) return top.takeError();
  if (top->status != 0) {
    return user_error(fmt::format("{} is not in a git repository, so there is no --base revision to compare with",
                                  inside.string()));
  }
  files->repository_ = first_line(top->out);
  // `--end-of-options`: a revision that starts with '-' is not an option.
  auto commit = run_git(files->repository_, {"rev-parse", "--verify", "--quiet", "--end-of-options",
                                             revision + "^{commit}"});
  if (!commit) return commit.takeError();
  if (commit->status != 0 || commit->out.empty()) {
    return user_error(fmt::format("--base: '{}' is not a commit of the repository at {}", revision,
                                  files->repository_.string()));
  }
  files->commit_ = first_line(commit->out);
  auto tree = run_git(files->repository_, {"ls-tree", "-r", "-z", "--full-tree", files->commit_});
  if (!tree) return tree.takeError();
  if (tree->status != 0) return user_error("git ls-tree failed: " + first_line(tree->err));

  std::string pattern = (fs::temp_directory_path(error) / "segc-diff-XXXXXX").string();
  if (error || ::mkdtemp(pattern.data()) == nullptr) {
    return user_error("cannot create a temporary folder for the base revision");
  }
  files->folder_ = pattern;  // 0700, mkdtemp's mode

  // Entries: "<mode> SP <type> SP <object> TAB <path> NUL". Only regular
  // files (100644, 100755) named *.seg; links and submodules are left out.
  struct Blob {
    std::string object;
    std::string path;
  };
  std::vector<Blob> blobs;
  const std::string& listing = tree->out;
  for (size_t at = 0; at < listing.size();) {
    const size_t end = listing.find('\0', at);
    const std::string entry = listing.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? listing.size() : end + 1;
    const size_t tab = entry.find('\t');
    if (tab == std::string::npos) continue;
    const std::string mode = entry.substr(0, entry.find(' '));
    const std::string path = entry.substr(tab + 1);
    if ((mode != "100644" && mode != "100755") || path.size() < 5 || path.compare(path.size() - 4, 4, ".seg") != 0) {
      continue;
    }
    blobs.push_back({entry.substr(entry.rfind(' ', tab) + 1, tab - entry.rfind(' ', tab) - 1), path});
  }
  if (blobs.empty()) return files;

  // Every file's bytes from one `git cat-file --batch`: the object ids in,
  // "<object> blob <size> LF <bytes> LF" for each out.
  llvm::SmallString<128> request;
  if (llvm::sys::fs::createTemporaryFile("segc-git", "in", request)) {
    return user_error("cannot create a temporary file for git's input");
  }
  {
    std::ofstream in(std::string(request), std::ios::binary);
    for (const Blob& blob : blobs) in << blob.object << '\n';
  }
  auto batch = run_git(files->repository_, {"cat-file", "--batch"}, std::string(request));
  llvm::sys::fs::remove(request);
  if (!batch) return batch.takeError();
  if (batch->status != 0) return user_error("git cat-file failed: " + first_line(batch->err));
  const std::string& out = batch->out;
  size_t at = 0;
  for (const Blob& blob : blobs) {
    const size_t header_end = out.find('\n', at);
    const std::string header = out.substr(at, header_end == std::string::npos ? std::string::npos : header_end - at);
    const std::string expected = blob.object + " blob ";
    if (header_end == std::string::npos || header.rfind(expected, 0) != 0) {
      return user_error(fmt::format("git cat-file gave no contents for {} ({})", blob.path, header));
    }
    const size_t size = std::stoull(header.substr(expected.size()));
    if (header_end + 1 + size > out.size()) return user_error("git cat-file's output ends early at " + blob.path);
    // git never stores "..", absolute paths or ".git" components in a tree.
    const fs::path target = files->folder_ / fs::path(blob.path).lexically_normal();
    fs::create_directories(target.parent_path(), error);
    if (error) return user_error(fmt::format("cannot copy {} of the base revision: {}", blob.path, error.message()));
    std::ofstream file(target, std::ios::binary);
    file.write(out.data() + header_end + 1, static_cast<std::streamsize>(size));
    if (!file) return user_error(fmt::format("cannot copy {} of the base revision to {}", blob.path, target.string()));
    at = header_end + 1 + size + 1;  // the bytes and their LF
    ++files->files_;
  }
  return files;
}

RevisionFiles::~RevisionFiles() {
  if (folder_.empty()) return;
  std::error_code ignored;
  fs::remove_all(folder_, ignored);
}

}  // namespace segc
