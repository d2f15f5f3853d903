// load_scenario: read, apply --set, check everything, then fill the typed Scenario.
#include "config/scenario.hpp"

#include "config/checked_tree.hpp"
#include "config/overrides.hpp"
#include "config/resolved_yaml.hpp"
#include "config/scenario_enums.hpp"
#include "config/scenario_schema.hpp"
#include "config/validate.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace tandem {

namespace {

using config::CheckedSection;
using config::Report;
using config::Section;

std::string read_file(const std::filesystem::path& file) {
  const auto fail = [&](int error) {
    return Error("cannot read scenario file '" + file.string() + "': " + std::strerror(error));
  };
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"),
                                                          &std::fclose);
  if (!f) throw fail(errno);
  std::string text;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) text.append(buffer, n);
  if (std::ferror(f.get())) throw fail(errno);  // a folder opens, but reading it fails
  return text;
}

// The file's one YAML document; a syntax error becomes a located problem.
YAML::Node parse(const std::string& text, Report& report) {
  try {
    std::vector<YAML::Node> documents;
    for (auto& d : YAML::LoadAll(text))
      if (!d.IsNull()) documents.push_back(std::move(d));
    if (documents.size() > 1)
      report.add(documents[1], "",
                 "a scenario file holds one YAML document; a second one starts here");
    if (documents.empty()) {
      report.add(Location{report.file(), 1, 1, ""},
                 "the file is empty; a scenario starts with 'tandem: " +
                     std::to_string(config::kScenarioFormat) + "'");
      return YAML::Node(YAML::NodeType::Undefined);
    }
    return documents.front();
  } catch (const YAML::Exception& e) {
    Location where{report.file(), 0, 0, ""};
    if (!e.mark.is_null()) {
      where.line = e.mark.line + 1;
      where.column = e.mark.column + 1;
    }
    report.add(std::move(where), "YAML syntax: " + e.msg);
    return YAML::Node(YAML::NodeType::Undefined);
  }
}

PluginChoice plugin_choice(const CheckedSection& slot) {
  return {slot.plugin->name(), slot.plugin_params, slot.plugin_where};
}

PayChoice pay_choice(const CheckedSection& slot) {
  PayChoice c;
  static_cast<PluginChoice&>(c) = plugin_choice(slot);
  c.period = config::pay_period_from(slot.params.get<std::string>("period"));
  return c;
}

int get_int(const Params& p, const char* name) {
  return p.get<int>(name);
}

