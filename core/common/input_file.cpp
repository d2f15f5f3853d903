#include "common/input_file.hpp"

#include <tandem/errors.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace tandem {

namespace {

std::string hex_byte(unsigned char c) {
  char text[8];
  std::snprintf(text, sizeof text, "0x%02X", c);
  return text;
}

// Length of the UTF-8 sequence starting at `s[i]`, or 0 if it is not a valid one (a stray
// continuation byte, an overlong form, a surrogate, beyond U+10FFFF, or cut short).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

}  // namespace

std::string read_input_file(const std::filesystem::path& file, const std::string& what) {
  const auto fail = [&](int error) {
    // Input the user can fix (a wrong path): a located problem, exit code 2 like the rest.
    const char* fix = error == ENOENT   ? "; check the path"
                      : error == EISDIR ? "; give the path of a file, not of a folder"
                                        : "";
    return ScenarioError(
        {Problem{Location{file.string(), 0, 0, ""},
                 "cannot read the " + what + " file: " + std::strerror(error) + fix}});
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

std::string with_lf_line_ends(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
  return out;
}

std::string_view without_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

std::optional<NotText> find_not_text(std::string_view text) {
  // A UTF-16 file (Excel's "Unicode text") is text, but every other byte of it is a NUL:
  // say what it is rather than "binary data".
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
    return NotText{0, "the file is UTF-16 text; save it as UTF-8"};
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
      return NotText{i, "byte " + hex_byte(c) +
                            " is a control character: this is not a text file (binary data?); "
                            "give a UTF-8 text file"};
    const std::size_t n = utf8_length(text, i);
    if (n == 0)
      return NotText{i, "byte " + hex_byte(c) + " is not UTF-8 text; save the file as UTF-8"};
    i += n;
  }
  return std::nullopt;
}

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    // LF, CRLF and a lone CR (old Mac files) each end a line.
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // the first byte of a character
      ++column;
    }
  }
  return {line, column};
}

}  // namespace tandem
