#include "schema/schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace graf::schema {

std::uint64_t fnv1a(std::string_view data, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string full_id(std::string_view source_name, std::string_view input_id) {
    std::string id(source_name);
    id += ':';
    id += input_id;
    return id;
}

std::string_view source_of_key(std::string_view key) {
    const std::size_t colon = key.find(':');
    return colon == std::string_view::npos ? std::string_view{} : key.substr(0, colon);
}

std::string article_key(std::string_view article_id) {
    if (article_id.size() <= kMaxIdBytes) return std::string(article_id);
    // Keep a readable head; the hash keeps long ids distinct.
    return fmt::format("{}#{:016x}", article_id.substr(0, kMaxIdBytes - 17), fnv1a(article_id));
}

std::string article_term(std::string_view article_id) {
    return std::string(kArticlePrefix) + article_key(article_id);
}

std::string article_doc_term(std::string_view article_id) {
    return std::string(kArticleDocPrefix) + article_key(article_id);
}

Xapian::Query article_filter(std::string_view id) {
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(article_term(id)),
                         Xapian::Query(std::string(kLocalIdPrefix) + article_key(id)));
}

std::string hash_key(std::string_view article_id) {
    return std::string(kHashKeyPrefix) + article_key(article_id);
}

std::string stem_key(std::string_view stem) {
    return std::string(kStemKeyPrefix) + std::string(stem);
}

bool add_variant(std::string& variants, std::string_view word) {
    bool found = false;
    for_each_variant(variants, [&](std::string_view v) { found = found || v == word; });
    if (found) return false;
    if (!variants.empty()) variants += ' ';
    variants += word;
    return true;
}

std::string text_hash(std::string_view title, const std::vector<std::string>& paragraphs) {
    // Separator bytes that cannot occur in text keep the parts apart.
    std::uint64_t h = fnv1a(title);
    h = fnv1a("\x1f", h);
    for (const std::string& p : paragraphs) h = fnv1a(p + '\x1e', h);
    return fmt::format("{:016x}", h);
}

std::string article_collapse_value(std::string_view hash, std::size_t paragraphs) {
    return fmt::format("{} {}", hash, paragraphs);
}

ArticleLengths parse_article_lengths(std::string_view value) {
    ArticleLengths lengths;
    const std::string text(value);
    char* end = nullptr;
    const double articles = std::strtod(text.c_str(), &end);
    if (end == text.c_str()) return lengths;
    const char* rest = end;
    const double words = std::strtod(rest, &end);
    if (end == rest || !(articles > 0) || !(words >= 0)) return lengths;
    return {articles, words};
}

std::string format_article_lengths(const ArticleLengths& lengths) {
    return fmt::format("{:.0f} {:.0f}", lengths.articles, lengths.words);
}

Xapian::termcount article_wdf(Xapian::termcount wdf, double length, double mean, double b) {
    if (wdf == 0) return 0;
    const double norm = mean > 0 ? (1 - b) + b * length / mean : 1.0;
    const double scaled = kArticleWdfScale * wdf / norm;
    return std::max<Xapian::termcount>(1, static_cast<Xapian::termcount>(std::lround(scaled)));
}

ArticleCollapse parse_article_collapse(std::string_view value) {
    ArticleCollapse parts{value, 0};
    const std::size_t space = value.find(' ');
    if (space == std::string_view::npos) return parts;
    parts.hash = value.substr(0, space);
    for (char c : value.substr(space + 1)) {
        if (c < '0' || c > '9') return {parts.hash, 0};
        parts.paragraphs = parts.paragraphs * 10 + static_cast<unsigned>(c - '0');
    }
    return parts;
}

std::string date_value(std::string_view ymd) {
    if (ymd.size() != 10) return {};
    return fmt::format("{}{}{}", ymd.substr(0, 4), ymd.substr(5, 2), ymd.substr(8, 2));
}

namespace {
void put_line(std::string& out, std::string_view value) {
    for (char c : value) out += (c == '\n' || c == '\r') ? ' ' : c;
    out += '\n';
}
}  // namespace

std::string encode(const ParagraphData& d) {
    std::string out;
    out.reserve(d.text.size() + d.title.size() + d.article.size() + d.url.size() + 32);
    for (const std::string* field : {&d.article, &d.title, &d.date, &d.source, &d.url})
        put_line(out, *field);
    put_line(out, std::to_string(d.paragraph));
    put_line(out, d.text);
    put_line(out, d.id);
    put_line(out, d.location);
    return out;
}

ParagraphData decode(std::string_view record) {
    ParagraphData d;
    auto next = [&record] {
        const std::size_t nl = std::min(record.find('\n'), record.size());
        std::string_view line = record.substr(0, nl);
        record.remove_prefix(std::min(nl + 1, record.size()));
        return line;
    };
    d.article = next();
    d.title = next();
    d.date = next();
    d.source = next();
    d.url = next();
    const std::string_view paragraph = next();
    std::from_chars(paragraph.data(), paragraph.data() + paragraph.size(), d.paragraph);
    d.text = next();
    d.id = next();
    d.location = next();
    if (d.id.empty()) d.id = d.article;  // schema 5: the input's id was the id
    return d;
}

ParagraphData decode_legacy(std::string_view data) {
    ParagraphData d;
    while (!data.empty()) {
        std::size_t nl = data.find('\n');
        std::string_view line = data.substr(0, nl);
        data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "article")
            d.article = value;
        else if (key == "title")
            d.title = value;
        else if (key == "date")
            d.date = value;
        else if (key == "source")
            d.source = value;
        else if (key == "url")
            d.url = value;
        else if (key == "text")
            d.text = value;
        else if (key == "paragraph")
            std::from_chars(value.data(), value.data() + value.size(), d.paragraph);
    }
    d.id = d.article;
    return d;
}

}  // namespace graf::schema
