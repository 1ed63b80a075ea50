#pragma once
// Which folder or feed file each source name stands for in an index. The
// source name is part of every article id, so two inputs that merely share
// a name (2023/news and 2024/news, a/feed.jsonl and b/feed.jsonl) would
// replace each other's articles, and a folder inside one indexed before
// (bbc/politics after bbc) would add its articles a second time under other
// ids. A run refuses both before writing anything, unless --source names the
// source explicitly; the index records each name's paths as metadata
// (schema::kSourceRootKeyPrefix).
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/problem.hpp"

namespace graf::indexer {

/// Source name → the absolute paths it stands for.
using SourceRoots = std::map<std::string, std::set<std::string>>;

/// The roots recorded in the index at `db`, over all its databases (none for
/// a new index, or one written before graf recorded them).
SourceRoots read_source_roots(const std::filesystem::path& db);

struct SourcePlan {
    SourceRoots record;  ///< the names this run reads, with every path each stands for
    std::vector<corpus::Problem> notes;  ///< warnings: an input holds another source's folder
};

/// Checks this run's inputs (named by `source`, else each by its default
/// name) against the roots the index knows. Throws corpus::CorpusError when
/// an input would replace or repeat another source's articles.
SourcePlan plan_sources(const SourceRoots& known, const std::vector<std::filesystem::path>& inputs,
                        std::string_view source);

/// The metadata value of a name's roots, and back.
std::string join_roots(const std::set<std::string>& roots);
void split_roots(std::string_view value, std::set<std::string>& roots);

}  // namespace graf::indexer
