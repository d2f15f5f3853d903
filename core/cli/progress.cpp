#include "cli/progress.hpp"

#include <fmt/core.h>

#include <unistd.h>

#include <cstdio>

namespace tandem::cli {

study::Progress terminal_progress(const std::string& label) {
  if (!isatty(STDERR_FILENO)) return {};
  const std::string prefix = label.empty() ? "" : label + " ";
  return [prefix](int done, int total) {
    const int width = 30, filled = done * width / total;
    fmt::print(stderr, "\r  {}[{:=<{}}{: <{}}] {}/{} replications", prefix, "", filled, "",
               width - filled, done, total);
    if (done == total)
      fmt::print(stderr, "\r{: <{}}\r", "", width + 40 + static_cast<int>(prefix.size()));
    std::fflush(stderr);
  };
}

SweepProgress::SweepProgress(int points, int replications)
    : points_(points), replications_(replications), shown_(isatty(STDERR_FILENO) != 0) {}

study::Progress SweepProgress::point(int index) {
  if (!shown_) return {};
  return [this, index](int done, int) {
    const int total = points_ * replications_, all = index * replications_ + done;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double left = all > 0 ? elapsed * (total - all) / all : 0.0;
    const int width = 30, filled = all * width / total;
    fmt::print(stderr, "\r  point {}/{} [{:=<{}}{: <{}}] {}/{} replications, about {:.0f} s left ",
               index + 1, points_, "", filled, "", width - filled, all, total, left);
    if (all == total) fmt::print(stderr, "\r{: <{}}\r", "", width + 80);
    std::fflush(stderr);
  };
}

}  // namespace tandem::cli
