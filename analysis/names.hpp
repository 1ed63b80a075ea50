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

class NameFinder {
  public:
    /// Appends the mentions in one paragraph's tokens to `out`. Call for the
    /// paragraphs of one article in order; start each article with reset().
    void find(const std::vector<Token>& tokens, std::vector<NameMention>& out);
    void reset() { by_surname_.clear(); }

  private:
    void add_run(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                 std::vector<NameMention>& out);
    void add_segment(const std::vector<Token>& tokens, const std::vector<std::size_t>& run,
                     std::size_t from, std::size_t to, std::vector<NameMention>& out);

    std::unordered_map<std::string, std::string> by_surname_;  ///< "bannon" → "steve bannon"
};

/// Lower-case words that may sit inside a name: "Ludwig van Beethoven".
bool is_particle(std::string_view folded_word);

/// The key a name is looked up by (`graf search --name "Steve Bannon"`):
/// analysed like a mention, with leading titles dropped ("Mr Blair" → "blair").
std::string name_key(std::string_view name);

}  // namespace graf::analysis
