// Leads and opportunities, stored column by column in contiguous arrays (one vector per
// field, not one heap object per lead), indexed by a 32-bit id that never changes.
#pragma once

#include <tandem/money.hpp>

#include <cstdint>
#include <vector>

namespace tandem {

// Where a lead stands in the demand waterfall.
enum class Stage : std::uint8_t {
  nurture,      // an inquiry that is not (or no longer) an MQL, kept in nurture programs
  mql,          // marketing-qualified, routed to a rep, waiting to be reached
  opportunity,  // qualified and turned into an opportunity
  closed,       // its opportunity was decided
  gone          // left the database (nurture ran out)
};

// Who brought the lead in.
inline constexpr std::int16_t kProspected = -1;  // channel value for rep-sourced leads

struct LeadTable {
  // Latent: what decides outcomes. Never shown to a policy or an agent.
  std::vector<float> quality;  // P(real need) = fit x need of the account's state
  std::vector<std::uint8_t> real_need;
  // Observable signals.
  std::vector<float> score;
  std::vector<float> fit_seen;
  std::vector<std::int16_t> engagement;
  std::vector<std::int16_t> group_engaged;
  std::vector<std::int16_t> channel;  // kProspected for leads a rep sourced
  // Bookkeeping.
  std::vector<std::uint32_t> account;
  std::vector<std::int32_t> created;  // period of the first inquiry
  std::vector<std::int32_t> arrived;  // period it last entered its current stage
  std::vector<std::int32_t> rep;      // rep it is routed to, or -1
  std::vector<std::int16_t> owner;    // marketer credited (channel owner), or -1
  std::vector<std::int8_t> attempts;  // contact attempts at the current stage
  std::vector<std::int8_t> recycled;  // times it came back from nurture
  std::vector<std::uint8_t> was_mql;  // ever an MQL
  std::vector<std::uint8_t> touched;  // ever worked by a rep as an MQL
  std::vector<Stage> stage;

  std::uint32_t size() const { return static_cast<std::uint32_t>(stage.size()); }

  std::uint32_t add() {
    quality.push_back(0);
    real_need.push_back(0);
    score.push_back(0);
    fit_seen.push_back(0);
    engagement.push_back(0);
    group_engaged.push_back(0);
    channel.push_back(kProspected);
    account.push_back(0);
    created.push_back(0);
    arrived.push_back(0);
    rep.push_back(-1);
    owner.push_back(-1);
    attempts.push_back(0);
    recycled.push_back(0);
    was_mql.push_back(0);
    touched.push_back(0);
    stage.push_back(Stage::nurture);
    return size() - 1;
  }

  void reserve(std::size_t n) {
    quality.reserve(n), real_need.reserve(n), score.reserve(n), fit_seen.reserve(n);
    engagement.reserve(n), group_engaged.reserve(n), channel.reserve(n), account.reserve(n);
    created.reserve(n), arrived.reserve(n), rep.reserve(n), owner.reserve(n);
    attempts.reserve(n), recycled.reserve(n), was_mql.reserve(n), touched.reserve(n);
    stage.reserve(n);
  }
};

enum class DealResult : std::uint8_t { open, won, lost, no_decision };

struct OpportunityTable {
  std::vector<std::uint32_t> lead;
  std::vector<std::int32_t> rep;
  std::vector<std::int64_t> size_cents;
  std::vector<std::int32_t> opened;
  std::vector<std::int32_t> close;  // period the buying group decides; slips if not worked
  std::vector<DealResult> result;

  std::uint32_t size() const { return static_cast<std::uint32_t>(lead.size()); }

  std::uint32_t add(std::uint32_t l, std::int32_t r, Money deal, std::int32_t open_period,
                    std::int32_t close_period) {
    lead.push_back(l);
    rep.push_back(r);
    size_cents.push_back(deal.cents());
    opened.push_back(open_period);
    close.push_back(close_period);
    result.push_back(DealResult::open);
    return size() - 1;
  }
};

}  // namespace tandem
