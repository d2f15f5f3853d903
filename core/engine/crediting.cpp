#include "engine/crediting.hpp"

namespace tandem {

Crediting::Crediting(const CreditingConfig& rule, int marketers, int reps)
    : rule_(rule), marketers_(marketers), reps_(reps) {}

void Crediting::split(const DealParties& deal, std::vector<CreditPiece>& out) const {
  out.clear();
  const auto give = [&](int agent, Money value, CreditKind kind) {
    if (value > Money{}) out.push_back({agent, value, kind});
  };

  // Sales: the team's share first, split equally; of the rest, the SDR's share when an SDR
  // handed it over, then the account owner's share when someone else won it; the closer
  // keeps what is left, so nothing is lost to rounding.
  const Money team = deal.value.times(rule_.team_share);
  const Money sdr = deal.sdr >= 0 ? (deal.value - team).times(rule_.sdr_share) : Money{};
  const Money rest = deal.value - team - sdr;
  give(deal.sdr, sdr, CreditKind::qualified);
  const Money owner =
      deal.account_owner != deal.closer ? rest.times(rule_.account_owner_share) : Money{};
  give(deal.closer, rest - owner, CreditKind::closed);
  give(deal.account_owner, owner, CreditKind::split);
  split_equally(team, reps_, deal.id,
                [&](int i, Money part) { give(marketers_ + i, part, CreditKind::team); });

  // Marketing: the sourcing marketer's share, or, for a lead sales sourced and nurture
  // brought back, the influence share split among all marketers.
  if (deal.source >= 0)
    give(deal.source, deal.value.times(rule_.sourced_share), CreditKind::sourced);
  else if (deal.influenced && marketers_ > 0)
    split_equally(deal.value.times(rule_.influenced_share), marketers_, deal.id,
                  [&](int i, Money part) { give(i, part, CreditKind::influenced); });
}

}  // namespace tandem
