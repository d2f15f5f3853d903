// Leads and opportunities, stored column by column in contiguous arrays (one vector per
// field, not one heap object per lead), indexed by a 32-bit slot. A lead that leaves the
// funnel frees its slot for the next one, so memory follows the leads still active, not
// the whole history; `serial` is the lead's own number, never reused.
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

class LeadTable {
 public:
  // Latent: what decides outcomes. Never shown to a policy or an agent.
  std::vector<float> quality;  // P(real need) = fit x need of the account's state
  std::vector<std::uint8_t> real_need;
  std::vector<std::uint8_t> authority;  // the person inquiring can sign
  // Observable signals.
  std::vector<std::uint8_t> has_contact;
  std::vector<float> budget_seen, authority_seen, need_seen, timing_seen;  // BANT, 0..1
  std::vector<std::int8_t> sales_read;  // a rep's read of the need: 1, 0, or -1 not reached
  std::vector<float> score;
  std::vector<float> fit_seen;
  std::vector<std::int16_t> engagement;
  std::vector<std::int16_t> group_engaged;
  std::vector<std::int16_t> channel;  // kProspected for leads a rep sourced
  // Bookkeeping.
  std::vector<std::uint64_t> serial;  // the lead's number in this replication
  std::vector<std::uint64_t> routed;  // when it was last routed to a rep (a sequence)
  std::vector<std::uint32_t> account;
  std::vector<std::int32_t> created;       // period of the first inquiry
  std::vector<std::int32_t> created_hour;  // hour of the first inquiry, from the run's start
  std::vector<std::int32_t> arrived;       // period it last entered its current stage
  std::vector<double> arrived_hour;        // when, in hours from the run's start
  std::vector<std::int32_t> rep;           // rep it is routed to, or -1
  std::vector<std::int16_t> owner;         // marketer credited (channel owner), or -1
  std::vector<std::int8_t> attempts;       // contact attempts at the current stage
  std::vector<std::int8_t> recycled;       // times it came back from nurture
  std::vector<std::uint8_t> was_mql;       // ever an MQL: 1, or 2 if only in the warm-up
  std::vector<std::uint8_t> touched;       // ever worked by a rep as an MQL
  std::vector<std::uint8_t> breached;      // missed the service level's first-touch time
  std::vector<std::uint8_t> ignored;       // a rep chose not to work it, since it was routed
  std::vector<std::uint8_t> escalated;     // breached with `escalate`: worked before the rest
  std::vector<std::int8_t> touch_band;     // wait band of this MQL's first touch, or -1
  std::vector<Stage> stage;

  std::uint32_t size() const { return static_cast<std::uint32_t>(stage.size()); }

  // A slot for a new lead, every field at its initial value.
  std::uint32_t add(std::uint64_t number) {
    if (!free_.empty()) {
      const std::uint32_t id = free_.back();
      free_.pop_back();
      reset(id, number);
      return id;
    }
    for_each_column([](auto& column) { column.emplace_back(); });
    reset(size() - 1, number);
    return size() - 1;
  }

  // The lead left the funnel (closed, or dropped from nurture): its slot can be reused.
  void release(std::uint32_t id) { free_.push_back(id); }

  // Slots holding a lead now.
  std::size_t active() const { return stage.size() - free_.size(); }

  void reserve(std::size_t n) {
    for_each_column([n](auto& column) { column.reserve(n); });
  }

 private:
  template <class F>
  void for_each_column(F f) {
    f(quality), f(real_need), f(authority), f(score), f(fit_seen), f(engagement);
    f(group_engaged), f(has_contact), f(budget_seen), f(authority_seen), f(need_seen);
    f(timing_seen), f(sales_read);
    f(channel), f(serial), f(routed), f(account), f(created), f(created_hour), f(arrived),
        f(arrived_hour), f(rep), f(owner), f(attempts);
    f(recycled), f(was_mql), f(touched), f(breached), f(ignored), f(escalated), f(touch_band);
    f(stage);
  }

  void reset(std::uint32_t id, std::uint64_t number) {
    quality[id] = 0, real_need[id] = 0, authority[id] = 0, score[id] = 0, fit_seen[id] = 0;
    engagement[id] = 0, group_engaged[id] = 0, has_contact[id] = 1, budget_seen[id] = 0;
    authority_seen[id] = 0, need_seen[id] = 0, timing_seen[id] = 0, sales_read[id] = -1;
    channel[id] = kProspected, serial[id] = number, routed[id] = 0, account[id] = 0;
    created[id] = 0, created_hour[id] = 0, arrived[id] = 0, arrived_hour[id] = 0, rep[id] = -1;
    owner[id] = -1, attempts[id] = 0, recycled[id] = 0, was_mql[id] = 0, touched[id] = 0;
    breached[id] = 0, ignored[id] = 0, escalated[id] = 0, touch_band[id] = -1;
    stage[id] = Stage::nurture;
  }

  std::vector<std::uint32_t> free_;
};

enum class DealResult : std::uint8_t { open, won, lost, no_decision };

struct OpportunityTable {
  std::vector<std::uint32_t> lead;
  std::vector<std::int32_t> rep;
  std::vector<std::int64_t> size_cents;
  std::vector<std::int32_t> opened;
  std::vector<std::int32_t> close;  // period the buying group decides; slips if not worked
  std::vector<DealResult> result;
  std::vector<std::int32_t> decided;         // period the buying group decided; -1 while open
  std::vector<std::uint8_t> product;         // index into the scenario's products
  std::vector<std::int32_t> sdr;             // the SDR (worker index) who handed it over; -1: none
  std::vector<std::uint8_t> pulled;          // pulled into an earlier pay period with a discount
  std::vector<std::uint8_t> pushed;          // pushed into the next pay period
  std::vector<std::int64_t> discount_cents;  // given on a pulled deal that was won
  std::vector<float> depth;                  // discount depth a pulled deal was agreed at
  std::vector<DealResult> verdict;           // what its group will decide, once drawn (else open)

  std::uint32_t size() const { return static_cast<std::uint32_t>(lead.size()); }

  std::uint32_t add(std::uint32_t l, std::int32_t r, Money deal, std::int32_t open_period,
                    std::int32_t close_period, std::uint8_t product_index,
                    std::int32_t sdr_worker) {
    lead.push_back(l);
    rep.push_back(r);
    size_cents.push_back(deal.cents());
    opened.push_back(open_period);
    close.push_back(close_period);
    result.push_back(DealResult::open);
    decided.push_back(-1);
    product.push_back(product_index);
    sdr.push_back(sdr_worker);
    pulled.push_back(0);
    pushed.push_back(0);
    discount_cents.push_back(0);
    depth.push_back(0);
    verdict.push_back(DealResult::open);
    return size() - 1;
  }
};

}  // namespace tandem
