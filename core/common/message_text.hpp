// User text quoted in a message: what a name or value holds, shown so that a message stays
// one short, readable line whatever was typed (a NUL, a line break, 300,000 characters),
// and the one limit on the length of a name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tandem {

// The most characters a name may have: a scenario's, a channel's, a person's. Far above
// any real name; a default output folder holds two scenario names and a time stamp, and
// a file name has at most 255 bytes.
constexpr std::size_t kMaxNameLength = 100;

// The most characters of user text a message quotes.
constexpr std::size_t kMaxQuotedLength = 80;

// `text` as a message shows it: control characters escaped (\0, \t, \n, \r, \x1B) and at
// most `limit` characters, longer text cut with its length, e.g. "xxx… (300000
// characters)". Not quoted: the caller writes the quotes.
std::string shown(std::string_view text, std::size_t limit = kMaxQuotedLength);

// Characters in `text`, counting a UTF-8 sequence as one.
std::size_t character_count(std::string_view text);

// What is wrong with `text` as a name (the message's rest, after "the name"): longer than
// kMaxNameLength, or holding a control character. Nothing when it is a usable name. Empty
// names are the caller's to refuse (some are optional).
std::optional<std::string> name_problem(std::string_view text);

}  // namespace tandem
