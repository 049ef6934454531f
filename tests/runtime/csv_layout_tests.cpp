// The loaded table follows runtime/table.h: narrowest widths, sorted string
// dictionaries with matching codes, enum dictionaries, min and max.
#include <catch2/catch.hpp>

#include <string>

#include "tests/runtime/csv_test_support.h"

using namespace segc::runtime;
using namespace segc::runtime::testing;

TEST_CASE("csv int columns use the narrowest width holding every value", "[csv]") {
  auto width_of = [](const std::string& values) {
    const auto result = load("id,age\n" + values);
    INFO(describe(result));
    REQUIRE(result.ok());
    return column(result.table, "age").width;
  };
  CHECK(width_of("1,-128\n2,127\n") == 1);
  CHECK(width_of("1,-129\n2,\n") == 2);
  CHECK(width_of("1,32768\n") == 4);
  CHECK(width_of("1,-2147483649\n") == 8);
  const auto result = load("id,age,spent\n1,-5,100\n2,,\n3,300,0.01\n");
  REQUIRE(result.ok());
  const Column& age = column(result.table, "age");
  CHECK(age.min == -5);
  CHECK(age.max == 300);
  CHECK(age.int_at(1) == 0);  // missing rows hold 0
  CHECK(column(result.table, "spent").max == 10000);
  CHECK(column(result.table, "spent").width == 2);
  CHECK(result.table.key().width == 1);
  CHECK(result.table.key().present.all());
}

TEST_CASE("csv string dictionary is sorted by code point and codes match", "[csv]") {
  const auto result = load("id,name\n1,pear\n2,Äpfel\n3,apple\n4,\n5,pear\n6,Zebra\n");
  INFO(describe(result));
  REQUIRE(result.ok());
  const Column& name = column(result.table, "name");
  CHECK(name.dictionary == std::vector<std::string>{"Zebra", "apple", "pear", "Äpfel"});
  CHECK(name.width == 1);
  CHECK(string_at(name, 0) == "pear");
  CHECK(string_at(name, 1) == "Äpfel");
  CHECK(string_at(name, 2) == "apple");
  CHECK(name.code_at(3) == 0);  // missing
  CHECK_FALSE(name.present.test(3));
  CHECK(name.code_at(4) == name.code_at(0));
  CHECK(string_at(name, 5) == "Zebra");
  CHECK(name.min == 0);
  CHECK(name.max == 3);
}

TEST_CASE("csv string codes widen past 256 distinct values", "[csv]") {
  std::string text = "id,name\n";
  for (int i = 0; i < 300; ++i) text += std::to_string(i) + ",v" + std::to_string(1000 + i) + "\n";
  const auto result = load(text);
  REQUIRE(result.ok());
  const Column& name = column(result.table, "name");
  CHECK(name.width == 2);
  CHECK(name.dictionary.size() == 300);
  CHECK(string_at(name, 299) == "v1299");
  CHECK(name.code_at(299) == 299);
}

TEST_CASE("csv enum dictionary is the enum values in declaration order", "[csv]") {
  const auto result = load("id,tier\n1,silver\n2,bronze\n3,\n");
  REQUIRE(result.ok());
  const Column& tier = column(result.table, "tier");
  CHECK(tier.dictionary == std::vector<std::string>{"bronze", "silver", "gold"});
  CHECK(tier.code_at(0) == 1);
  CHECK(tier.code_at(1) == 0);
  CHECK_FALSE(tier.present.test(2));
  CHECK(tier.width == 1);
  CHECK(tier.min == 0);
  CHECK(tier.max == 1);
}

TEST_CASE("csv bool and float columns hold values and zero for missing rows", "[csv]") {
  const auto result = load("id,vip,score\n1,No,1.5\n2,TRUE,\n3,,-2e-3\n");
  REQUIRE(result.ok());
  const Column& vip = column(result.table, "vip");
  CHECK_FALSE(vip.bools.test(0));
  CHECK(vip.bools.test(1));
  CHECK_FALSE(vip.bools.test(2));
  CHECK(vip.present.count() == 2);
  const Column& score = column(result.table, "score");
  CHECK(score.floats == std::vector<double>{1.5, 0.0, -2e-3});
  CHECK_FALSE(score.present.test(1));
}

TEST_CASE("csv unescaped strings are copied into the dictionary once", "[csv]") {
  // Doubled quotes are undone in a scratch buffer that the next row reuses.
  const auto result = load("id,name,tags\n1,\"say \"\"hi\"\"\",\"x\"\"|y\"\n2,\"say \"\"hi\"\"\",\"x\"\"\"\n3,other,y\n");
  INFO(describe(result));
  REQUIRE(result.ok());
  const Column& name = column(result.table, "name");
  CHECK(name.dictionary == std::vector<std::string>{"other", "say \"hi\""});
  CHECK(name.code_at(0) == 1);
  CHECK(name.code_at(1) == 1);
  const Column& tags = column(result.table, "tags");
  CHECK(tags.dictionary == std::vector<std::string>{"x\"", "y"});
  CHECK(set_at(tags, 1) == std::vector<std::string>{"x\""});
}
