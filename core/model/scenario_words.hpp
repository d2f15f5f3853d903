// The words a scenario file uses for the scenario's enumerations, both ways. The schema
// lists the same words as its choices, so a value that passed validation always converts.
#pragma once

#include "model/scenario.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tandem {

std::string to_text(SimPeriod p);
std::string to_text(PeriodKind p);
std::string to_text(LeadOrder o);
std::string to_text(BehaviourMode m);

// Every word, in declaration order: the schema's choices.
std::vector<std::string> sim_period_words();
std::vector<std::string> pay_period_words();
std::vector<std::string> lead_order_words();
std::vector<std::string> behaviour_mode_words();

// Throw tandem::Error for a word that is not one of the choices (validation rules it out).
SimPeriod sim_period_from(std::string_view word);
PeriodKind pay_period_from(std::string_view word);
LeadOrder lead_order_from(std::string_view word);
BehaviourMode behaviour_mode_from(std::string_view word);

}  // namespace tandem
