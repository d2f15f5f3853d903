// User text quoted in messages: escaped, cut to a readable length; the limit on names.
#include "common/message_text.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace tandem;

TEST_CASE("quoted text shows control characters escaped", "[data]") {
  CHECK(shown(std::string("flat\0commission", 15)) == "flat\\0commission");
  CHECK(shown("a\tb\nc\rd\x1B") == "a\\tb\\nc\\rd\\x1B");
  CHECK(shown("Zoë Ñúñez") == "Zoë Ñúñez");
}

TEST_CASE("quoted text is cut to its first characters and its length", "[data]") {
  const std::string long_name(300000, 'x');
  CHECK(shown(long_name) == std::string(80, 'x') + "\u2026 (300000 characters)");
  CHECK(shown(std::string(80, 'x')) == std::string(80, 'x'));
  // Cut between characters, never inside one.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "é";
  CHECK(shown(accents, 3) == "ééé\u2026 (100 characters)");
}

TEST_CASE("a name is at most 100 characters, with no control character", "[data]") {
  CHECK_FALSE(name_problem("Okafor, Chidi"));
  CHECK_FALSE(name_problem(std::string(100, 'n')));
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "é";  // 200 bytes, 100 characters
  CHECK_FALSE(name_problem(accents));
  CHECK(name_problem(std::string(101, 'n')) ==
        "is 101 characters long; a name has at most 100: shorten it");
  CHECK(name_problem(std::string("a\0b", 3)) ==
        "holds a control character (\\0); a name is printable text: remove it");
}
