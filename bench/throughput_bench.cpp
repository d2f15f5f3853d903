// Measures the engine against its performance targets and prints one table: throughput in
// active lead-periods per second per core (fixed and adaptive agents), the speed-up from
// one thread to two, and peak memory on a large scenario, for the engine alone and for the
// whole `tandem run`. Definitions and measured figures: docs/performance.md.
//
// Peak memory is measured first, in child processes, while this process is still small:
// a child's maximum resident set size (from wait4) starts from what it inherits at fork,
// so each child reports its own peak only if the parent has not grown yet. The timings
// come after, in this process, each the best of several runs because other work on the
// machine only ever makes a run slower; each peak is the highest of as many children.
#include "bench_targets.hpp"
#include "config/scenario.hpp"
#include "engine/metrics.hpp"
#include "engine/row_digest.hpp"
#include "engine/simulation.hpp"
#include "plugins/registry.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace tandem;
namespace fs = std::filesystem;

namespace {

// `tandem run` of the large scenario with this many replications, once.
constexpr int kManyReplications = 25;

// ---- The machine ---------------------------------------------------------------------

std::string first_field(const char* file, const std::string& key) {
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key, 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(" \t", colon + 1));
    }
  return "unknown";
}

// The machine's load: other work makes timings slower (never faster), so it goes beside them.
std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five;
  in >> one >> five;
  return one + " (1 min), " + five + " (5 min)";
}

double load_now() {
  std::ifstream in("/proc/loadavg");
  double one = 0;
  in >> one;
  return one;
}

// 12345678 -> "12,345,678": figures this size are unreadable without grouping.
std::string grouped(double value) {
  std::string digits = fmt::format("{:.0f}", value);
  for (auto i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

double mib(long kib) {
  return static_cast<double>(kib) / 1024.0;
}

// ---- Active lead-periods -------------------------------------------------------------

// The sum over replications and periods of the company metric active_leads: the leads the
// engine holds (in nurture or in the funnel) at the end of each period. The engine's work
// per period grows with them, so it is the unit of work throughput is quoted in.
double active_lead_periods(const RunResult& r) {
  const auto metric = static_cast<std::uint32_t>(Metric::active_leads);
  double sum = 0;
  for (const auto& rep : r.replications)
    for (const MetricRow& row : rep.metrics)
      if (row.agent == -1 && row.metric == metric) sum += row.value;
  return sum;
}

// ---- Peak memory, each in its own child process --------------------------------------

struct Peak {
  long max_rss_kib = 0;                          // from wait4: the child's peak resident set
  double seconds = 0;                            // the child's wall time
  std::size_t metric_rows = 0, ledger_rows = 0;  // what the engine held at the end
};

// Waits for `pid` and returns its peak; throws if it failed.
Peak wait_for(pid_t pid, std::chrono::steady_clock::time_point start, const char* what) {
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(fmt::format("{} failed (status {})", what, status));
  Peak p;
  p.max_rss_kib = usage.ru_maxrss;
  p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return p;
}

// A child that exits at once: what every child inherits, the floor under the figures below.
Peak floor_peak() {
  std::fflush(stdout);  // or the child would print this process's buffered output again
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) _exit(0);
  return wait_for(pid, start, "empty child");
}

// The engine alone: load the scenario, run every replication, count each one's rows when it
// is handed over and release them (as `tandem run` does once it has written them), exit.
// The counts come back through a pipe.
Peak engine_peak(const std::string& scenario, int replications, int threads) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    try {
      PluginRegistry registry(plugin_search_path({}));
      const Scenario s =
          load_scenario(scenario, {fmt::format("replications={}", replications)}, registry);
      std::size_t counts[2] = {0, 0};
      RunOptions options;
      options.threads = threads;
      options.on_replication = [&counts](int, ReplicationResult& rep) {
        counts[0] += rep.metrics.size();
        counts[1] += rep.ledger.size();
        release_rows(rep);
      };
      run_simulation(s, resolve_plugins(s, registry), options);
      const bool sent = write(fds[1], counts, sizeof counts) == sizeof counts;
      _exit(sent ? 0 : 1);
    } catch (const std::exception& e) {
      fmt::print(stderr, "error: {}\n", e.what());
      _exit(1);
    }
  }
  close(fds[1]);
  std::size_t counts[2] = {0, 0};
  const bool got = read(fds[0], counts, sizeof counts) == sizeof counts;
  close(fds[0]);
  Peak p = wait_for(pid, start, "engine run");
  if (!got) throw std::runtime_error("engine run sent no counts");
  p.metric_rows = counts[0];
  p.ledger_rows = counts[1];
  return p;
}