// The typed scenario, from a tree that passed every check.
Scenario to_scenario(const Section& schema, const CheckedSection& root) {
  Scenario s;
  const Params& top = root.params;
  s.name = top.get<std::string>("name");
  s.description = top.get<std::string>("description");
  s.seed = static_cast<std::uint64_t>(top.get<std::int64_t>("seed"));
  s.replications = get_int(top, "replications");

  const Params& h = root.section(schema, "horizon").params;
  s.horizon.periods = get_int(h, "periods");
  s.horizon.period = config::sim_period_from(h.get<std::string>("period"));

  const Params& m = root.section(schema, "market").params;
  s.market.accounts = get_int(m, "accounts");
  s.market.fit_mean = m.get<double>("fit_mean");
  s.market.fit_spread = m.get<double>("fit_spread");
  s.market.buying_group = get_int(m, "buying_group");
  s.market.research_rate = m.get<double>("research_rate");
  s.market.buy_rate = m.get<double>("buy_rate");
  s.market.drop_rate = m.get<double>("drop_rate");
  s.market.need_dormant = m.get<double>("need_dormant");
  s.market.need_researching = m.get<double>("need_researching");
  s.market.need_buying = m.get<double>("need_buying");

  for (const auto& item : root.section(schema, "channels").items) {
    const Params& c = item.params;
    ChannelConfig channel;
    channel.name = c.get<std::string>("name");
    channel.budget_per_period = c.get<Money>("budget_per_period");
    channel.cost_per_lead = c.get<Money>("cost_per_lead");
    channel.in_market_share = c.get<double>("in_market_share");
    channel.fit_tilt = c.get<double>("fit_tilt");
    channel.engagement = c.get<double>("engagement");
    s.channels.push_back(std::move(channel));
  }

  const Params& sc = root.section(schema, "scoring").params;
  s.scoring.fit_weight = sc.get<double>("fit_weight");
  s.scoring.engagement_scale = sc.get<double>("engagement_scale");
  s.scoring.noise = sc.get<double>("noise");
  s.scoring.fit_noise = sc.get<double>("fit_noise");

  const Params& f = root.section(schema, "funnel").params;
  s.funnel.contact_rate = f.get<double>("contact_rate");
  s.funnel.decay_per_day = f.get<double>("decay_per_day");
  s.funnel.max_attempts = get_int(f, "max_attempts");
  s.funnel.qualify_sensitivity = f.get<double>("qualify_sensitivity");
  s.funnel.qualify_false_positive = f.get<double>("qualify_false_positive");
  s.funnel.sql_to_opportunity = f.get<double>("sql_to_opportunity");
  s.funnel.nurture_return_rate = f.get<double>("nurture_return_rate");
  s.funnel.hours_per_attempt = f.get<double>("hours_per_attempt");
  s.funnel.hours_per_opportunity = f.get<double>("hours_per_opportunity");

  const Params& d = root.section(schema, "deals").params;
  s.deals.median_size = d.get<Money>("median_size");
  s.deals.size_spread = d.get<double>("size_spread");
  s.deals.median_cycle_days = d.get<double>("median_cycle_days");
  s.deals.cycle_spread = d.get<double>("cycle_spread");
  s.deals.consensus_share = d.get<double>("consensus_share");
  s.deals.convince_rate = d.get<double>("convince_rate");
  s.deals.convince_rate_no_need = d.get<double>("convince_rate_no_need");
  s.deals.win_rate_vs_competitor = d.get<double>("win_rate_vs_competitor");

  s.lead_policy = plugin_choice(root.section(schema, "lead_policy"));

  const Section& marketing_schema = *schema.find("marketing");
  const CheckedSection& mk = root.section(schema, "marketing");
  s.marketing.people = get_int(mk.params, "people");
  s.marketing.pay = pay_choice(mk.section(marketing_schema, "pay"));

  const Section& sales_schema = *schema.find("sales");
  const CheckedSection& sa = root.section(schema, "sales");
  s.sales.people = get_int(sa.params, "people");
  s.sales.hours_per_period = sa.params.get<double>("hours_per_period");
  s.sales.skill_spread = sa.params.get<double>("skill_spread");
  s.sales.prospecting_hours_per_lead = sa.params.get<double>("prospecting_hours_per_lead");
  s.sales.prospect_in_market_share = sa.params.get<double>("prospect_in_market_share");
  s.sales.prospect_fit_tilt = sa.params.get<double>("prospect_fit_tilt");
  s.sales.pay = pay_choice(sa.section(sales_schema, "pay"));

  const Params& b = root.section(schema, "behaviour").params;
  s.behaviour.mode = b.get<std::string>("mode");
  s.behaviour.lead_order = config::lead_order_from(b.get<std::string>("lead_order"));
  s.behaviour.prospecting = b.get<bool>("prospecting");
  return s;
}

}  // namespace

Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                       PluginRegistry& plugins) {
  const std::string text = read_file(file);
  Report report(file.string());
  YAML::Node root = parse(text, report);
  if (!report.ok()) throw ScenarioError(report.sorted());

  const Section& schema = config::scenario_schema();
  config::apply_overrides(root, overrides, report);
  const CheckedSection checked = config::check_tree(root, schema, plugins, report);
  if (!report.ok()) throw ScenarioError(report.sorted());

  Scenario s = to_scenario(schema, checked);
  s.file = file;
  s.resolved_yaml = config::resolved_yaml(schema, checked);
  s.hash = config::fnv1a64(s.resolved_yaml);
  return s;
}

}  // namespace tandem
