// A lead-definition policy: which inquiries become MQLs, what sales must accept, the
// service level, and what it learns from outcomes.
#pragma once

#include <tandem/views.hpp>

namespace tandem {
inline namespace v2 {

class LeadPolicy {
 public:
  virtual ~LeadPolicy() = default;

  // Is this inquiry a marketing-qualified lead? Called when an inquiry arrives or a
  // recycled lead re-engages. Not const: a policy may keep state (one instance per
  // replication, so no locking is needed).
  virtual bool is_mql(const LeadView& lead) = 0;

  // Once a rep has reached the lead: does sales accept it (MQL -> SAL)?
  virtual bool accepts(const LeadView& /*lead*/) { return true; }

  // The follow-up time and recycling rule sales works under.
  virtual ServiceLevel service_level() const { return {}; }

  // Feedback: what became of a lead this policy qualified.
  virtual void on_outcome(const LeadView& /*lead*/, Outcome /*outcome*/) {}
};

}  // namespace v2
}  // namespace tandem
