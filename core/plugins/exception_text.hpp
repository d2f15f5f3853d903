// The text of the exception being handled, whatever its type.
#pragma once

#include <exception>
#include <string>

namespace tandem {

// Call only inside a catch block.
inline std::string current_exception_text() {
  try {
    throw;
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception not derived from std::exception";
  }
}

}  // namespace tandem
