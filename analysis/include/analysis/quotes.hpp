#pragma once
// Finds quotations in news paragraphs and who said them. A quotation is text
// between double quote marks (straight, curly, „ or guillemets; single marks
// in a paragraph without double ones) of at least four words, or of two or
// more ending in , . ! ? inside the marks ("What a liar,"): one- to
// three-word scare quotes ("comrade", "good authority") and titles in
// Title Case are not quotations. A quote whose paragraph ends before its
// closing mark runs on into the next paragraph when that one opens with a
// quote mark (the news convention for a quote of several paragraphs).
//
// The speaker is a folded full name, the same the name finder gives (so
// "Musk" is "elon musk"), taken from the words next to the quote: X said,
// said X, according to X, X: "…", he/she said (the first person named in
// the nearest sentence before it), "the press secretary said" (the name
// that role was attached to earlier in the article), or a quote continuing
// the previous quote of the same speaker. Nothing else: a quote the text
// does not attribute has no speaker, never a guess.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/names.hpp"
#include "analysis/token.hpp"

namespace graf::analysis {

/// How a quote's speaker was found (kept in the index for diagnostics and
/// the judged set's per-pattern report).
enum class QuotePattern : std::uint8_t {
    None,         ///< unattributed
    XSaid,        ///< Musk wrote, Bannon told NBC, Caroline Leavitt said "…"
    SaidX,        ///< said Mr Smith
    AccordingTo,  ///< according to X
    Colon,        ///< X: "…"
    Pronoun,      ///< he told Politico
    Role,         ///< the spokesman said (a role attached to a name earlier)
    Continued,    ///< a later quote (or paragraph) of the same speaker's quote
};

/// "x-said", "said-x", "according-to", "colon", "pronoun", "role",
/// "continued", "none".
std::string_view pattern_name(QuotePattern p);

struct Quote {
    std::uint32_t begin = 0;  ///< byte offset of the quoted text (marks excluded)
    std::uint32_t end = 0;    ///< one past its last byte
    std::string speaker;      ///< folded full name; empty: unattributed
    QuotePattern pattern = QuotePattern::None;
    bool open = false;       ///< no closing mark: the quote runs on after this piece
    bool continues = false;  ///< this piece continues the quote before it
};

struct QuoteReading;  // quote_reading.hpp

/// A role the article gave a person: "Deputy prime minister Kim Mahn-Je"
/// is the minister with the words "deputy", "prime".
struct Role {
    std::string person;
    std::vector<std::string> words;
};

class QuoteFinder {
  public:
    /// Appends the quotes of one paragraph to `out`. `tokens` are the
    /// paragraph's tokens and `mentions` what NameFinder found in them. Call
    /// for the paragraphs of one article in order; reset() between articles.
    void find(std::string_view text, const std::vector<Token>& tokens,
              const std::vector<NameMention>& mentions, std::vector<Quote>& out);
    void reset();

  private:
    using Context = QuoteReading;
    void collect(Context& c);
    void note_roles(const Context& c);
    void note_bare_roles(const Context& c);
    void attribute_all(Context& c);
    void attribute(Context& c, std::size_t q, const std::string& ante);
    void continue_speakers(Context& c, const std::string& said_before);
    static bool after_may_attribute(const Context& c, std::size_t q, std::size_t end);
    /// How a sentence's subject was found: speaking (a speech verb's
    /// subject), the same person as before ("He has worked on …"), or named.
    /// Unknown: a speech verb whose speaker is a person the text does not
    /// name ("a spokesman said"); Other: one whose speaker is no person
    /// ("the company said", "the report said").
    enum class Subject { Speaks, Same, Named, Unknown, Other };
    std::string subject(const Context& c, std::size_t s, std::size_t e, Subject& how) const;
    std::string subject_before(const Context& c, std::size_t v, std::size_t from,
                               bool& pronoun) const;
    bool is_someone(const std::string& who) const;
    static bool names_other(const Context& c, std::size_t s, std::size_t e, const std::string& who);

    /// Who "he" or "she" is: the person the latest sentence naming anyone
    /// was about (its speaker or subject), or empty when it named someone
    /// else in passing.
    std::string ante_;
    /// Who the latest sentence had speak (its quote's speaker or the
    /// subject of its speech verb): a paragraph opening with an
    /// unattributed quote continues them.
    std::string last_said_;
    void add_role(const std::string& head, const std::string& person,
                  std::vector<std::string> words);
    /// Role words attached to names, latest last: "secretary" →
    /// {"caroline leavitt", {press, white, house}}.
    std::unordered_map<std::string, std::vector<Role>> roles_;
    void note_orgs(const Context& c, std::size_t s, std::size_t e);
    /// The organisation "it said" means (cleared when a document speaks)
    /// and the one "the company said" means.
    std::string it_, company_;
    std::vector<std::string> people_;  ///< full names the article named, for "Santos said"
    bool carried_ = false;             ///< the last paragraph ended in a quote
    std::string carried_speaker_;
};

/// The quotes of a paragraph as stored in the index (one per line: begin,
/// end, pattern, flags, speaker) and back.
std::string encode_quotes(const std::vector<Quote>& quotes);
std::vector<Quote> decode_quotes(std::string_view value);

}  // namespace graf::analysis
