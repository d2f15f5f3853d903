// "Did you mean ...?": the nearest known name to a misspelt one, for unknown keys,
// unknown plugins and unknown choices alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

// Edit distance (insertions, deletions, substitutions, adjacent swaps), case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo
// (distance at most a third of the longer name, and at least 1 allowed).
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates);

// "; did you mean 'accounts'?" or "", ready to append to a message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c" — for "allowed: ..." lists.
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace tandem
