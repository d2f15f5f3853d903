// A lead-definition policy: which inquiries become MQLs, what sales must accept, how MQLs
// are routed, the service level, and what it learns from outcomes. The parameters every
// policy shares (the service level, the routing rule) are declared and read by the
// helpers at the bottom, so each policy offers them the same way.
#pragma once

#include <tandem/errors.hpp>
#include <tandem/params.hpp>
#include <tandem/views.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {
inline namespace v4 {

// Visible, like the error types, so that RTTI (dynamic_cast, typeid) of a policy made in a
// plugin agrees with the core's under hidden visibility.
class TANDEM_VISIBLE LeadPolicy {
 public:
  virtual ~LeadPolicy() = default;

  // Is this inquiry a marketing-qualified lead? Called when an inquiry arrives or a
  // recycled lead re-engages. Not const: a policy may keep state (one instance per
  // replication, so no locking is needed).
  virtual bool is_mql(const LeadView& lead) = 0;

  // How the policy ranks leads, 0..100: what its precision and AUC are measured on. By
  // default the company's lead score.
  virtual double score(const LeadView& lead) const { return lead.score; }

  // Once a rep has reached the lead (lead.sales_read is set): does sales accept it
  // (MQL -> SAL)?
  virtual bool accepts(const LeadView& /*lead*/) { return true; }

  // Which of `reps` (an index into it) gets the new MQL. By default the one with the
  // shortest queue, the lowest index on a tie.
  virtual int route(const LeadView& /*lead*/, std::span<const RepView> reps) {
    int best = 0;
    for (int r = 1; r < static_cast<int>(reps.size()); ++r)
      if (reps[static_cast<std::size_t>(r)].queue < reps[static_cast<std::size_t>(best)].queue)
        best = r;
    return best;
  }

  // Account-based: an account, not a lead, is qualified and worked. While one of its leads
  // is an open MQL or opportunity, its other leads join that one instead of becoming
  // MQLs of their own.
  virtual bool works_accounts() const { return false; }

  // The follow-up time, recycling and contact attempts sales works under.
  virtual ServiceLevel service_level() const { return {}; }

  // Feedback: what became of a lead this policy qualified. A rejection comes with what
  // sales read (lead.sales_read), the reason sales gives.
  virtual void on_outcome(const LeadView& /*lead*/, Outcome /*outcome*/) {}
};

// --- Parameters every policy shares --------------------------------------------------

inline const std::vector<std::string>& breach_action_words() {
  static const std::vector<std::string> words = {"none", "reassign", "escalate", "recycle"};
  return words;
}

// Adds first_touch_hours, recycle_after_periods, max_touches and on_breach to `schema`.
inline Schema& with_service_level(Schema& schema, ServiceLevel defaults = {}) {
  return schema
      .param<double>("first_touch_hours", defaults.first_touch_hours,
                     "Sales should first touch an MQL within this many hours; later is a breach.",
                     in_range(0.0, 8760.0).excluding_min().with_unit("hours"))
      .param<std::int64_t>("recycle_after_periods", defaults.recycle_after_periods,
                           "An MQL nobody touched by then goes back to nurture.",
                           in_range(1, 104).with_unit("periods"))
      .param<std::int64_t>("max_touches", defaults.max_touches,
                           "Contact attempts before an unreached lead goes back to nurture.",
                           in_range(1, 20).with_unit("attempts"))
      .param<std::string>(
          "on_breach", breach_action_words()[static_cast<std::size_t>(defaults.on_breach)],
          "What a breach (an MQL not first touched within first_touch_hours) sets off: "
          "none (it waits its turn), reassign (to the worker with the most hours free), "
          "escalate (first touched at the next working hour, before anything else) or "
          "recycle (back to nurture).",
          one_of(breach_action_words()));
}

inline ServiceLevel service_level_from(const Params& p) {
  const std::string action = p.get<std::string>("on_breach");
  BreachAction on_breach = BreachAction::none;
  for (std::size_t i = 0; i < breach_action_words().size(); ++i)
    if (breach_action_words()[i] == action) on_breach = static_cast<BreachAction>(i);
  return {p.get<double>("first_touch_hours"),
          static_cast<int>(p.get<std::int64_t>("recycle_after_periods")),
          static_cast<int>(p.get<std::int64_t>("max_touches")), on_breach};
}

// How MQLs are routed: in turn, to the owner of the account's territory, or to whoever
// has the most hours free.
enum class Routing { round_robin, territory, capacity };

inline const std::vector<std::string>& routing_words() {
  static const std::vector<std::string> words = {"round_robin", "territory", "capacity"};
  return words;
}

// Adds `routing` to `schema`.
inline Schema& with_routing(Schema& schema, std::string_view fallback = "capacity") {
  return schema.param<std::string>(
      "routing", std::string(fallback),
      "How MQLs are routed: round_robin (in turn), territory (to the account's owner) or "
      "capacity (to whoever has the most hours free).",
      one_of(routing_words()));
}

// Routes by the rule a policy was given. Keeps the round-robin turn, so one per policy.
class Router {
 public:
  explicit Router(const Params& p) {
    const std::string rule = p.get<std::string>("routing");
    rule_ = rule == "round_robin" ? Routing::round_robin
            : rule == "territory" ? Routing::territory
                                  : Routing::capacity;
  }

  int route(const LeadView& lead, std::span<const RepView> reps) {
    const int n = static_cast<int>(reps.size());
    switch (rule_) {
      case Routing::round_robin:
        return static_cast<int>(next_++ % static_cast<std::uint64_t>(n));
      case Routing::territory:
        return lead.territory_owner;
      case Routing::capacity:
        break;
    }
    // Capacity: the smallest share of a period's hours already committed.
    int best = 0;
    const auto load = [&](int r) {
      const RepView& v = reps[static_cast<std::size_t>(r)];
      return v.hours_per_period > 0 ? v.hours_committed / v.hours_per_period : 0.0;
    };
    for (int r = 1; r < n; ++r)
      if (load(r) < load(best)) best = r;
    return best;
  }

 private:
  Routing rule_ = Routing::capacity;
  std::uint64_t next_ = 0;
};

}  // namespace v4
}  // namespace tandem
