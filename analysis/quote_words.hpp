#pragma once
// The word lists the quote finder (quotes.cpp) reads attributions with.
#include <string_view>

#include "analysis/token.hpp"

namespace graf::analysis {

/// said, says, told, wrote, added, warned…
bool is_speech_verb(std::string_view folded);
/// said, told, added, insisted…: verbs that mean speaking whatever their
/// subject (not "asked", "posted", "continued", "claims", "noted").
bool is_plain_speech(std::string_view folded);
/// said, added, wrote, insisted…: a verb that may come before its subject
/// ("said Mr Smith"); not told, asked, urged, warned (their object follows).
bool is_inverting(std::string_view folded);
/// saying, adding, telling…: a speech verb sharing its sentence's subject.
bool is_participle(std::string_view folded);
/// Words between a speaker and the verb: "Musk also wrote", "was quoted as saying".
bool is_gap_word(std::string_view folded);
/// he, she: resolved to the person the text is about.
bool is_pronoun(std::string_view folded);
/// The head word of a role a name is given: spokesman, secretary, chairman…
bool is_role_word(std::string_view folded);
/// writer, broadcaster, star, player, democrat…: nouns a news text
/// describes a person already named with ("the feminist writer said").
bool is_person_noun(std::string_view folded);
/// spokesman, official, source, analyst, dealer…: a person the text
/// leaves unnamed, never someone named before ("the spokesman said").
bool is_unnamed_source(std::string_view folded);
/// chief, head, boss, leader: role words that fit any role.
bool is_generic_role(std::string_view folded);
/// daughter, son, wife… before a first name ("his daughter Emily").
bool is_kin_word(std::string_view folded);
/// Sen, Rep, Gov, Gen, Atty, Dr…: written with a period before a name.
bool is_title_abbreviation(std::string_view folded);
/// Mr, Mrs, Dr, Sir… before a surname.
bool is_title_word(std::string_view folded);
/// A person, not a body or a place: two or more words, none naming an
/// organisation or a place ("white house", "new york" are not).
bool is_person(std::string_view name);
/// An organisation, not a person, a place or an event ("lycos europe",
/// "securities and exchange commission"; not "new york", "six nations").
bool is_org(std::string_view name);
/// US, UK, USSR…: a country, not an organisation speaking.
bool is_country_acronym(std::string_view folded);
/// company, firm, bank, exchange…: "the company said" means an organisation.
bool is_org_noun(std::string_view folded);
/// statement, report, summary…: "the report said" is a document speaking.
bool is_document_noun(std::string_view folded);
/// A capitalised word that names nobody: a weekday, a stopword, "It", a verb.
bool names_nobody(const Token& t);

}  // namespace graf::analysis
