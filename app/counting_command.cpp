#include "app/counting_command.hpp"

#include "searcher/query.hpp"
#include "web/api.hpp"
#include "web/timeline.hpp"

namespace graf::app {

void add_filter_options(cxxopts::Options& options) {
    // clang-format off
    options.add_options("Query")
        ("name", "paragraphs naming this person or organisation", cxxopts::value<std::string>(), "\"FULL NAME\"")
        ("since", "only articles dated on or after (YYYY[-MM[-DD]])", cxxopts::value<std::string>(), "DATE")
        ("until", "only articles dated on or before", cxxopts::value<std::string>(), "DATE")
        ("query", "the query", cxxopts::value<std::vector<std::string>>());
    // clang-format on
    options.parse_positional({"query"});
    options.positional_help("QUERY");
}

std::optional<web::Filters> filters_from(const cxxopts::ParseResult& args,
                                         std::string_view command) {
    QueryArgs asked = query_args(args);
    web::Filters f;
    f.query = std::move(asked.query);
    f.name = std::move(asked.name);
    f.since = std::move(asked.since);
    f.until = std::move(asked.until);
    if (f.query.empty() && f.name.empty()) {
        error("{0}: give a query or --name (see `graf {0} --help`)", command);
        return std::nullopt;
    }
    return f;
}

int run_counting(const cxxopts::ParseResult& args, std::string_view command,
                 const web::Filters& filters,
                 const std::function<void(web::Archive&, const Xapian::Query&)>& count) {
    return with_query_errors([&] {
        try {
            web::Archive archive(db_option(args));
            warn_stale_shards(archive.searcher().stale_shards());
            searcher::HighlightSpec unused;
            count(archive, archive.compile(filters, unused));
        } catch (const web::TimelineTooLong& e) {
            error("{}: {}", command, e.what());
            return static_cast<int>(kUsage);
        } catch (const Xapian::UnimplementedError& e) {
            error("{}: {}: {}", command, web::kRemoteCannot, e.get_msg());
            return static_cast<int>(kNothing);
        }
        return static_cast<int>(kOk);
    });
}

}  // namespace graf::app
