#pragma once
// Query-string parameters of the web API, checked: a bad one is a 400 whose
// message names it.
#include <cstddef>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "error/error.hpp"

namespace graf::web {

/// A bad parameter; what() names it and says what it takes.
class ParamError : public Error {
  public:
    explicit ParamError(const std::string& message) : Error(kUsage, message) {}
};

/// Longest value one parameter may have, in bytes.
inline constexpr std::size_t kMaxParamBytes = 2000;

class Params {
  public:
    /// Throws ParamError for a parameter not in `known`, one given twice or
    /// one longer than kMaxParamBytes.
    Params(const std::multimap<std::string, std::string>& given,
           const std::set<std::string>& known);
    /// The value, or `fallback` when absent.
    std::string text(const std::string& key, const std::string& fallback = "") const;
    /// An integer in [low, high].
    std::size_t number(const std::string& key, std::size_t fallback, std::size_t low,
                       std::size_t high) const;
    /// Absent: `fallback`; "0", "false": false; "", "1", "true": true.
    bool flag(const std::string& key, bool fallback = false) const;
    /// One of `choices` (comma-separated in messages).
    std::string choice(const std::string& key, const std::set<std::string>& choices,
                       const std::string& fallback) const;
    /// YYYY, YYYY-MM or YYYY-MM-DD, checked as `graf search --since` checks it.
    std::string date(const std::string& key) const;
    bool has(const std::string& key) const { return values_.count(key) > 0; }

  private:
    std::map<std::string, std::string> values_;
};

}  // namespace graf::web
