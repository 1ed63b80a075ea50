// graf facets [--db DIR] [--top N] [--name NAME] [--json] QUERY
#include <algorithm>

#include "app/cli.hpp"
#include "app/counting_command.hpp"
#include "web/facets.hpp"
#include "web/search_json.hpp"

namespace graf::app {
namespace {

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

int run_facets(int argc, char** argv) {
    cxxopts::Options options("graf facets",
                             "What the matches of a query are made of: their sources, the names "
                             "they mention most, their date range.");
    add_db_option(options);
    add_filter_options(options);
    options.add_options("Output")("top", "sources and names to list",
                                  cxxopts::value<std::size_t>()->default_value("10"), "N");
    add_json_option(options);
    add_help_option(options);
    cxxopts::ParseResult args;
    if (!parse_or_help(options, argc, argv, args)) return kOk;

    const std::size_t top = std::clamp<std::size_t>(args["top"].as<std::size_t>(), 1, 100);
    const auto f = filters_from(args, "facets");
    if (!f) return kUsage;
    return run_counting(args, "facets", *f, [&](web::Archive& archive, const Xapian::Query& q) {
        const web::Facets result = archive.with_retry(
            [&] { return web::facets(archive.database(), q, top, "", archive.local()); });
        if (args.count("json"))
            fmt::print("{}\n",
                       web::dump(web::facets_json(result, web::shown_query(to_request(*f)))));
        else
            print_facets(result);
    });
}

}  // namespace graf::app
