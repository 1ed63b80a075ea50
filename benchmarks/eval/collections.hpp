#pragma once
// The judged collections of a folder such as ../shared/corpus/judged (its
// README describes them): which files hold each one's queries, judgments
// and corpus.
#include <filesystem>
#include <string>
#include <vector>

namespace graf::bench {

struct Collection {
    std::string name;  ///< the folder's name
    std::filesystem::path queries, qrels, corpus;
    bool names = false;  ///< the queries are people's names (graf runs them as --name)
};

struct Skipped {
    std::string name, reason;
};

/// Every sub-folder, by name, that holds a usable collection:
/// `queries.tsv` + `qrels.txt` + `corpus.jsonl`, or, for a `reuters-*`
/// folder, the Reuters corpus beside the judged folder
/// (`../reuters21578.jsonl`); `reuters-people` has `people.tsv` (tag<TAB>name)
/// and `tagged.txt` (qrels) instead. Folders with a missing file are skipped
/// with the reason.
std::vector<Collection> find_collections(const std::filesystem::path& judged,
                                         std::vector<Skipped>& skipped);

}  // namespace graf::bench
