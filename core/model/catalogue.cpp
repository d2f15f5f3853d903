#include "model/catalogue.hpp"

namespace tandem {

const std::vector<MetricSpec>& metric_catalogue() {
  static const std::vector<MetricSpec> specs = {
      {"inquiries", "count", "Inquiries from all channels"},
      {"mqls", "count", "Inquiries (new or re-engaged) the lead policy qualified"},
      {"sals", "count", "Leads a rep reached and sales accepted (incl. rep-sourced)"},
      {"sqls", "count", "Accepted leads a rep qualified as having a real need"},
      {"opportunities", "count", "Opportunities opened"},
      {"won_deals", "count", "Opportunities won"},
      {"lost_deals", "count", "Opportunities lost to a competitor"},
      {"no_decision_deals", "count", "Opportunities ended with no decision (status quo)"},
      {"revenue", "money", "Value of deals won"},
      {"marketing_spend", "money", "Channel spend (inquiries x cost per lead)"},
      {"mqls_recycled_unworked", "count", "MQLs recycled to nurture without a single touch"},
      {"open_opportunities", "count", "Opportunities open at the end of the period"},
      {"leads_waiting", "count", "MQLs in rep queues at the end of the period"},
      {"in_market_accounts", "count", "Accounts researching or buying"},
      {"active_leads", "count", "Leads still in the funnel or in nurture (what memory holds)"},
      {"cancelled_deals", "count", "Won deals whose customer cancelled in their first term"},
      {"cancelled_revenue", "money", "Value of those deals"},
      {"mqls_real_need", "count",
       "MQLs whose lead had a real (latent) need: precision's numerator"},
      {"sla_breaches", "count", "MQLs first touched later than the service level, or never"},
      {"leads_merged", "count", "MQLs that joined their account's lead in play (account-based)"},
      {"deals_pulled", "count",
       "Deals a rep pulled into the pay period with a discount (adaptive)"},
      {"deals_pushed", "count", "Deals a rep pushed into the next pay period (adaptive)"},
      {"discounts_given", "money", "Discounts on won deals that were pulled in"},
      {"hours_on_leads", "hours", "Rep hours spent reaching and qualifying leads"},
      {"hours_on_opportunities", "hours", "Rep hours spent on open opportunities"},
      {"hours_prospecting", "hours", "Rep hours spent on own prospecting"},
      {"leads_worked", "count", "Contact attempts a rep made"},
      {"leads_ignored", "count", "Routed leads a rep chose not to work this period (adaptive)"},
      {"bookings", "money", "Value of won deals credited to the rep"},
      {"agent_mqls", "count", "MQLs from the channels a marketer runs"},
      {"targeting", "level", "A marketer's targeting: -1 broad, 0 standard, 1 tight"},
      {"enablement", "flag",
       "1 if the marketer produced sales-enablement content this period (adaptive)"},
      {"favoured_channel", "index",
       "The channel (0-based, as declared) a marketer moved budget to; -1: none (adaptive)"},
  };
  return specs;
}

}  // namespace tandem
