#pragma once
// The word lists the name finder decides with: what may be written before a
// name without being part of it (titles, roles, nationalities), what ends an
// organisation, what starts a sentence without naming anyone. All take a
// folded word ("secretary"). Kept apart from the finder so its rules read as
// rules, not as lists.
#include <string_view>

namespace graf::analysis {

/// Titles and roles written before a name: "Treasury Secretary James Baker".
/// Includes common one-letter-off typos of the longer ones ("secertary").
bool is_title(std::string_view w);

/// Titles that, with one word after them, are the name the news uses for a
/// person: "Prince Charles", "Lord Goldsmith", "Dr Fox" (not "President
/// Reagan": that one is the surname of a person with a full name).
bool is_rank_title(std::string_view w);

/// Ranks written with a given name, not a surname: "Prince Charles" is not
/// Ray Charles, "Sir Alex" is Alex Ferguson.
bool is_given_name_rank(std::string_view w);

/// Descriptors glued before a full name that are not titles: nationalities
/// ("Briton Tim Henman") and departments of a title ("Secretary of State
/// George Shultz", "Commerce Malcolm Baldrige"). Dropped only when a full
/// name (two or more words) follows, so "State Street" stays.
bool is_descriptor(std::string_view w);

/// Roles, positions in a team, occupations and demonyms that start a
/// sentence right before a full name without being part of it and are no
/// titles: "Sprinter Mark Lewis-Francis", "Prop Martin Castrogiovanni",
/// "Unseeded Nicolas Almagro", "Croatian Ivan Ljubicic"; numbers and other
/// words that start a sentence so ("Six Chris Paterson penalties"). Includes
/// one-letter typos of the longer ones ("Subtitute Robin van Persie").
bool is_role(std::string_view w);

/// Words that end an organisation or place: "White House Caroline Leavitt".
bool is_org_word(std::string_view w);

/// Capitalised words that never begin a name, wherever they stand:
/// function words, prepositions, conjunctions, sentence adverbs ("Behind
/// Baker's remark", "If Poehl", "Unlike Paul Volcker", "servesBut Roddick").
bool is_never_name(std::string_view w);

/// Capitalised words that begin a sentence without naming anyone, but may
/// begin a name elsewhere ("New York", "One Direction").
bool is_sentence_starter(std::string_view w);

/// Days and unambiguous months: they follow names in wire copy ("Clayton
/// Yeutter Monday warned") but are never part of one.
bool is_calendar_word(std::string_view w);

/// Lower-case words that name a relative by given name before it: "his
/// wife Sharon", "her son Brooklyn".
bool is_kinship(std::string_view w);

/// Two-letter capitals that are acronyms, not initials ("US President").
bool is_common_acronym(std::string_view w);

/// Title words reduced to one spelling, for comparing the roles two
/// mentions carry: "sen", "senate" → "senator". Empty for words that tell
/// no one apart ("mr", "former").
std::string_view canonical_title(std::string_view w);

/// Whether `nick` is a familiar form of the given name `given` ("jim",
/// "james"; "freddie", "frederick").
bool is_familiar_form(std::string_view nick, std::string_view given);

}  // namespace graf::analysis
