#pragma once
// The word lists the quote finder (quotes.cpp) reads attributions with.
#include <string_view>

#include "analysis/token.hpp"

namespace graf::analysis {

/// said, says, told, wrote, added, warned…
bool is_speech_verb(std::string_view folded);
/// Words between a speaker and the verb: "Musk also wrote", "was quoted as saying".
bool is_gap_word(std::string_view folded);
/// he, she: resolved to the person the text is about.
bool is_pronoun(std::string_view folded);
/// The head word of a role a name is given: spokesman, secretary, chairman…
bool is_role_word(std::string_view folded);
/// daughter, son, wife… before a first name ("his daughter Emily").
bool is_kin_word(std::string_view folded);
/// Mr, Mrs, Dr, Sir… before a surname.
bool is_title_word(std::string_view folded);
/// A person, not a body or a place: two or more words, none naming an
/// organisation or a place ("white house", "new york" are not).
bool is_person(std::string_view name);
/// A capitalised word that names nobody: a weekday, a stopword, "It", a verb.
bool names_nobody(const Token& t);

}  // namespace graf::analysis
