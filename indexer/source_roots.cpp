#include "indexer/source_roots.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include "corpus/corpus_reader.hpp"
#include "schema/layout.hpp"
#include "schema/schema.hpp"

namespace graf::indexer {
namespace fs = std::filesystem;

namespace {

// `inner` lies strictly inside the folder `outer`.
bool inside(const std::string& inner, const std::string& outer) {
    return inner.size() > outer.size() + 1 && inner.compare(0, outer.size(), outer) == 0 &&
           inner[outer.size()] == '/';
}

// The first known root of another source that `root` lies inside.
const std::pair<const std::string, std::set<std::string>>* enclosing(const SourceRoots& known,
                                                                     const std::string& name,
                                                                     const std::string& root,
                                                                     std::string& outer) {
    for (const auto& entry : known) {
        if (entry.first == name) continue;
        for (const std::string& r : entry.second)
            if (inside(root, r)) {
                outer = r;
                return &entry;
            }
    }
    return nullptr;
}

// Refusals: what the input would do to articles already in the index, and
// what to run instead. Only inputs named by default: --source says the user
// means that source.
void check_default_name(const SourceRoots& known, const SourceRoots& run, const std::string& name,
                        const std::string& root) {
    const std::set<std::string>& same_run = run.at(name);
    if (same_run.size() > 1)
        throw corpus::CorpusError(fmt::format(
            "{} and {} both have the source name '{}', so articles with the same id would "
            "replace each other; index them in separate runs, each with --source NAME of its "
            "own; nothing was indexed",
            *same_run.begin(), *std::next(same_run.begin()), name));
    if (auto it = known.find(name); it != known.end()) {
        if (it->second.count(root)) return;
        throw corpus::CorpusError(fmt::format(
            "{}: the source name '{}' already stands for {} in this index, and articles with "
            "the same id would replace its articles; give this input a name of its own with "
            "--source NAME (or --source {} if it is the same source, moved here); nothing was "
            "indexed",
            root, name, *it->second.begin(), name));
    }
    std::string outer;
    if (auto* other = enclosing(known, name, root, outer))
        throw corpus::CorpusError(fmt::format(
            "{} is inside {}, indexed as source '{}': its articles are in the index already, as "
            "{}:{}/…; index {} again to update them (unchanged articles are skipped), or give "
            "--source NAME to index them a second time under that name; nothing was indexed",
            root, outer, other->first, other->first,
            fs::path(root).lexically_relative(outer).string(), outer));
}

}  // namespace

std::string join_roots(const std::set<std::string>& roots) {
    std::string value;
    for (const std::string& r : roots) value += (value.empty() ? "" : "\n") + r;
    return value;
}

void split_roots(std::string_view value, std::set<std::string>& roots) {
    while (!value.empty()) {
        const std::size_t end = std::min(value.find('\n'), value.size());
        if (end) roots.emplace(value.substr(0, end));
        value.remove_prefix(std::min(end + 1, value.size()));
    }
}

SourceRoots read_source_roots(const fs::path& db) {
    SourceRoots roots;
    std::vector<fs::path> databases = schema::shard_paths(db);
    if (databases.empty() && schema::is_database(db)) databases.push_back(db);
    const std::string prefix(schema::kSourceRootKeyPrefix);
    for (const fs::path& path : databases) {
        try {
            Xapian::Database x(path.string());
            for (auto it = x.metadata_keys_begin(prefix); it != x.metadata_keys_end(prefix); ++it)
                split_roots(x.get_metadata(*it), roots[(*it).substr(prefix.size())]);
        } catch (const Xapian::Error&) {
            // Unreadable: the writer, opening it next, says why.
        }
    }
    return roots;
}

SourcePlan plan_sources(const SourceRoots& known, const std::vector<fs::path>& inputs,
                        std::string_view source) {
    SourceRoots run;
    std::vector<std::pair<std::string, std::string>> named;  // (name, root) per input
    for (const fs::path& input : inputs) {
        const std::string root = corpus::source_root(input);
        if (root.empty()) continue;  // standard input: no path to compare
        const std::string name =
            source.empty() ? corpus::default_source_name(input) : std::string(source);
        run[name].insert(root);
        named.emplace_back(name, root);
    }
    SourcePlan plan;
    for (const auto& [name, root] : named) {
        if (source.empty()) check_default_name(known, run, name, root);
        const auto it = known.find(name);
        if (it != known.end() && it->second.count(root)) continue;  // said before
        for (const auto& [other, roots] : known) {
            if (other == name) continue;
            for (const std::string& r : roots)
                if (inside(r, root))
                    plan.notes.push_back(
                        {corpus::Problem::Kind::Warning, root,
                         fmt::format("{} was indexed before as source '{}': its articles are now "
                                     "in the index twice, as {}:… and {}:{}/… (searches show "
                                     "each story once)",
                                     r, other, other, name,
                                     fs::path(r).lexically_relative(root).string())});
        }
    }
    for (const auto& [name, roots] : run) {
        plan.record[name] = roots;
        if (auto it = known.find(name); it != known.end())
            plan.record[name].insert(it->second.begin(), it->second.end());
    }
    return plan;
}

}  // namespace graf::indexer
