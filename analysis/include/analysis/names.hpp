#pragma once
// Finds mentions of people and organisations: runs of capitalised words, not
// a capitalised word merely starting a sentence. News style names a person in
// full once, then by surname ("Steve Bannon" … "Bannon said"), so the finder
// keeps, per article, the full names introduced so far and resolves a later
// surname-only mention to the full name.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/token.hpp"

namespace graf::analysis {

struct NameMention {
    std::string name;           ///< folded full name, words joined by one space: "steve bannon"
    std::size_t first = 0;      ///< index of its first token in the paragraph's tokens
    std::size_t last = 0;       ///< index one past its last token
    bool surname_only = false;  ///< "Bannon" after the article introduced "Steve Bannon"
};

/// A capitalised word that names someone the article never introduced
/// ("President Reagan said", "Mikulic is trying"): the corpus may know who.
struct UnresolvedMention {
    std::string surname;  ///< folded: "reagan"
    bool titled = false;  ///< a title came before it: "President Reagan", "Mr Blair"
    std::size_t token = 0;
};

class NameFinder {
  public:
    /// Appends the mentions in one paragraph's tokens to `out`. Call for the
    /// paragraphs of one article in order; start each article with reset().
    void find(const std::vector<Token>& tokens, std::vector<NameMention>& out);
    void reset();
    /// The single capitalised words of the last find() that matched no one
    /// the article named (not counted in its mentions).
    const std::vector<UnresolvedMention>& unresolved() const { return unresolved_; }

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

    void add_run(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                 std::vector<NameMention>& out);
    void add_piece(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                   std::size_t from, std::size_t to, std::vector<NameMention>& out);
    void add_segment(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                     Segment seg, std::vector<NameMention>& out);
    bool add_parts(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                   const Segment& seg, std::vector<NameMention>& out);
    void add_person(const std::vector<std::string>& words, std::size_t tail, const Segment& seg,
                    std::size_t first, std::size_t last, std::vector<NameMention>& out);
    std::size_t resolve(const std::string& surname, const std::vector<std::string>& titles,
                        char initial) const;
    std::size_t by_given_name(const std::string& given) const;
    void mention(std::size_t person, std::size_t first, std::size_t last, bool surname_only,
                 std::vector<NameMention>& out);

    std::vector<Person> people_;
    /// Surname forms → the people known by them: "baker" → {james baker,
    /// howard baker}; "lewis francis" and "francis" → {mark lewis francis}.
    std::unordered_map<std::string, std::vector<std::size_t>> by_surname_;
    std::vector<std::size_t> in_paragraph_;  ///< people named in this paragraph, in order
    std::vector<UnresolvedMention> unresolved_;
};

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