// The whole command, writing its run folder (and not recording it in the run history).
Peak tandem_run_peak(const fs::path& tandem, const std::string& scenario, int replications,
                     int threads, const fs::path& out) {
  std::vector<std::string> args = {tandem.string(),
                                   "run",
                                   scenario,
                                   "--out",
                                   out.string(),
                                   "--force",
                                   "--no-history",
                                   "--replications",
                                   std::to_string(replications),
                                   "--threads",
                                   std::to_string(threads)};
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const int null = open("/dev/null", O_WRONLY);  // the summary table: not wanted here
    if (null < 0 || dup2(null, STDOUT_FILENO) < 0) _exit(1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return wait_for(pid, start, "tandem run");
}

std::uintmax_t folder_bytes(const fs::path& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) bytes += entry.file_size();
  return bytes;
}

// ---- Throughput, in this process -----------------------------------------------------

struct Timed {
  double seconds = 0;      // wall time, the best of the repeats
  double cpu_seconds = 0;  // CPU time this process used in that run, over all its threads
  double lead_periods = 0;
};

double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

Timed best_of(const Scenario& s, const RunPlugins& plugins, int threads, int repeats) {
  RunOptions options;
  options.threads = threads;
  Timed t;
  for (int i = 0; i < repeats; ++i) {
    const double cpu_start = cpu_now();
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = run_simulation(s, plugins, options);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (i == 0 || secs < t.seconds) t.seconds = secs, t.cpu_seconds = cpu_now() - cpu_start;
    t.lead_periods = active_lead_periods(r);  // the same every time: results are exact
  }
  return t;
}

// ---- The report ----------------------------------------------------------------------

void show(const std::string& what, const Peak& p) {
  fmt::print("  {:<44} {:>8.1f} MiB  {:6.1f} s", what, mib(p.max_rss_kib), p.seconds);
  if (p.metric_rows > 0)
    fmt::print("  ({} metric rows = {:.1f} MiB, {} ledger rows)", grouped(p.metric_rows),
               static_cast<double>(p.metric_rows * sizeof(MetricRow)) / (1 << 20),
               grouped(p.ledger_rows));
  fmt::print("\n");
}

// CPUs busy = CPU time / wall time: below the thread count when other work had the cores,
// which is what bounds the speed-up on a shared machine.
void show(const std::string& what, const Timed& t) {
  fmt::print(
      "  {:<20} {:6.3f} s ({:4.2f} CPUs busy)  {:>11} active lead-periods  {:>11}/s"
      "  {:4.1f} ns each\n",
      what, t.seconds, t.cpu_seconds / t.seconds, grouped(t.lead_periods),
      grouped(t.lead_periods / t.seconds), 1e9 * t.seconds / t.lead_periods);
}

void target(const std::string& figure, const std::string& measured, const std::string& goal,
            bool met) {
  fmt::print("{:<46} {:>16}  {:<16} {}\n", figure, measured, goal, met ? "PASS" : "MISS");
}

