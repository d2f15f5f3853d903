#include "history/run_record.hpp"

namespace tandem {

std::string to_text(RecordKind kind) {
  switch (kind) {
    case RecordKind::run:
      return "run";
    case RecordKind::compare:
      return "compare";
    case RecordKind::sweep:
      return "sweep";
    case RecordKind::calibration:
      return "calibration";
  }
  return "run";
}

std::optional<RecordKind> record_kind(std::string_view text) {
  for (const RecordKind k :
       {RecordKind::run, RecordKind::compare, RecordKind::sweep, RecordKind::calibration})
    if (to_text(k) == text) return k;
  return std::nullopt;
}

std::string to_text(FigureKind kind) {
  return kind == FigureKind::mean ? "mean" : "difference";
}

}  // namespace tandem
