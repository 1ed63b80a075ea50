// graf facets [--db DIR] [--top N] [--name NAME] [--json] QUERY
#include <algorithm>

#include "app/cmd_facets.hpp"
#include "app/option_bounds.hpp"
#include "web/facets.hpp"
#include "web/search_json.hpp"

namespace graf::app {
namespace {

// As /api/facets allows.
constexpr std::uint64_t kMaxTop = 100;

void print_counts(const char* heading, const std::vector<web::FacetCount>& counts, bool names) {
    if (counts.empty()) return;
    fmt::print("\n{:<40} {:>10} {:>9}\n", heading, "paragraphs", "articles");
    for (const web::FacetCount& c : counts)
        fmt::print("{:<40} {:>10} {:>9}\n", names ? c.shown : c.value, c.paragraphs, c.articles);
}

void print_facets(const web::Facets& f) {
    fmt::print("{} matching article{}, {} paragraph{}", f.articles, f.articles == 1 ? "" : "s",
               f.paragraphs, f.paragraphs == 1 ? "" : "s");
    if (!f.first_date.empty()) fmt::print(", dated {} to {}", f.first_date, f.last_date);
    fmt::print("\n");
    print_counts("source", f.sources, false);
    print_counts("name", f.names, true);
    if (f.names_from < f.paragraphs)
        fmt::print("(names counted in the best {} of the {} matching paragraphs)\n", f.names_from,
                   f.paragraphs);
}

}  // namespace

cxxopts::Options facets_options() {
    cxxopts::Options options("graf facets",
                             "What the matches of a query are made of: their sources, the names "
                             "they mention most, their date range.");
    add_counting_options(options);
    options.add_options("Output")("top", "sources and names to list (1 to 100)",
                                  cxxopts::value<std::string>()->default_value("10"), "N");
    return options;
}

FacetsSettings facets_settings(const cxxopts::ParseResult& args) {
    FacetsSettings s;
    s.top = bounded_number(args, "top", 1, kMaxTop);
    s.counting = counting_settings(args, "facets");
    return s;
}

int run_facets(const FacetsSettings& settings) {
    return print_count(
        settings.counting,
        [&](web::Archive& a, const Xapian::Query& q) {
            return web::facets(a.database(), q, settings.top, "", a.local());
        },
        web::facets_json, print_facets);
}

}  // namespace graf::app
