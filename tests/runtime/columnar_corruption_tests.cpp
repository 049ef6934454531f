// Damaged columnar files: truncated at many lengths, or with a byte changed
// at every offset. Each must be refused with a message naming the file, or
// (a change in padding between sections) read back as exactly the original
// table; never a crash or a different table. Run under ASan too.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "tests/runtime/columnar_forgery.h"
#include "tests/runtime/columnar_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

namespace {

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Opens and verifies every column: "" when the file was accepted.
std::string open_all(const std::string& path, ColumnarFile& file) {
  if (ColumnarProblem problem = open_columnar_file(path, file)) return problem.message;
  if (ColumnarProblem problem = verify_all_columns(file)) return problem.message;
  return "";
}

}  // namespace

TEST_CASE("a truncated columnar file is refused at every length", "[columnar][corruption]") {
  ScratchFolder folder;
  const Table table = every_kind_table();
  const std::string good = folder.file("good.segcol");
  REQUIRE(write_columnar_file(good, table, "test") == "");
  const std::string bytes = read_bytes(good);
  const std::string damaged = folder.file("damaged.segcol");
  for (size_t length = 0; length < bytes.size(); ++length) {
    write_bytes(damaged, bytes.substr(0, length));
    ColumnarFile file;
    const std::string problem = open_all(damaged, file);
    INFO("truncated to " << length << " of " << bytes.size() << " bytes");
    REQUIRE(problem != "");
    CHECK_THAT(problem, Catch::StartsWith(damaged + ":"));
    if (length >= 64) CHECK_THAT(problem, Catch::Contains("truncated"));
  }
}

TEST_CASE("a columnar file with any byte changed is refused or reads the same table",
          "[columnar][corruption]") {
  ScratchFolder folder;
  const Table table = every_kind_table();
  const std::string good = folder.file("good.segcol");
  REQUIRE(write_columnar_file(good, table, "test") == "");
  const std::string bytes = read_bytes(good);
  const std::string damaged = folder.file("damaged.segcol");
  size_t refused = 0;
  for (size_t offset = 0; offset < bytes.size(); ++offset) {
    for (unsigned char flip : {0x01, 0x80, 0xff}) {
      std::string changed = bytes;
      changed[offset] = static_cast<char>(static_cast<unsigned char>(changed[offset]) ^ flip);
      write_bytes(damaged, changed);
      ColumnarFile file;
      const std::string problem = open_all(damaged, file);
      INFO("byte " << offset << " of " << bytes.size() << " xor " << int{flip});
      if (problem.empty()) {
        check_same_tables(file.table, table);  // only padding may change unnoticed
      } else {
        CHECK_THAT(problem, Catch::StartsWith(damaged + ":"));
        ++refused;
      }
    }
  }
  CHECK(refused > bytes.size());  // most of the file is checked
}

TEST_CASE("a file whose contents contradict its checksummed directory is refused",
          "[columnar][corruption]") {
  // A writer bug (or a forged file) with consistent checksums: codes beyond
  // the dictionary must still be caught before anything reads them.
  ScratchFolder folder;
  Table table = every_kind_table();
  Column& name = table.columns[1];
  name.dictionary = std::vector<std::string>{"only"};
  const std::string path = folder.file("forged.segcol");
  REQUIRE(write_columnar_file(path, table, "test") == "");
  ColumnarFile file;
  REQUIRE_FALSE(open_columnar_file(path, file));
  const ColumnarProblem problem = verify_columns(file, {1});
  CHECK(problem.kind == ColumnarProblem::Kind::Invalid);
  CHECK_THAT(problem.message, Catch::Contains("column 'name'") && Catch::Contains("beyond the dictionary of 1 entry"));
  CHECK_FALSE(verify_columns(file, {0, 2}));  // other columns are fine
}

TEST_CASE("forged set columns are refused: unsorted, duplicate or unknown codes", "[columnar][corruption]") {
  ScratchFolder folder;
  const std::string path = folder.file("sets.segcol");
  // every_kind_table's tags: {cats, dogs}, {}, {cats, кошки}, missing; codes 0 cats, 1 dogs, 2 кошки.
  const std::vector<std::pair<std::vector<uint32_t>, const char*>> forgeries = {
      {{1, 0, 0, 2}, "not ascending"},
      {{0, 1, 2, 2}, "not ascending"},
      {{0, 1, 0, 7}, "beyond the dictionary"},
  };
  for (const auto& [codes, message] : forgeries) {
    Table table = every_kind_table();
    table.columns[8].set_codes = codes;
    REQUIRE(write_columnar_file(path, table, "test") == "");
    ColumnarFile file;
    REQUIRE_FALSE(open_columnar_file(path, file));
    const ColumnarProblem problem = verify_columns(file, {8});
    CHECK_THAT(problem.message, Catch::Contains("column 'tags'") && Catch::Contains(message));
  }
  Table table = every_kind_table();
  CHECK(table.columns[8].set_codes == std::vector<uint32_t>{0, 1, 0, 2});  // the genuine codes pass
  REQUIRE(write_columnar_file(path, table, "test") == "");
  ColumnarFile file;
  REQUIRE_FALSE(open_columnar_file(path, file));
  CHECK_FALSE(verify_columns(file, {8}));
}

// The messages count in English: "1 byte where 1 row needs 8".
TEST_CASE("a section of the wrong size is refused, naming its size and the rows", "[columnar][corruption]") {
  ScratchFolder folder;
  CsvLoadResult loaded = load("id,name,age,spent,score,vip,tier,born,tags\n1,a,30,1.00,0.5,true,gold,2024-01-01,x\n");
  REQUIRE(loaded.ok());
  const std::string path = folder.file("one.segcol");
  REQUIRE(write_columnar_file(path, loaded.table, "test") == "");
  forge_columnar_file(path, 4, [](ForgedColumn& score) {
    for (columnar::SectionEntry& section : score.entry.sections) {
      if (section.id == columnar::Section::Values) section.size = 1;
    }
  });
  ColumnarFile file;
  const ColumnarProblem problem = open_columnar_file(path, file);
  CHECK(problem.kind == ColumnarProblem::Kind::Invalid);
  CHECK_THAT(problem.message, Catch::EndsWith("column 'score', values: 1 byte where 1 row needs 8"));
}
