#include "common/message_text.hpp"

#include <cstdio>

namespace tandem {

namespace {

bool continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// The escaped form of control character `c`.
std::string escaped(unsigned char c) {
  switch (c) {
    case '\0':
      return "\\0";
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    default: {
      char text[8];
      std::snprintf(text, sizeof text, "\\x%02X", c);
      return text;
    }
  }
}

bool control(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

}  // namespace

std::size_t character_count(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return n;
}

std::string shown(std::string_view text, std::size_t limit) {
  std::string out;
  std::size_t characters = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!continuation(c)) {
      if (characters == limit) break;
      ++characters;
    }
    if (control(c))
      out += escaped(c);
    else
      out += static_cast<char>(c);
  }
  if (i < text.size()) out += "\u2026 (" + std::to_string(character_count(text)) + " characters)";
  return out;
}

std::optional<std::string> name_problem(std::string_view text) {
  const std::size_t length = character_count(text);
  if (length > kMaxNameLength)
    return "is " + std::to_string(length) + " characters long; a name has at most " +
           std::to_string(kMaxNameLength) + ": shorten it";
  for (const char c : text)
    if (control(static_cast<unsigned char>(c)))
      return "holds a control character (" + escaped(static_cast<unsigned char>(c)) +
             "); a name is printable text: remove it";
  return std::nullopt;
}

}  // namespace tandem
