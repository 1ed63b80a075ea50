#pragma once
// The one place where an error that reached a command becomes its message
// and exit code (README, Exit codes).
#include <string_view>

namespace graf::app {

/// Call inside a catch block: prints the error being handled as one line,
/// "graf: COMMAND: message" (an option cxxopts refused: "graf: message (see
/// `graf COMMAND --help`)"), and returns its exit code: a graf::Error's own;
/// a Xapian error as searcher::reading_error says; anything else 2.
int report_error(std::string_view command);

}  // namespace graf::app
