#include "analysis/stemmer.hpp"

namespace graf::analysis {

namespace {
constexpr std::size_t kCacheLimit = 200'000;  // ~20 MB; the vocabulary of a large archive
}

bool is_stemmable(const std::string& term) {
    if (term.empty()) return false;
    for (char c : term)
        if (c >= '0' && c <= '9') return false;
    return true;
}

Stemmer::Stemmer() : stem_("english") {}

const std::string& Stemmer::operator()(const std::string& term) {
    auto it = cache_.find(term);
    if (it != cache_.end()) return it->second;
    if (cache_.size() >= kCacheLimit) cache_.clear();
    return cache_.emplace(term, stem_(term)).first->second;
}

}  // namespace graf::analysis
