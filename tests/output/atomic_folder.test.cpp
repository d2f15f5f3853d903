#include "output/atomic_folder.hpp"

#include <tandem/errors.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "sample_run.hpp"

using namespace tandem;
namespace fs = std::filesystem;

TEST_CASE("an uncommitted folder vanishes with its object", "[output]") {
  const fs::path parent = testing::fresh_folder("atomic_abandon");
  fs::path partial;
  {
    AtomicFolder folder(parent / "out", false, "marker");
    partial = folder.partial();
    CHECK(partial.parent_path() == parent);
    CHECK(partial.filename().string().rfind(".out.partial-", 0) == 0);
    std::ofstream(partial / "half.txt") << "half\n";
    CHECK_FALSE(fs::exists(parent / "out"));
  }
  CHECK_FALSE(fs::exists(partial));
  CHECK(fs::is_empty(parent));
}

TEST_CASE("commit makes the folder appear under its name", "[output]") {
  const fs::path parent = testing::fresh_folder("atomic_commit");
  {
    AtomicFolder folder(parent / "out", false, "marker");
    std::ofstream(folder.partial() / "marker") << "done\n";
    folder.commit();
    folder.commit();  // once is enough; again is harmless
  }
  CHECK(testing::read_text(parent / "out" / "marker") == "done\n");
  CHECK(std::distance(fs::directory_iterator(parent), fs::directory_iterator()) == 1);
}

TEST_CASE("a folder that appears while writing is not overwritten", "[output]") {
  const fs::path parent = testing::fresh_folder("atomic_race");
  AtomicFolder folder(parent / "out", false, "marker");
  fs::create_directories(parent / "out");  // empty: plain rename(2) would replace it
  CHECK_THROWS_WITH(folder.commit(), Catch::Contains("already exists"));
  CHECK(fs::is_empty(parent / "out"));
}

TEST_CASE("check() touches nothing", "[output]") {
  const fs::path parent = testing::fresh_folder("atomic_check");
  CHECK_NOTHROW(AtomicFolder::check(parent / "a" / "b", false, "marker"));
  CHECK_FALSE(fs::exists(parent / "a"));
}
