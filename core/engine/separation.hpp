// How well a lead policy separates good leads from bad: at every decision it makes, its
// score and verdict against the lead's latent need (which the policy never sees). Gives
// MQL precision and recall, and the AUC of the score: the chance that a lead with a real
// need scores above one without (ties count half). Scores are kept in a histogram of
// 0.1-point bins, so memory does not grow with the number of leads.
#pragma once

#include <array>
#include <cstdint>

namespace tandem {

class Separation {
 public:
  void add(double score, bool real_need, bool mql) {
    const auto bin = static_cast<std::size_t>(score < 0 ? 0 : score > 100 ? kBins - 1 : score * 10);
    (real_need ? good_ : bad_)[bin] += 1;
    if (mql) (real_need ? mql_good_ : mql_bad_) += 1;
  }

  // Of the MQLs, the share with a real need.
  double precision() const {
    const double n = static_cast<double>(mql_good_ + mql_bad_);
    return n > 0 ? static_cast<double>(mql_good_) / n : 0.0;
  }
  // Of the decisions on leads with a real need, the share made MQLs.
  double recall() const {
    std::int64_t good = 0;
    for (const auto g : good_) good += g;
    return good > 0 ? static_cast<double>(mql_good_) / static_cast<double>(good) : 0.0;
  }
  // Mann-Whitney on the histograms: 0.5 is a coin toss, 1 a perfect ranking.
  double auc() const {
    double below = 0, pairs_won = 0, good = 0, bad = 0;
    for (std::size_t b = 0; b < kBins; ++b) {
      pairs_won += static_cast<double>(good_[b]) * (below + 0.5 * static_cast<double>(bad_[b]));
      below += static_cast<double>(bad_[b]);
      good += static_cast<double>(good_[b]);
    }
    bad = below;
    return good > 0 && bad > 0 ? pairs_won / (good * bad) : 0.5;
  }

 private:
  static constexpr std::size_t kBins = 1001;  // 0.0, 0.1, ..., 100.0
  std::array<std::int64_t, kBins> good_{}, bad_{};
  std::int64_t mql_good_ = 0, mql_bad_ = 0;
};

}  // namespace tandem
