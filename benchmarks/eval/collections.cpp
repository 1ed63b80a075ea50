#include "benchmarks/eval/collections.hpp"

#include <algorithm>

namespace graf::bench {
namespace fs = std::filesystem;
namespace {

// Where a collection's files are; the reason it cannot be run otherwise.
std::string locate(const fs::path& judged, const fs::path& folder, Collection& c) {
    c.name = folder.filename().string();
    c.names = c.name == "reuters-people";
    c.queries = folder / (c.names ? "people.tsv" : "queries.tsv");
    c.qrels = folder / (c.names ? "tagged.txt" : "qrels.txt");
    c.corpus = folder / "corpus.jsonl";
    // The Reuters collections judge the shared Reuters corpus (judged/README.md).
    if (!fs::exists(c.corpus) && c.name.rfind("reuters-", 0) == 0)
        c.corpus = judged.parent_path() / "reuters21578.jsonl";
    for (const fs::path* p : {&c.queries, &c.qrels, &c.corpus})
        if (!fs::is_regular_file(*p)) return p->string() + " is missing";
    c.corpus = fs::canonical(c.corpus);
    return {};
}

}  // namespace

std::vector<Collection> find_collections(const fs::path& judged_in, std::vector<Skipped>& skipped) {
    const fs::path judged = fs::absolute(judged_in).lexically_normal();
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(judged))
        if (entry.is_directory()) folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    std::vector<Collection> found;
    for (const fs::path& folder : folders) {
        Collection c;
        std::string reason = locate(judged, folder, c);
        if (reason.empty())
            found.push_back(std::move(c));
        else
            skipped.push_back({c.name, reason});
    }
    return found;
}

}  // namespace graf::bench
