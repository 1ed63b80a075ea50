#include "web/params.hpp"

#include <fmt/format.h>

#include "searcher/query.hpp"

namespace graf::web {

namespace {
std::string joined(const std::set<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}
}  // namespace

Params::Params(const std::multimap<std::string, std::string>& given,
               const std::set<std::string>& known) {
    for (const auto& [key, value] : given) {
        if (!known.count(key))
            throw ParamError(
                fmt::format("unknown parameter '{}' (this endpoint takes{})", key.substr(0, 100),
                            known.empty() ? std::string(" none") : ": " + joined(known)));
        if (!values_.emplace(key, value).second)
            throw ParamError(fmt::format("parameter '{}' is given more than once", key));
        if (value.size() > kMaxParamBytes)
            throw ParamError(
                fmt::format("parameter '{}' is longer than {} bytes", key, kMaxParamBytes));
    }
}

std::string Params::text(const std::string& key, const std::string& fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
}

std::size_t Params::number(const std::string& key, std::size_t fallback, std::size_t low,
                           std::size_t high) const {
    auto it = values_.find(key);
    if (it == values_.end()) return fallback;
    const std::string& v = it->second;
    std::size_t n = 0;
    bool ok = !v.empty() && v.size() <= 9;
    for (char c : v) {
        if (c < '0' || c > '9') ok = false;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (!ok || n < low || n > high)
        throw ParamError(fmt::format("parameter '{}' takes a whole number from {} to {}, not '{}'",
                                     key, low, high, v.substr(0, 100)));
    return n;
}

bool Params::flag(const std::string& key, bool fallback) const {
    auto it = values_.find(key);
    if (it == values_.end()) return fallback;
    if (it->second.empty() || it->second == "1" || it->second == "true") return true;
    if (it->second == "0" || it->second == "false") return false;
    throw ParamError(fmt::format("parameter '{}' takes 1, true, 0 or false, not '{}'", key,
                                 it->second.substr(0, 100)));
}

std::string Params::choice(const std::string& key, const std::set<std::string>& choices,
                           const std::string& fallback) const {
    std::string v = text(key, fallback);
    if (!choices.count(v))
        throw ParamError(fmt::format("parameter '{}' takes {}, not '{}'", key, joined(choices),
                                     v.substr(0, 100)));
    return v;
}

std::string Params::date(const std::string& key) const {
    std::string v = text(key);
    if (v.empty()) return v;
    try {
        searcher::date_range_query(v, "");
    } catch (const searcher::QueryError& e) {
        throw ParamError(fmt::format("parameter '{}': {}", key, e.problem()));
    }
    return v;
}

}  // namespace graf::web
