#include "corpus/json_article.hpp"

#include <nlohmann/json.hpp>

#include "corpus/blocks.hpp"
#include "corpus/text_decoding.hpp"

namespace graf::corpus {
namespace {

using nlohmann::json;

// nlohmann's messages start "[json.exception.parse_error.101] parse error at
// line 1, column 7: …": keep what a user needs.
std::string short_message(const json::exception& e) {
    std::string m = e.what();
    if (auto p = m.find("] "); p != std::string::npos) m.erase(0, p + 2);
    if (auto p = m.find("at line 1, "); p != std::string::npos) m.erase(p, 11);
    return m;
}

// A string field, or an error when the key holds another type. Numbers are
// accepted for "id" (many exports write numeric ids).
std::optional<std::string> text_field(const json& doc, const char* key, std::string& out,
                                      bool number_ok = false) {
    auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) {
        out = it->get<std::string>();
        DecodedText d = decode_to_utf8(out);  // JSON may carry \u escapes of lone surrogates
        out = std::move(d.text);
        clean_controls(out);
        return std::nullopt;
    }
    if (number_ok && it->is_number_integer()) {
        out = std::to_string(it->get<long long>());
        return std::nullopt;
    }
    if (number_ok && it->is_number_unsigned()) {
        out = std::to_string(it->get<unsigned long long>());
        return std::nullopt;
    }
    return std::string("field \"") + key + "\" must be a string, not " + it->type_name();
}

}  // namespace

std::optional<std::string> parse_json_article(std::string_view line, Article& article,
                                              std::string& warning) {
    json doc;
    try {
        doc = json::parse(line);
    } catch (const json::exception& e) {
        return "malformed JSON: " + short_message(e);
    }
    if (!doc.is_object()) return std::string("expected a JSON object, found ") + doc.type_name();
    std::string body;
    for (auto [key, target, number_ok] :
         {std::tuple{"id", &article.id, true}, std::tuple{"title", &article.title, false},
          std::tuple{"date", &article.date, false}, std::tuple{"source", &article.source, false},
          std::tuple{"url", &article.url, false}, std::tuple{"body", &body, false}}) {
        if (auto err = text_field(doc, key, *target, number_ok)) return err;
    }
    if (!article.date.empty()) {
        // Accept full timestamps ("2025-01-27T10:00:00Z"): the day is what we index.
        if (auto day = day_of(article.date)) {
            article.date = *day;
        } else {
            warning = "date \"" + article.date + "\" is not YYYY-MM-DD; indexed without a date";
            article.date.clear();
        }
    }
    for (Block& b : split_blocks(body)) article.paragraphs.push_back(std::move(b.text));
    if (article.title.find('\n') != std::string::npos)
        for (char& c : article.title)
            if (c == '\n' || c == '\t') c = ' ';
    return std::nullopt;
}

}  // namespace graf::corpus
