// The engine's stream ids. Each mechanism draws from its own stream, keyed by
// (seed, replication, id), so changing how often one mechanism draws (say, a policy that
// lets more leads through) leaves every other mechanism's numbers as they were: the basis
// of common random numbers when two scenarios are compared.
#pragma once

#include <cstdint>

namespace tandem::streams {

inline constexpr std::uint64_t market = 1;           // account states and fit
inline constexpr std::uint64_t leads = 2;            // a new lead's latent need and signals
inline constexpr std::uint64_t contact = 3;          // reaching and qualifying leads
inline constexpr std::uint64_t deals = 4;            // deal size, cycle, buying-group decision
inline constexpr std::uint64_t reps = 5;             // rep skill
inline constexpr std::uint64_t nurture = 6;          // recycled leads re-engaging
inline constexpr std::uint64_t prospecting = 7;      // leads reps source themselves
inline constexpr std::uint64_t lead_policy = 8;      // handed to the lead-policy plugin
inline constexpr std::uint64_t pay_plans = 9;        // handed to pay-plan plugins
inline constexpr std::uint64_t segments = 10;        // each account's customer segment
inline constexpr std::uint64_t products = 11;        // each opportunity's product
inline constexpr std::uint64_t churn = 12;           // new customers cancelling
inline constexpr std::uint64_t signals = 13;         // BANT signals, contact details, arrival
inline constexpr std::uint64_t sales_read = 14;      // what a rep reads in conversation
inline constexpr std::uint64_t choices = 15;         // adaptive agents' logit choices
inline constexpr std::uint64_t channel_base = 1000;  // + channel index: inquiry counts

}  // namespace tandem::streams
