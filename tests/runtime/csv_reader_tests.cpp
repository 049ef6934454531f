// Splitting CSV text into records and fields (RFC 4180), line numbers and
// delimiter detection.
#include <catch2/catch.hpp>

#include "runtime/csv_reader.h"

using namespace segc::runtime::csv;

namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, char delimiter = ',',
                                               std::vector<size_t>* lines = nullptr) {
  RecordReader reader(text, delimiter);
  Record record;
  std::vector<std::vector<std::string>> records;
  while (reader.next(record)) {
    std::vector<std::string> fields;
    for (const Field& field : record.fields) fields.emplace_back(field.value);
    records.push_back(fields);
    if (lines != nullptr) lines->push_back(record.line);
  }
  return records;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("csv reader splits fields at the delimiter and records at LF", "[csv]") {
  CHECK(read_all("a,b,c\n1,,3\n") == Rows{{"a", "b", "c"}, {"1", "", "3"}});
  CHECK(read_all("a;b\n1;2", ';') == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a\tb\n1\t2\n", '\t') == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b,\n") == Rows{{"a", "b", ""}});
}

TEST_CASE("csv reader accepts CRLF line endings and keeps a lone CR as data", "[csv]") {
  CHECK(read_all("a,b\r\n1,2\r\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b\r\n\"x\",\"y\"\r\n") == Rows{{"a", "b"}, {"x", "y"}});
  CHECK(read_all("a\rb,c\r") == Rows{{"a\rb", "c"}});
}

TEST_CASE("csv reader unquotes fields with delimiters and doubled quotes", "[csv]") {
  CHECK(read_all("\"a,b\",\"say \"\"hi\"\"\",\"\"\n") == Rows{{"a,b", "say \"hi\"", ""}});
  // A quote that does not start a field is literal text.
  CHECK(read_all("ab\"c,d\n") == Rows{{"ab\"c", "d"}});
  // Blanks after a closing quote are padding.
  CHECK(read_all("\"a\"  ,b\n") == Rows{{"a", "b"}});
}

TEST_CASE("csv reader keeps newlines inside quotes and counts physical lines", "[csv]") {
  std::vector<size_t> lines;
  const Rows rows = read_all("h1,h2\n\"two\nlines\",x\n\n3,\"a\r\nb\"\nlast,y", ',', &lines);
  CHECK(rows == Rows{{"h1", "h2"}, {"two\nlines", "x"}, {"3", "a\r\nb"}, {"last", "y"}});
  CHECK(lines == std::vector<size_t>{1, 2, 5, 7});
}

TEST_CASE("csv reader skips blank lines", "[csv]") {
  std::vector<size_t> lines;
  CHECK(read_all("\n\na\r\n\r\nb\n\n", ',', &lines) == Rows{{"a"}, {"b"}});
  CHECK(lines == std::vector<size_t>{3, 5});
}

TEST_CASE("csv reader flags an unterminated quote and text after a closing quote", "[csv]") {
  RecordReader reader("a,\"open\nstill open", ',');
  Record record;
  REQUIRE(reader.next(record));
  CHECK(record.problem == RecordProblem::UnterminatedQuote);
  CHECK(record.problem_offset == 2);
  CHECK(record.fields.size() == 2);
  CHECK_FALSE(reader.next(record));

  RecordReader stray("\"a\"b,c\n", ',');
  REQUIRE(stray.next(record));
  CHECK(record.problem == RecordProblem::TextAfterQuote);
  CHECK(record.problem_offset == 3);
  REQUIRE(record.fields.size() == 2);
  CHECK(record.fields[1].value == "c");
}

TEST_CASE("csv reader locates fields by line and code-point column", "[csv]") {
  const std::string text = "h\n\"Zoë\",x,\"multi\nline\",y\n";
  RecordReader reader(text, ',');
  Record record;
  REQUIRE(reader.next(record));
  REQUIRE(reader.next(record));
  REQUIRE(record.fields.size() == 4);
  CHECK(reader.locate(record, record.fields[1].offset) == std::pair<size_t, size_t>{2, 7});
  CHECK(reader.locate(record, record.fields[3].offset) == std::pair<size_t, size_t>{3, 7});
}

TEST_CASE("csv delimiter is the most frequent of comma semicolon and tab in the header", "[csv]") {
  CHECK(detect_delimiter("a,b,c\n") == ',');
  CHECK(detect_delimiter("a;b;c\n1,2,3,4,5\n") == ';');
  CHECK(detect_delimiter("a\tb\n") == '\t');
  CHECK(detect_delimiter("\"x,y,z\";b\n") == ';');  // quoted commas do not count
  CHECK(detect_delimiter("a;b,c\n") == ',');        // a tie
  CHECK(detect_delimiter("only\n") == ',');
}

TEST_CASE("csv BOM is skipped", "[csv]") {
  CHECK(strip_bom("\xEF\xBB\xBFid\n") == "id\n");
  CHECK(strip_bom("id\n") == "id\n");
}

// The field scan looks at 16 and then 8 bytes at a time: a delimiter, line
// break or lone CR at every position of a long field, and fields ending at
// every distance from the end of the text, are all found.
TEST_CASE("csv reader finds field ends at every position of long fields", "[csv]") {
  for (size_t length = 0; length <= 40; ++length) {
    for (size_t cr = 0; cr <= length; ++cr) {
      std::string field(length, 'x');
      if (cr < length) field[cr] = '\r';  // a lone CR is text
      for (const char* ending : {"\n", "\r\n"}) {
        // A CR is text before a delimiter, but part of the line end before
        // LF or at the end of the text: the other fields have none.
        const std::string plain(length, 'y');
        const std::string text = field + ";" + plain + ending + "z;" + plain;
        INFO(length << " " << cr << " " << ending);
        REQUIRE(read_all(text, ';') == Rows{{field, plain}, {"z", plain}});
      }
    }
  }
}
