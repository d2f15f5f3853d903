#include "data/crm_export.hpp"

#include "common/did_you_mean.hpp"
#include "common/input_file.hpp"
#include "data/csv_reader.hpp"
#include "data/date_time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

namespace tandem {

const std::string& CrmTable::column(const std::string& role) const {
  static const std::string none;
  const auto it = columns.find(role);
  return it == columns.end() ? none : it->second;
}

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// A table read, with the index of each mapped column (-1: not mapped).
struct ReadTable {
  std::string text;
  csv::Table table;
  std::map<std::string, int> index;
  std::string file;

  Location at(std::size_t record, int field) const {
    const csv::Record& r = table.records[record];
    Location where;
    where.file = file;
    where.line = r.line;
    if (field >= 0 && static_cast<std::size_t>(field) < r.starts.size()) {
      // The column: bytes from the start of the line to the field.
      const std::size_t start = r.starts[static_cast<std::size_t>(field)];
      const std::size_t line_start = table.text.rfind('\n', start == 0 ? 0 : start - 1);
      where.column =
          static_cast<int>(start - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
    }
    return where;
  }
  // Where the field of `role` is in `record`.
  Location where(std::size_t record, const std::string& role) const {
    return at(record, index.at(role));
  }
  // The field of `role` in `record`, read as a date with `format`.
  std::optional<double> date(std::size_t record, const std::string& role,
                             const std::string& format) const {
    return data::parse_date_time(field(record, role), format);
  }
  // Whether the mapping names a column for `role`.
  bool has(const std::string& role) const { return index.at(role) >= 0; }
  // The field of `role` in `record`, without surrounding blanks ("" if not mapped).
  std::string field(std::size_t record, const std::string& role) const {
    const int i = index.at(role);
    const auto& fields = table.records[record].fields;
    return i >= 0 && static_cast<std::size_t>(i) < fields.size()
               ? trimmed(fields[static_cast<std::size_t>(i)])
               : std::string();
  }
};

ReadTable read_table(const CrmTable& t, const char* what, const std::vector<std::string>& roles) {
  ReadTable out;
  out.file = t.file.string();
  // A table that cannot be used is bad input, reported like a scenario's problems (exit 2),
  // at the mapping's key that names it.
  const auto refuse = [](const Location& where, const std::string& message) {
    return ScenarioError({Problem{where, message}});
  };
  try {
    out.text = read_input_file(t.file, what);
  } catch (const Error& e) {
    throw refuse(t.file_where, e.what());
  }
  out.table = csv::split(out.text);
  if (out.table.records.empty())
    throw refuse(t.file_where, out.file + ": the " + std::string(what) +
                                   " table is empty: it needs a header row");
  const auto& header = out.table.records.front().fields;
  for (const std::string& role : roles) {
    const std::string& name = t.column(role);
    out.index[role] = -1;
    if (name.empty()) continue;
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) {
      const auto at = t.where.find(role);
      throw refuse(at == t.where.end() ? t.file_where : at->second,
                   fmt::format("{} has no column '{}'{} (its columns: {})", out.file, name,
                               did_you_mean(name, header), join(header)));
    }
    out.index[role] = static_cast<int>(it - header.begin());
  }
  return out;
}

}  // namespace

