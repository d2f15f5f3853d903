#include "engine/replication_wire.hpp"

#include <tandem/errors.hpp>

#include <fmt/format.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace tandem {
namespace {

// Bumped whenever what is written changes.
constexpr std::uint32_t kWireVersion = 2;
constexpr char kMagic[4] = {'T', 'R', 'E', 'P'};

// Fixed-width little-endian integers; doubles as their bits.
class Writer {
 public:
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
  void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
  void text(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  void raw(std::string_view s) { out_.append(s); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint64_t u64() {
    need(8);
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[at_ + i])) << (8 * i);
    at_ += 8;
    return v;
  }
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  int i32() { return static_cast<int>(i64()); }
  double f64() { return std::bit_cast<double>(u64()); }
  std::size_t count() {
    const std::uint64_t n = u64();
    // A count can never exceed the bytes left: each item takes at least one byte.
    if (n > in_.size() - at_) fail("a count larger than the bytes left");
    return static_cast<std::size_t>(n);
  }
  std::string text() {
    const std::size_t n = count();
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::string_view raw(std::size_t n) {
    need(n);
    const std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }
  void end() const {
    if (at_ != in_.size()) fail("bytes after the end");
  }

 private:
  void need(std::size_t n) const {
    if (in_.size() - at_ < n) fail("truncated");
  }
  [[noreturn]] void fail(const char* why) const {
    throw Error(fmt::format("not an encoded replication: {} (at byte {})", why, at_));
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

PeriodKind period_kind(std::int64_t v) {
  if (v < 0 || v > static_cast<std::int64_t>(PeriodKind::year))
    throw Error(fmt::format("not an encoded replication: pay period kind {}", v));
  return static_cast<PeriodKind>(v);
}

}  // namespace

std::string encode_replication(const ReplicationResult& r) {
  Writer w;
  w.raw(std::string_view(kMagic, sizeof kMagic));
  w.u64(kWireVersion);
  w.u64(r.headlines.size());
  for (const Headline& h : r.headlines) {
    w.text(h.name);
    w.text(h.unit);
    w.f64(h.value);
  }
  w.u64(r.ledger.size());
  for (const LedgerRow& row : r.ledger) {
    w.i64(row.pay_period);
    w.i64(static_cast<std::int64_t>(row.kind));
    w.i64(row.person);
    w.text(row.plan);
    w.text(row.component);
    w.i64(row.amount.cents());
    w.text(row.reason);
  }
  w.u64(r.metrics.size());
  for (const MetricRow& row : r.metrics) {
    w.i64(row.period);
    w.i64(row.agent);
    w.u64(row.metric);
    w.f64(row.value);
  }
  const RowDigest& d = r.digest;
  w.u64(d.metric_by_period.size());
  for (const std::vector<double>& periods : d.metric_by_period) {
    w.u64(periods.size());
    for (const double v : periods) w.f64(v);
  }
  w.u64(d.pay_by_person.size());
  for (const Money m : d.pay_by_person) w.i64(m.cents());
  w.u64(d.pay_by_component.size());
  for (const auto& [component, m] : d.pay_by_component) {
    w.text(component);
    w.i64(m.cents());
  }
  w.u64(d.pay_by_pay_period.size());
  for (const auto& [key, m] : d.pay_by_pay_period) {
    w.i64(static_cast<std::int64_t>(key.first));
    w.i64(key.second);
    w.i64(m.cents());
  }
  w.u64(d.ledger_rows);
  w.u64(r.days_to_close.size());
  for (const std::int64_t n : r.days_to_close) w.i64(n);
  return w.take();
}

ReplicationResult decode_replication(std::string_view bytes) {
  Reader in(bytes);
  if (in.raw(sizeof kMagic) != std::string_view(kMagic, sizeof kMagic))
    throw Error("not an encoded replication: it does not begin with the marker");
  if (const std::uint64_t version = in.u64(); version != kWireVersion)
    throw Error(fmt::format("an encoded replication of version {}; this Tandem reads version {}",
                            version, kWireVersion));
  ReplicationResult r;
  r.headlines.resize(in.count());
  for (Headline& h : r.headlines) {
    h.name = in.text();
    h.unit = in.text();
    h.value = in.f64();
  }
  r.ledger.resize(in.count());
  for (LedgerRow& row : r.ledger) {
    row.pay_period = in.i32();
    row.kind = period_kind(in.i64());
    row.person = in.i32();
    row.plan = in.text();
    row.component = in.text();
    row.amount = Money::from_cents(in.i64());
    row.reason = in.text();
  }
  r.metrics.resize(in.count());
  for (MetricRow& row : r.metrics) {
    row.period = static_cast<std::int32_t>(in.i64());
    row.agent = static_cast<std::int32_t>(in.i64());
    row.metric = static_cast<std::uint32_t>(in.u64());
    row.value = in.f64();
  }
  RowDigest& d = r.digest;
  d.metric_by_period.resize(in.count());
  for (std::vector<double>& periods : d.metric_by_period) {
    periods.resize(in.count());
    for (double& v : periods) v = in.f64();
  }
  d.pay_by_person.resize(in.count());
  for (Money& m : d.pay_by_person) m = Money::from_cents(in.i64());
  for (std::size_t n = in.count(); n > 0; --n) {
    std::string component = in.text();
    d.pay_by_component[std::move(component)] = Money::from_cents(in.i64());
  }
  for (std::size_t n = in.count(); n > 0; --n) {
    const PeriodKind kind = period_kind(in.i64());
    const int index = in.i32();
    d.pay_by_pay_period[{kind, index}] = Money::from_cents(in.i64());
  }
  d.ledger_rows = static_cast<std::size_t>(in.u64());
  r.days_to_close.resize(in.count());
  for (std::int64_t& n : r.days_to_close) n = in.i64();
  in.end();
  return r;
}

void merge_replications(RunResult& run, std::vector<std::pair<int, ReplicationResult>> parts) {
  const std::size_t n = run.replications.size();
  std::vector<char> filled(n, 0);
  for (auto& [index, result] : parts) {
    if (index < 0 || static_cast<std::size_t>(index) >= n)
      throw Error(fmt::format("replication {} merged into a run of {}", index, n));
    if (filled[static_cast<std::size_t>(index)]++)
      throw Error(fmt::format("replication {} merged twice", index));
    run.replications[static_cast<std::size_t>(index)] = std::move(result);
  }
  for (std::size_t i = 0; i < n; ++i)
    if (!filled[i]) throw Error(fmt::format("replication {} is missing from the merge", i));
}

}  // namespace tandem
