// Reading a user's input file (a scenario, a plan, a results CSV): the one place that turns
// "no such file" or "is a directory" into a located problem (exit code 2), and that says
// whether the bytes read are text at all.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tandem {

// The file's bytes. `what` names it in the message ("scenario", "results"): a file that
// cannot be read throws ScenarioError with one problem located at the file,
// "cannot read the <what> file: <reason>".
std::string read_input_file(const std::filesystem::path& file, const std::string& what);

// `text` without a leading UTF-8 byte-order mark: editors and Excel's "CSV UTF-8" write
// one, and it is not content.
std::string_view without_bom(std::string_view text);

// Where `text` stops being UTF-8 text, and what to do about it: a UTF-16 file, a NUL or
// other control byte (binary data), or bytes that are not UTF-8 (a Latin-1 export). Tab,
// line feed and carriage return are text. Nothing when all of `text` is text.
struct NotText {
  std::size_t offset = 0;  // of the first offending byte in `text`
  std::string message;     // "byte 0xFF is not UTF-8; save the file as UTF-8"
};
std::optional<NotText> find_not_text(std::string_view text);

// `text` with each lone CR (the line end of old Mac files) made an LF: the same length, so
// every offset stays where it was. CRLF is left as it is.
std::string with_lf_line_ends(std::string_view text);

// The 1-based line and column (counting characters, not bytes) of byte `offset` of `text`;
// LF, CRLF and a lone CR each end a line.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

}  // namespace tandem
