#pragma once
// Finds mentions of people and organisations: runs of capitalised words, not
// a capitalised word merely starting a sentence. News style names a person in
// full once, then by surname ("Steve Bannon" … "Bannon said"), so the finder
// keeps, per article, the full names introduced so far and resolves a later
// surname-only mention to the full name.
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/token.hpp"

namespace graf::analysis {

struct NameMention {
    std::string name;           ///< folded full name, words joined by one space: "steve bannon"
    std::size_t first = 0;      ///< index of its first token in the paragraph's tokens
    std::size_t last = 0;       ///< index one past its last token
    bool surname_only = false;  ///< "Bannon" after the article introduced "Steve Bannon"
    /// A rank the news writes with the surname, written before this
    /// mention: "dr" for "Dr Liam Fox" or "Dr Fox" (after "Liam Fox"), so
    /// the corpus can tell who "Dr Fox" is in articles that never say.
    std::string rank;
};

/// A capitalised word that names someone the article never introduced
/// ("President Reagan said", "Mikulic is trying", "G Dempsey"): the corpus
/// may know who.
struct UnresolvedMention {
    std::string surname;  ///< folded, its last word: "reagan", "marigny" for "de Marigny"
    bool titled = false;  ///< a title came before it: "President Reagan", "Mr Blair"
    std::size_t token = 0;
    char initial = 0;  ///< the given name's initial written with it: 'g' for "G Dempsey"
};

/// What only the end of an article can tell, by paragraph (0 = the first
/// find() since reset()).
struct ArticleNames {
    /// Surnames written before the article introduced their person in full
    /// ("Mr Kennedy" … "Charles Kennedy"), resolved now.
    std::vector<std::pair<std::size_t, NameMention>> late;
    /// Surnames that name no one the article introduced.
    std::vector<std::pair<std::size_t, UnresolvedMention>> unresolved;
};

class NameFinder {
  public:
    /// Appends the mentions in one paragraph's tokens to `out`. Call for the
    /// paragraphs of one article in order; start each article with reset().
    void find(const std::vector<Token>& tokens, std::vector<NameMention>& out);
    void reset();
    /// After an article's last find(): the surnames only the whole article
    /// resolves, and those it never does (replacing `out`'s contents).
    void finish(ArticleNames& out);

  private:
    /// A person (or organisation) the article named in full.
    struct Person {
        std::string name;   ///< "james baker"
        std::string given;  ///< its first word: "james"
        std::vector<std::string>
            titles;  ///< canonical titles seen with it: "treasury", "secretary"
    };
    /// One candidate name inside a run: tokens run[from..to), the titles
    /// written before it, and a rank title ("Prince") that may be part of it.
    struct Segment {
        std::size_t from = 0, to = 0;
        std::vector<std::string> titles;
        std::size_t rank = kNone;
        bool titled = false;  ///< any title before it, "Mr" too
    };
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    /// A surname no one introduced so far could name: kept until the
    /// article ends, when a person introduced later may claim it.
    struct Pending {
        std::size_t paragraph = 0;
        UnresolvedMention mention;
        std::string form;  ///< the surname as written, folded: "de marigny"
        std::vector<std::string> titles;
        std::size_t last = 0;  ///< one past its last token
        std::string rank;
        bool late_only = false;  ///< resolved by a person named later, else nobody
    };

    void note_lower_case(const std::vector<Token>& tokens);
    bool joins_organisation(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                            std::size_t k, std::size_t org_tail) const;
    std::size_t add_plural_rank(const std::vector<Token>& tokens, std::size_t i,
                                std::vector<NameMention>& out);
    void add_run(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                 std::vector<NameMention>& out);
    void add_piece(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                   std::size_t from, std::size_t to, std::vector<NameMention>& out);
    void add_segment(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                     Segment seg, std::vector<NameMention>& out);
    void add_surname(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                     const Segment& seg, const std::string& surname, char initial,
                     std::vector<NameMention>& out);
    bool add_parts(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                   const Segment& seg, std::vector<NameMention>& out);
    void add_person(const std::vector<std::string>& words, std::size_t tail, const Segment& seg,
                    std::size_t first, std::size_t last, const std::string& rank,
                    std::vector<NameMention>& out);
    void add_pending(const Segment& seg, const std::string& form, char initial, std::size_t first,
                     std::size_t last, std::string rank);
    std::size_t resolve(const std::string& surname, const std::vector<std::string>& titles,
                        char initial, bool titled = false) const;
    std::size_t by_given_name(const std::string& given) const;
    std::size_t by_al(const std::string& surname, bool titled, char initial) const;
    void mention(std::size_t person, std::size_t first, std::size_t last, bool surname_only,
                 std::vector<NameMention>& out, std::string rank = {});

    std::vector<Person> people_;
    /// Surname forms → the people known by them: "baker" → {james baker,
    /// howard baker}; "lewis francis" and "francis" → {mark lewis francis}.
    std::unordered_map<std::string, std::vector<std::size_t>> by_surname_;
    /// The people by the last word of their name and by their first: "baker"
    /// → {james baker, howard baker}, "james" → {james baker}.
    std::unordered_map<std::string, std::vector<std::size_t>> by_last_word_, by_given_;
    std::vector<std::size_t> in_paragraph_;  ///< people named in this paragraph, in order
    std::vector<Pending> pending_;
    /// Words the article wrote in lower case so far: "sprinter", "prop".
    std::unordered_set<std::string> lower_words_;
    std::size_t paragraph_ = 0;  ///< find() calls since reset()
};

/// Whether a paragraph of 8 or more words is written without capitals
/// (some wire copy is so: "central bank head miguel mancera aguayo held
/// talks"): capitals cannot tell its names, so any two words side by side
/// may be one. It has no capital but at sentence starts, and either none at
/// all (a sentence starts in lower case) or a word that text with capitals
/// would capitalise, written in lower case inside a sentence: a given name that is no common word
/// ("miguel", not "rose"), a day, a month before a number ("april 24"), "mr". A paragraph that
/// merely names nobody ("Shares fell as investors sold banks.") does not qualify.
bool written_without_capitals(const std::vector<Token>& tokens);

/// Lower-case words that may sit inside a name: "Ludwig van Beethoven".
bool is_particle(std::string_view folded_word);

/// The key a name is looked up by (`graf search --name "Steve Bannon"`):
/// analysed like a mention, with leading titles dropped ("President Joe
/// Biden" → "joe biden", "Mr Blair" → "blair"), except a rank that is the
/// name with one word ("Prince Charles" → "prince charles"); initials as the
/// finder writes them ("T. Boone Pickens" → "boone pickens", "J.K. Rowling"
/// → "jk rowling").
std::string name_key(std::string_view name);

}  // namespace graf::analysis
