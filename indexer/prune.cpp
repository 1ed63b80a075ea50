#include "indexer/prune.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "schema/schema.hpp"

namespace graf::indexer {

namespace {

std::string refusal(const ReadOutcome& read, const PruneInputs& in, const PrunePlan& plan) {
    for (std::size_t i = 0; i < in.inputs.size(); ++i)
        if (i < read.per_input.size() && read.per_input[i] == 0)
            return fmt::format(
                "not pruning: {} yielded no articles (a wrong or empty path?); nothing was deleted",
                in.inputs[i].string());
    if (in.skipped > 0)
        return fmt::format(
            "not pruning: {} input{} could not be read (named above), so their articles would "
            "be deleted; fix {} and run again",
            in.skipped, in.skipped == 1 ? "" : "s", in.skipped == 1 ? "it" : "them");
    if (plan.count * 2 > plan.articles && !in.confirmed)
        return fmt::format(
            "not pruning: that would delete {} of the index's {} articles; run again with --yes "
            "to delete them (--dry-run lists them)",
            plan.count, plan.articles);
    return {};
}

}  // namespace

PrunePlan plan_prune(const std::vector<const KnownHashes*>& shards, const ReadOutcome& read,
                     const PruneInputs& in) {
    PrunePlan plan;
    plan.keys.resize(shards.size());
    for (std::size_t s = 0; s < shards.size(); ++s) {
        for (const auto& [key, hash] : *shards[s]) {
            if (hash.empty()) continue;  // deleted earlier (an empty hash entry)
            ++plan.articles;
            if (read.seen.count(key)) continue;
            // Only this run's sources: other inputs' articles are not ours to judge.
            if (!in.sources.count(std::string(schema::source_of_key(key)))) continue;
            plan.keys[s].push_back(key);
            plan.ids.push_back(key);
            ++plan.count;
        }
    }
    std::sort(plan.ids.begin(), plan.ids.end());
    if (plan.count > 0) plan.refused = refusal(read, in, plan);
    return plan;
}

}  // namespace graf::indexer