// Peak memory of the large scenario: the engine and `tandem run`, with one replication and
// with the scenario's, on one thread and on as many as `tandem run` uses by default, so the
// increments show how the peak scales. Each figure is the highest of `repeats` children:
// the peak moves by several MiB from run to run with where the allocator happens to place
// things, and a ceiling should be the worst seen. Then the whole command once with
// kManyReplications, to show the peak does not grow with replications (each one's rows are
// written and released as it finishes). Returns the highest whole-command peak.
Peak measure_memory(const std::string& large, const Scenario& big, int cores, int repeats) {
  const int reps = big.replications, threads = std::min(cores, reps);
  const fs::path tandem = fs::read_symlink("/proc/self/exe").parent_path() / "tandem";
  const fs::path out = fs::temp_directory_path() / fmt::format("tandem-bench-{}", getpid());
  fmt::print("peak memory: {} ({} accounts, {} periods), highest of {} child processes each\n",
             big.name, big.market.accounts, big.horizon.periods, repeats);
  fmt::print("  {:<44} {:>8.1f} MiB\n", "floor (what every child inherits)",
             mib(floor_peak().max_rss_kib));
  const auto many = [&](const char* what, int n) {
    return fmt::format("{}, {} replication{}, {} thread{}", what, reps, reps > 1 ? "s" : "", n,
                       n > 1 ? "s" : "");
  };
  const auto highest = [repeats](const std::string& what, const auto& measure) {
    Peak top = measure();
    for (int i = 1; i < repeats; ++i)
      if (const Peak p = measure(); p.max_rss_kib > top.max_rss_kib) top = p;
    show(what, top);
    return top;
  };
  const Peak engine_1 =
      highest("engine, 1 replication, 1 thread", [&] { return engine_peak(large, 1, 1); });
  const Peak engine_r = highest(many("engine", 1), [&] { return engine_peak(large, reps, 1); });
  const Peak engine_rt =
      highest(many("engine", threads), [&] { return engine_peak(large, reps, threads); });
  const Peak run_1 = highest("tandem run, 1 replication, 1 thread",
                             [&] { return tandem_run_peak(tandem, large, 1, 1, out); });
  const Peak run_r =
      highest(many("tandem run", 1), [&] { return tandem_run_peak(tandem, large, reps, 1, out); });
  const Peak run_rt = highest(many("tandem run", threads),
                              [&] { return tandem_run_peak(tandem, large, reps, threads, out); });
  fmt::print("  run folder of the last: {:.1f} MiB on disk\n",
             static_cast<double>(folder_bytes(out)) / (1 << 20));
  // Many more replications, once (it takes about a minute): memory should not grow with them.
  const Peak run_many = tandem_run_peak(tandem, large, kManyReplications, threads, out);
  show(fmt::format("tandem run, {} replications, {} threads (once)", kManyReplications, threads),
       run_many);
  fs::remove_all(out);
  const auto step = [](const Peak& more, const Peak& less, int n) {
    return mib(more.max_rss_kib - less.max_rss_kib) / std::max(1, n);
  };
  fmt::print("  per further replication: {:+.1f} MiB (engine), {:+.1f} MiB (tandem run)\n",
             step(engine_r, engine_1, reps - 1), step(run_r, run_1, reps - 1));
  fmt::print("  {} threads instead of 1:  {:+.1f} MiB (engine), {:+.1f} MiB (tandem run)\n",
             threads, step(engine_rt, engine_r, 1), step(run_rt, run_r, 1));
  fmt::print("  from {} to {} replications ({} threads): {:+.2f} MiB per replication\n", reps,
             kManyReplications, threads, step(run_many, run_rt, kManyReplications - reps));
  fmt::print("\n");
  return run_many.max_rss_kib > run_rt.max_rss_kib ? run_many : run_rt;
}

struct Throughput {
  Timed one, two, adaptive;  // fixed rules on 1 and 2 threads; adaptive agents on 1
};

