// resolve_in_root follows links only inside the rules' root, and answers
// the same for a link out whether or not its target exists (issue 16: an
// import must not tell a pull request what exists elsewhere on the machine).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "driver/rules_root.h"

namespace {

namespace fs = std::filesystem;
using segc::resolve_in_root;
using segc::RootedWhere;

struct Tree {
  fs::path top = fs::temp_directory_path() / ("segc-rules-root-test-" + std::to_string(getpid()));
  fs::path root;
  Tree() {
    fs::remove_all(top);
    fs::create_directories(top / "rules" / "sub");
    fs::create_directories(top / "outside");
    std::ofstream(top / "rules" / "schema.seg") << "schema c { key id: int }\n";
    std::ofstream(top / "outside" / "real.seg") << "x\n";
    root = fs::canonical(top / "rules");
  }
  ~Tree() { fs::remove_all(top); }
  void link(const std::string& target, const std::string& name) const {
    fs::create_symlink(target, top / name);
  }
};

}  // namespace

TEST_CASE("resolve_in_root: files and links inside the root", "[rules_root]") {
  Tree tree;
  tree.link("../schema.seg", "rules/sub/up.seg");
  tree.link((tree.root / "schema.seg").string(), "rules/absolute.seg");
  tree.link("sub", "rules/folder_link");
  const auto plain = resolve_in_root(tree.root / "schema.seg", tree.root);
  CHECK(plain.where == RootedWhere::Inside);
  CHECK(plain.path == tree.root / "schema.seg");
  CHECK(resolve_in_root(tree.root / "sub" / "up.seg", tree.root).path == tree.root / "schema.seg");
  CHECK(resolve_in_root(tree.root / "absolute.seg", tree.root).path == tree.root / "schema.seg");
  // `..` after a link to a folder is taken from where the link leads.
  CHECK(resolve_in_root(tree.root / "folder_link" / ".." / "schema.seg", tree.root).path ==
        tree.root / "schema.seg");
  const auto missing = resolve_in_root(tree.root / "nothing" / "x.seg", tree.root);
  CHECK(missing.where == RootedWhere::Inside);
  CHECK(missing.path == tree.root / "nothing" / "x.seg");
}

TEST_CASE("resolve_in_root: a link out is Outside whether or not its target exists",
          "[rules_root]") {
  Tree tree;
  tree.link("../outside/real.seg", "rules/real_out.seg");
  tree.link("../outside/none.seg", "rules/missing_out.seg");
  tree.link("../outside/no_folder/x.seg", "rules/missing_folder_out.seg");
  tree.link("/etc", "rules/etc");
  tree.link("../rules/schema.seg", "outside/back.seg");
  tree.link("../outside/back.seg", "rules/out_and_back.seg");
  for (const char* name : {"real_out.seg", "missing_out.seg", "missing_folder_out.seg", "out_and_back.seg"}) {
    INFO(name);
    CHECK(resolve_in_root(tree.root / name, tree.root).where == RootedWhere::Outside);
  }
  CHECK(resolve_in_root(tree.root / "etc" / "passwd", tree.root).where == RootedWhere::Outside);
  CHECK(resolve_in_root(tree.root / ".." / "outside" / "real.seg", tree.root).where == RootedWhere::Outside);
  CHECK(resolve_in_root(tree.top / "outside" / "real.seg", tree.root).where == RootedWhere::Outside);
}

TEST_CASE("resolve_in_root: links that loop", "[rules_root]") {
  Tree tree;
  tree.link("b.seg", "rules/a.seg");
  tree.link("a.seg", "rules/b.seg");
  tree.link(".", "rules/self");
  CHECK(resolve_in_root(tree.root / "a.seg", tree.root).where == RootedWhere::LinkLoop);
  // A link to its own folder is no loop until it is followed too often.
  CHECK(resolve_in_root(tree.root / "self" / "self" / "schema.seg", tree.root).path == tree.root / "schema.seg");
}
