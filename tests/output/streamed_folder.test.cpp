// A run folder written while the run goes (RunFolderWriter, rows released as each
// replication is written) is the same, byte for byte, as one written from the whole result.
#include "output/run_folder.hpp"

#include "engine/metrics.hpp"
#include "engine/replication.hpp"
#include "engine/row_digest.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "../engine/engine_fixture.hpp"
#include "sample_run.hpp"

using namespace tandem;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_of(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) names.push_back(fs::relative(e.path(), dir).string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("a run folder written replication by replication equals one written at the end",
          "[output]") {
  test::EngineFixture f;
  f.scenario.replications = 6;
  f.scenario.resolved_yaml = "tandem: 1\nname: engine-test\n";
  const RunPlugins plugins = resolve_plugins(f.scenario, f.registry);
  const RunManifest manifest{f.scenario.seed, f.scenario.replications, {}};
  const fs::path parent = testing::fresh_folder("streamed");

  RunOptions whole;
  whole.threads = 2;
  const RunResult kept = run_simulation(f.scenario, plugins, whole);
  write_run_folder(parent / "whole", f.scenario, kept, manifest, false);

  RunFolderWriter writer(parent / "streamed", f.scenario, scenario_agents(f.scenario),
                         metric_catalogue(), false);
  RunOptions streamed;
  streamed.threads = 2;
  streamed.on_replication = [&](int r, ReplicationResult& x) {
    CHECK_FALSE(fs::exists(parent / "streamed"));  // not under its name before finish()
    writer.add(r, x);
    release_rows(x);
  };
  const RunResult released = run_simulation(f.scenario, plugins, streamed);
  writer.finish(released, manifest);

  const std::vector<std::string> names = files_of(parent / "whole");
  REQUIRE(names == files_of(parent / "streamed"));
  CHECK(std::find(names.begin(), names.end(), "metrics.csv") != names.end());
  for (const std::string& name : names)
    CHECK(testing::read_text(parent / "whole" / name) ==
          testing::read_text(parent / "streamed" / name));
}

TEST_CASE("a run folder writer that is not finished leaves nothing behind", "[output]") {
  const fs::path parent = testing::fresh_folder("unfinished");
  const RunResult r = testing::sample_result();
  {
    RunFolderWriter writer(parent / "run", testing::sample_scenario(), r.agents, r.metric_specs,
                           false);
    writer.add(0, r.replications[0]);
    CHECK_THROWS_AS(writer.add(2, r.replications[2]), Error);              // out of order
    CHECK_THROWS_AS(writer.finish(r, testing::sample_manifest()), Error);  // 1 of 3 written
  }
  CHECK(fs::is_empty(parent));
}