// Throughput on the baseline scenario: warm up once, then the best of `repeats` runs each.
Throughput measure_throughput(const std::string& baseline, int replications, int repeats,
                              PluginRegistry& registry) {
  const std::vector<std::string> reps = {fmt::format("replications={}", replications)};
  const Scenario fixed = load_scenario(baseline, reps, registry);
  const RunPlugins fixed_plugins = resolve_plugins(fixed, registry);
  auto adaptive_overrides = reps;
  adaptive_overrides.push_back("behaviour.mode=adaptive");
  const Scenario adaptive = load_scenario(baseline, adaptive_overrides, registry);
  const RunPlugins adaptive_plugins = resolve_plugins(adaptive, registry);
  best_of(fixed, fixed_plugins, 1, 1);  // warm up: page in the plugins and the caches
  Throughput t;
  t.one = best_of(fixed, fixed_plugins, 1, repeats);
  t.two = best_of(fixed, fixed_plugins, 2, repeats);
  t.adaptive = best_of(adaptive, adaptive_plugins, 1, repeats);
  fmt::print("throughput: {}, {} replications x {} periods, best of {} runs each\n", fixed.name,
             replications, fixed.horizon.periods, repeats);
  show("fixed, 1 thread", t.one);
  show("fixed, 2 threads", t.two);
  show("adaptive, 1 thread", t.adaptive);
  fmt::print(
      "  2 threads used {:.2f}x the CPU time of 1 for the same work; on two free cores "
      "the speed-up would be about {:.2f}x\n",
      t.two.cpu_seconds / t.one.cpu_seconds, 2.0 * t.one.cpu_seconds / t.two.cpu_seconds);
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr,
               "usage: throughput_bench BASELINE LARGE [REPEATS] [BASELINE_REPLICATIONS]\n"
               "  e.g. throughput_bench scenarios/baseline.yaml bench/scenarios/large.yaml\n");
    return 2;
  }
  const std::string baseline = argv[1], large = argv[2];
  const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  const int baseline_reps = argc > 4 ? std::max(1, std::atoi(argv[4])) : 40;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  try {
    fmt::print("machine: {}, {} cores, {:.1f} GiB RAM; load average at start {}\n",
               first_field("/proc/cpuinfo", "model name"), cores,
               std::atof(first_field("/proc/meminfo", "MemTotal").c_str()) / (1024.0 * 1024.0),
               load_average());
    fmt::print("build: {}, {}\n", TANDEM_BENCH_BUILD_TYPE, TANDEM_BENCH_COMPILER);
    if (load_now() > 0.5)
      fmt::print(
          "note: the machine is busy with other work; timings and the speed-up will be "
          "pessimistic\n");
    fmt::print("\n");

    // Peak memory first, while this process is small (see the top of this file).
    PluginRegistry registry(plugin_search_path({}));
    const Peak peak = measure_memory(large, load_scenario(large, {}, registry), cores, repeats);
    const Throughput t = measure_throughput(baseline, baseline_reps, repeats, registry);
    fmt::print("  load average at end {}\n\n", load_average());

    const double per_core = t.one.lead_periods / t.one.seconds;
    const double speed_up = t.one.seconds / t.two.seconds;
    // Adaptive agents run a different company on the same market (marketers paid per MQL
    // buy more, broader inquiries): the cost of their choices is the time per active
    // lead-period, compared with the fixed rules'. The plain time ratio is printed too.
    const double adaptive_ratio =
        (t.adaptive.seconds / t.adaptive.lead_periods) / (t.one.seconds / t.one.lead_periods);
    fmt::print("adaptive / fixed: {:.2f}x the time, on {:.2f}x the active lead-periods\n",
               t.adaptive.seconds / t.one.seconds, t.adaptive.lead_periods / t.one.lead_periods);
    fmt::print("{:<46} {:>16}  {:<16} {}\n", "target", "measured", "goal", "");
    target("fixed: active lead-periods/s per core", grouped(per_core), ">= 10,000,000",
           per_core >= 1e7);
    target("speed-up, 1 -> 2 threads", fmt::format("{:.2f}x", speed_up), ">= 1.80x",
           speed_up >= 1.8);
    target("peak memory, large scenario, tandem run",
           fmt::format("{:.1f} MiB", mib(peak.max_rss_kib)), "< 1 GiB",
           peak.max_rss_kib < 1024L * 1024L);
    target("adaptive / fixed time per active lead-period, 1 thread",
           fmt::format("{:.2f}x", adaptive_ratio),
           fmt::format("<= {:.2f}x", bench::kAdaptiveRatioTarget),
           adaptive_ratio <= bench::kAdaptiveRatioTarget);
    if (cores < 2) fmt::print("(one core: the speed-up cannot be measured here)\n");
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
  }
}
