#pragma once
// English (Snowball) stemming with a memo: news vocabulary is Zipfian, so a
// small cache answers most calls without running the stemmer. Not thread
// safe: each indexing thread owns one.
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace graf::analysis {

/// Numbers, codes (h1b, 10b) and empty terms are not stemmed.
bool is_stemmable(const std::string& term);

class Stemmer {
  public:
    Stemmer();
    /// The stem of `term`; only call it for is_stemmable terms.
    const std::string& operator()(const std::string& term);

  private:
    Xapian::Stem stem_;
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace graf::analysis
