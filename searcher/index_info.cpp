#include "searcher/index_info.hpp"

#include <xapian.h>

#include <algorithm>
#include <unordered_map>

#include "analysis/fold.hpp"
#include "schema/layout.hpp"
#include "schema/schema.hpp"

namespace graf::searcher {
namespace fs = std::filesystem;

namespace {

std::string ymd(const std::string& value) {
    if (value.size() != 8) return {};
    return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

}  // namespace

IndexSummary summarize(const Xapian::Database& db, const fs::path& path) {
    IndexSummary s;
    // Article documents (schema 6) are not paragraphs.
    s.paragraphs = db.get_doccount() - db.get_termfreq(std::string(schema::kArticleDocMarker));
    // One XA term per article; unlike metadata, terms merge across shards.
    const std::string article_prefix(schema::kArticlePrefix);
    for (auto it = db.allterms_begin(article_prefix); it != db.allterms_end(article_prefix); ++it)
        ++s.articles;
    // Prefixed terms start with a capital letter; one skip_to jumps past them all.
    for (auto it = db.allterms_begin(); it != db.allterms_end();) {
        const std::string term = *it;
        if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
            it.skip_to("[");
            continue;
        }
        ++s.distinct_words;
        ++it;
    }
    s.first_date = ymd(db.get_value_lower_bound(schema::kDateSlot));
    s.last_date = ymd(db.get_value_upper_bound(schema::kDateSlot));
    const std::string src(schema::kSourcePrefix);
    for (auto it = db.allterms_begin(src); it != db.allterms_end(src); ++it)
        s.sources.push_back({(*it).substr(src.size()), it.get_termfreq()});
    std::sort(s.sources.begin(), s.sources.end(), [](const SourceCount& a, const SourceCount& b) {
        return a.paragraphs > b.paragraphs;
    });
    s.bytes_on_disk = schema::disk_bytes(path);
    return s;
}

std::vector<NameCount> top_names_by_paragraphs(const Xapian::Database& db, std::size_t top,
                                               std::string_view prefix) {
    const std::string term_prefix = std::string(schema::kNamePrefix) + analysis::fold(prefix);
    std::vector<NameCount> names;
    for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it)
        names.push_back({(*it).substr(schema::kNamePrefix.size()), it.get_termfreq(), 0});
    std::size_t n = std::min(top, names.size());
    std::partial_sort(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(n), names.end(),
                      [](const NameCount& a, const NameCount& b) {
                          return a.paragraphs != b.paragraphs ? a.paragraphs > b.paragraphs
                                                              : a.name < b.name;
                      });
    names.resize(n);
    return names;
}

std::vector<NameCount> top_names(const Xapian::Database& db, std::size_t top,
                                 std::string_view prefix) {
    std::vector<NameCount> names = top_names_by_paragraphs(db, top, prefix);
    // Articles: collapse the name's paragraphs by article and count them all.
    for (NameCount& nc : names) {
        Xapian::Enquire e(db);
        e.set_query(Xapian::Query(std::string(schema::kNamePrefix) + nc.name));
        e.set_weighting_scheme(Xapian::BoolWeight());
        e.set_collapse_key(schema::kArticleSlot);
        Xapian::MSet m = e.get_mset(0, 0, db.get_doccount());
        nc.articles = m.get_matches_estimated();
    }
    return names;
}

namespace {

// Paragraphs and articles that name any of `names`, counted exactly.
void count_exactly(const Xapian::Database& db, const std::vector<std::string>& names,
                   NameCount& nc) {
    std::vector<Xapian::Query> terms;
    for (const std::string& n : names) terms.emplace_back(std::string(schema::kNamePrefix) + n);
    const Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
    Xapian::Enquire e(db);
    e.set_query(q);
    e.set_weighting_scheme(Xapian::BoolWeight());
    nc.paragraphs = e.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    e.set_collapse_key(schema::kArticleSlot);
    nc.articles = e.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

}  // namespace

std::vector<NameCount> list_names(const Xapian::Database& db, std::size_t top,
                                  std::string_view prefix,
                                  const std::function<bool(const std::string&)>& keep) {
    const std::string term_prefix = std::string(schema::kNamePrefix) + analysis::fold(prefix);
    std::unordered_map<std::string, Xapian::doccount> freq;
    for (auto it = db.allterms_begin(term_prefix); it != db.allterms_end(term_prefix); ++it) {
        std::string name = (*it).substr(schema::kNamePrefix.size());
        if (keep(name)) freq.emplace(std::move(name), it.get_termfreq());
    }
    // Each plural joins its singular ("lib dems" → "lib dem"); the group is
    // shown by its most mentioned member.
    struct Group {
        std::vector<std::string> names;
        Xapian::doccount paragraphs = 0;
    };
    std::unordered_map<std::string, Group> groups;
    for (const auto& [name, n] : freq) {
        std::string root = name;
        if (root.size() > 3 && root.back() == 's' && freq.count(root.substr(0, root.size() - 1)))
            root.pop_back();
        Group& g = groups[root];
        g.names.push_back(name);
        g.paragraphs += n;
    }
    std::vector<Group*> order;
    for (auto& [root, g] : groups) order.push_back(&g);
    const std::size_t n = std::min(top, order.size());
    auto first_name = [&](const Group* g) {
        return *std::max_element(g->names.begin(), g->names.end(),
                                 [&](const std::string& a, const std::string& b) {
                                     return freq[a] != freq[b] ? freq[a] < freq[b] : a > b;
                                 });
    };
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                      [&](const Group* a, const Group* b) {
                          return a->paragraphs != b->paragraphs ? a->paragraphs > b->paragraphs
                                                                : first_name(a) < first_name(b);
                      });
    std::vector<NameCount> names;
    for (std::size_t i = 0; i < n; ++i) {
        NameCount nc{first_name(order[i]), 0, 0};
        count_exactly(db, order[i]->names, nc);
        names.push_back(std::move(nc));
    }
    std::stable_sort(names.begin(), names.end(), [](const NameCount& a, const NameCount& b) {
        return a.paragraphs > b.paragraphs;
    });
    return names;
}

}  // namespace graf::searcher
