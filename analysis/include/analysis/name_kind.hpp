#pragma once
// What kind of thing an indexed name is, and how to show it. Names are
// indexed folded ("brian o'driscoll"); `graf names` lists people and
// organisations, so it needs to tell them from places ("new york"), events
// ("six nations") and fragments ("south african"). Decided from the words
// alone, so it holds for every index without re-indexing; what the words
// cannot tell (a film title that reads like a person's name) stays a person.
#include <string>
#include <string_view>
#include <vector>

namespace graf::analysis {

/// Other: a name the news never shortens to a surname and no kind's words
/// tell (a film, a book, a band, a product): searcher::corpus_name_kind.
enum class NameKind { Person, Organisation, Place, Event, Fragment, Other };

/// "person", "organisation", "place", "event", "fragment", "other".
std::string_view kind_label(NameKind k);

/// From the words alone (names of two or more words: one word is for
/// searcher::corpus_name_kind to judge, with may_name_organisation).
NameKind name_kind(std::string_view folded_name);

/// Words that make a name an organisation's: the finder's organisation
/// words ("party", "corp") and names' ("labour", "united", "oil").
bool is_organisation_word(std::string_view folded_word);

/// Whether one capitalised word may be an organisation's whole name
/// ("Labour", "BBC", "Microsoft"): not a nationality, department or role
/// ("British", "Commerce", "Striker") unless a party's ("Labour"), an
/// adjective, a title, a day or month, a function word, a word that only
/// starts sentences, an initial.
bool may_name_organisation(std::string_view folded_word);

/// "person,organisation" → those kinds ("organization", and "all" for every
/// kind, too). Empty, with `bad` set to the word, when one is no kind.
std::vector<NameKind> parse_kinds(std::string_view list, std::string& bad);

/// What `graf names` and the web list unless told otherwise.
inline const std::vector<NameKind> kPeopleAndOrganisations = {NameKind::Person,
                                                              NameKind::Organisation};

/// The name capitalised as news writes it: "brian o'driscoll" → "Brian
/// O'Driscoll", "robin van persie" → "Robin van Persie", "labour mps" →
/// "Labour MPs", "kim jong il" stays "Kim Jong Il".
std::string display_name(std::string_view folded_name);

}  // namespace graf::analysis
