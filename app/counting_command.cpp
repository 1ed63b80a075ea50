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
    web::Filters f;
    if (args.count("query"))
        for (const auto& w : args["query"].as<std::vector<std::string>>())
            f.query += (f.query.empty() ? "" : " ") + w;
    if (args.count("name")) f.name = args["name"].as<std::string>();
    if (args.count("since")) f.since = args["since"].as<std::string>();
    if (args.count("until")) f.until = args["until"].as<std::string>();
    if (f.query.empty() && f.name.empty()) {
        error("{0}: give a query or --name (see `graf {0} --help`)", command);
        return std::nullopt;
    }
    return f;
}

int run_counting(const cxxopts::ParseResult& args, std::string_view command,
                 const web::Filters& filters,
                 const std::function<void(web::Archive&, const Xapian::Query&)>& count) {
    try {
        web::Archive archive(db_option(args));
        warn_stale_shards(archive.searcher().stale_shards());
        searcher::HighlightSpec unused;
        count(archive, archive.compile(filters, unused));
    } catch (const searcher::QueryError& e) {
        error("query error: {}", e.what());
        return kUsage;
    } catch (const web::TimelineTooLong& e) {
        error("{}: {}", command, e.what());
        return kUsage;
    } catch (const searcher::IndexMissing& e) {
        error("{}", e.what());
        return kNothing;
    } catch (const Xapian::UnimplementedError& e) {
        error("{}: {}: {}", command, web::kRemoteCannot, e.get_msg());
        return kNothing;
    } catch (const Xapian::WildcardError&) {
        error("query error: a wildcard matches more than {} words; make it longer",
              searcher::kWildcardLimit);
        return kUsage;
    }
    return kOk;
}

}  // namespace graf::app
