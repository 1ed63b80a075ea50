#include "app/counting_command.hpp"

#include "searcher/query.hpp"

namespace graf::app {

void add_counting_options(cxxopts::Options& options) {
    add_db_option(options);
    add_query_options(options, "paragraphs naming this person or organisation");
    add_json_option(options);
    add_help_option(options);
}

CountingSettings counting_settings(const cxxopts::ParseResult& args, std::string_view command) {
    CountingSettings s;
    s.index = index_settings(args);
    s.filters.name = read_query(args, s.filters);
    if (s.filters.query.empty() && s.filters.name.empty())
        throw UsageError(fmt::format("give a query or --name (see `graf {} --help`)", command));
    s.json = args.count("json") > 0;
    return s;
}

void run_counting(const IndexSettings& index, const web::Filters& filters,
                  const std::function<void(web::Archive&, const Xapian::Query&)>& count) {
    web::Archive archive(use_index(index));
    warn_stale_shards(archive.searcher().stale_shards());
    searcher::HighlightSpec unused;
    count(archive, archive.compile(filters, unused));
}

}  // namespace graf::app
