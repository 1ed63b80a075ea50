#pragma once
// Common given names, for telling a person's name from the words glued to
// it: "Sprinter Mark Lewis-Francis" (a role before a given name), "Million
// Dollar Baby" (no given name: a title, not a person). A name not listed
// is no evidence either way; the list only needs to hold the names news
// uses most, in the languages news reports on.
#include <string_view>

namespace graf::analysis {

/// Whether a folded word ("mark", "jose") is a common given name.
bool is_given_name(std::string_view folded_word);

}  // namespace graf::analysis