CrmExport read_crm_export(const CrmMapping& m) {
  CrmExport out;
  const auto drop = [&](Location where, const std::string& reason) {
    out.dropped.push_back({std::move(where), reason});
    ++out.dropped_by_reason[reason];
  };

  const ReadTable leads = read_table(
      m.leads, "leads", {"id", "created", "channel", "owner", "sal", "sql", "opportunity"});
  for (const char* stage : kLeadStages)
    if (leads.has(stage)) out.stages.push_back(stage);
  std::unordered_map<std::string, std::size_t> by_id;
  std::unordered_set<std::string> left_out;  // ids of leads left out, so their deals say so
  for (std::size_t r = 1; r < leads.table.records.size(); ++r) {
    ++out.lead_rows;
    const std::string id = leads.field(r, "id");
    const auto drop_lead = [&](Location where, const std::string& reason) {
      if (!by_id.count(id)) left_out.insert(id);
      drop(std::move(where), reason);
    };
    // A date of the lead's (created, or a stage's); one that does not read drops the lead.
    const auto lead_date = [&](const std::string& role) {
      const auto day = leads.date(r, role, m.leads.date_format);
      if (!day)
        drop_lead(leads.where(r, role),
                  "lead whose " + role + " date does not read as '" + m.leads.date_format + "'");
      return day;
    };
    if (id.empty()) {
      drop(leads.where(r, "id"), "lead with no id");
      continue;
    }
    const auto created = lead_date("created");
    if (!created) continue;
    if (by_id.count(id)) {
      drop(leads.where(r, "id"), "lead id given twice (the first kept)");
      continue;
    }
    CrmLead lead;
    lead.id = id;
    lead.created = *created;
    if (leads.has("channel")) {
      lead.channel = leads.field(r, "channel");
      if (lead.channel.empty()) {
        drop_lead(leads.where(r, "channel"), "lead with no channel");
        continue;
      }
      if (std::find(out.channels.begin(), out.channels.end(), lead.channel) == out.channels.end())
        out.channels.push_back(lead.channel);
    }
    if (leads.has("owner")) lead.owner = leads.field(r, "owner");
    bool unreadable = false;
    for (std::size_t k = 0; k < lead.stage_dates.size() && !unreadable; ++k) {
      const std::string stage = kLeadStages[k];
      if (!leads.has(stage) || leads.field(r, stage).empty()) continue;
      lead.stage_dates[k] = lead_date(stage);
      unreadable = !lead.stage_dates[k];
    }
    if (unreadable) continue;
    by_id.emplace(id, out.leads.size());
    out.leads.push_back(std::move(lead));
  }

  const ReadTable deals =
      read_table(m.deals, "deals", {"lead_id", "closed", "outcome", "amount", "sdr", "rep"});
  const std::string won_value = lower(m.won_value);
  for (std::size_t r = 1; r < deals.table.records.size(); ++r) {
    ++out.deal_rows;
    const std::string id = deals.field(r, "lead_id");
    const auto found = by_id.find(id);
    if (id.empty() || found == by_id.end()) {
      drop(deals.where(r, "lead_id"), id.empty() ? "deal with no lead id"
                                      : left_out.count(id)
                                          ? "deal whose lead was left out"
                                          : "deal whose lead is not in the leads table");
      continue;
    }
    CrmLead& lead = out.leads[found->second];
    if (lead.closed) {
      drop(deals.where(r, "lead_id"), "second deal for a lead (the first kept)");
      continue;
    }
    const auto closed = deals.date(r, "closed", m.deals.date_format);
    if (!closed) {
      drop(deals.where(r, "closed"),
           "deal whose close date does not read as '" + m.deals.date_format + "'");
      continue;
    }
    if (*closed < lead.created) {
      drop(deals.where(r, "closed"), "deal closed before its lead was created");
      continue;
    }
    if (deals.has("amount")) {
      const std::string text = deals.field(r, "amount");
      if (!text.empty()) {
        double amount = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), amount);
        if (ec != std::errc() || end != text.data() + text.size() || amount < 0) {
          drop(deals.where(r, "amount"), "deal whose amount is not a number");
          continue;
        }
        lead.amount = amount;
      }
    }
    lead.closed = *closed;
    lead.won = !deals.has("outcome") || lower(deals.field(r, "outcome")) == won_value;
    if (deals.has("sdr")) lead.sdr = deals.field(r, "sdr");
    if (deals.has("rep")) lead.rep = deals.field(r, "rep");
  }
  return out;
}

std::string CrmExport::summary() const {
  const int deals_used = static_cast<int>(std::count_if(
      leads.begin(), leads.end(), [](const CrmLead& l) { return l.closed.has_value(); }));
  std::string text = fmt::format("{} of {} lead rows and {} of {} deal rows used", leads.size(),
                                 lead_rows, deals_used, deal_rows);
  if (dropped_by_reason.empty()) return text;
  text += "; left out:";
  const char* sep = " ";
  for (const auto& [reason, n] : dropped_by_reason) {
    text += fmt::format("{}{} × {}", sep, n, reason);
    sep = ", ";
  }
  return text;
}

}  // namespace tandem
