#include "output/output_file.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "sample_run.hpp"

using namespace tandem;
namespace fs = std::filesystem;

TEST_CASE("a file is written whole", "[output]") {
  const fs::path dir = testing::fresh_folder("output_file");
  OutputFile file(dir / "a.txt");
  file.write("one,");
  file.write("");
  file.write("two\n");
  file.close();
  file.close();  // closing twice is harmless
  CHECK(testing::read_text(dir / "a.txt") == "one,two\n");
}

TEST_CASE("a file that cannot be created names itself and the reason", "[output]") {
  const fs::path dir = testing::fresh_folder("output_file_missing");
  try {
    write_file(dir / "no" / "such" / "folder.txt", "x");
    FAIL("no error");
  } catch (const OutputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("folder.txt"));
    CHECK_THAT(e.what(), Catch::Contains("No such file or directory"));
  }
}

TEST_CASE("a full device is an error, not a short file", "[output]") {
  if (!fs::exists("/dev/full")) return;
  try {
    OutputFile file("/dev/full");
    file.write(std::string(1 << 16, 'x'));
    file.close();
    FAIL("no error");
  } catch (const OutputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("No space left on device"));
  }
}
