#include "searcher/open_index.hpp"

#include <fmt/format.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include "schema/layout.hpp"
#include "schema/record_codec.hpp"
#include "schema/retry.hpp"
#include "schema/schema.hpp"

namespace graf::searcher {
namespace fs = std::filesystem;

namespace {

// Stubs may list stubs; a loop must end with an error, not a stack overflow.
constexpr int kMaxStubDepth = 8;

// A machine that is down but not refusing (no RST) would otherwise cost
// Xapian's default 10 s connect timeout on every search; 2 s is ample for a
// LAN or WAN connect (kDefaultConnectTimeoutMs; --connect-timeout changes
// it). Replies keep Xapian's 10 s.
std::atomic<unsigned> connect_timeout_ms{kDefaultConnectTimeoutMs};
constexpr unsigned kReplyTimeoutMs = 10000;

struct ShardLine {
    std::string label;
    bool remote = false;
    std::function<Xapian::Database()> open;
};

fs::path stub_file_of(const fs::path& path) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;
    if (fs::exists(schema::stub_path(path), ec) && !schema::is_database(path))
        return schema::stub_path(path);
    return {};
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// The lines Xapian's own stub reader accepts, minus `inmemory` (nothing to
// search): `auto|glass|chert PATH` (relative to the stub's folder),
// `remote HOST:PORT` (xapian-tcpsrv) and `remote :PROGRAM ARGS` (xapian-progsrv).
void collect_shards(const fs::path& path, std::vector<ShardLine>& out, int depth) {
    const fs::path stub = stub_file_of(path);
    if (stub.empty()) {
        out.push_back({path.string(), false, [p = path.string()] { return Xapian::Database(p); }});
        return;
    }
    if (depth > kMaxStubDepth)
        throw IndexMissing(fmt::format("{}: stubs list each other more than {} deep (a loop?)",
                                       stub.string(), kMaxStubDepth));
    std::ifstream in(stub);
    if (!in) throw IndexMissing(fmt::format("{}: cannot read this stub file", stub.string()));
    std::string raw;
    for (int number = 1; std::getline(in, raw); ++number) {
        const std::string_view line = trim(raw);
        if (line.empty() || line[0] == '#') continue;
        const std::size_t space = line.find_first_of(" \t");
        const std::string_view type = line.substr(0, space);
        const std::string_view rest =
            space == std::string_view::npos ? std::string_view{} : trim(line.substr(space));
        auto bad = [&](std::string_view why) {
            return IndexMissing(
                fmt::format("{}:{}: {} ('{}'); a stub line is `auto PATH` or `remote HOST:PORT`",
                            stub.string(), number, why, line));
        };
        if (rest.empty()) throw bad("nothing after the type");
        if (type == "auto" || type == "glass" || type == "chert") {
            fs::path shard(rest);
            if (shard.is_relative()) shard = stub.parent_path() / shard;
            collect_shards(shard, out, depth + 1);
        } else if (type == "remote" && rest[0] == ':') {
            const std::string_view command = rest.substr(1);
            const std::size_t gap = command.find(' ');
            std::string program(command.substr(0, gap));
            std::string args(gap == std::string_view::npos ? std::string_view{}
                                                           : trim(command.substr(gap)));
            out.push_back({"remote " + std::string(rest), true,
                           [program, args] { return Xapian::Remote::open(program, args); }});
        } else if (type == "remote") {
            const std::size_t colon = rest.rfind(':');
            unsigned port = 0;
            if (colon == std::string_view::npos || colon == 0 ||
                std::from_chars(rest.data() + colon + 1, rest.data() + rest.size(), port).ec !=
                    std::errc{} ||
                port == 0 || port > 65535)
                throw bad("a remote shard needs HOST:PORT");
            std::string host(rest.substr(0, colon));
            out.push_back({"remote " + std::string(rest), true, [host, port] {
                               return Xapian::Remote::open(host, port, kReplyTimeoutMs,
                                                           connect_timeout_ms.load());
                           }});
        } else {
            throw bad(fmt::format("unknown shard type '{}'", type));
        }
    }
}

std::string what_to_do(const ShardLine& shard, const fs::path& db) {
    return shard.remote ? fmt::format(
                              "start its xapian-tcpsrv, remove its line from {}'s stub, or search "
                              "with --allow-partial",
                              db.string())
                        : fmt::format(
                              "restore that folder, remove its line from {}'s stub, or search "
                              "with --allow-partial",
                              db.string());
}

std::vector<std::string> labels_of(const std::vector<ShardLine>& lines) {
    std::vector<std::string> out;
    for (const ShardLine& line : lines) out.push_back(line.label);
    return out;
}

// A compaction swaps the index's folder (compactor.cpp): a reader that read
// the stub before the swap finds its shards gone after it. True when the
// layout is no longer the one `lines` was read from, so opening again helps.
bool layout_changed(const fs::path& db, const std::vector<ShardLine>& lines) {
    std::error_code ec;
    if (fs::exists(schema::precompact_path(db), ec)) return true;
    try {
        std::vector<ShardLine> now;
        collect_shards(db, now, 0);
        return labels_of(now) != labels_of(lines);
    } catch (const IndexMissing&) {
        return true;
    }
}

// Opens the shards `db` lists. Sets `retry` instead of failing when a local
// shard is gone because the layout changed meanwhile (and `may_retry`).
OpenIndex open_once(const fs::path& db, bool allow_partial, bool may_retry, bool& retry) {
    std::error_code ec;
    // `graf compact` swaps the compacted copy in with two renames; between
    // them the index is briefly absent. Wait for the second rename.
    if (may_retry && !fs::exists(db, ec) && fs::exists(schema::precompact_path(db), ec)) {
        retry = true;
        return {};
    }
    if (!fs::exists(db, ec))
        throw IndexMissing(fmt::format("no index at {}: build one with `graf index --db {} CORPUS`",
                                       db.string(), db.string()));
    std::vector<ShardLine> lines;
    try {
        collect_shards(db, lines, 0);
    } catch (const IndexMissing&) {
        // A stub seen a moment ago and gone now: a finished parallel build
        // or a compaction swapped the folders meanwhile. Look again.
        if (may_retry && !fs::exists(schema::stub_path(db), ec)) {
            retry = true;
            return {};
        }
        throw;
    }
    const bool single = lines.size() == 1 && !lines[0].remote && lines[0].label == db.string();

    OpenIndex index;
    std::vector<const ShardLine*> failed;
    for (const ShardLine& line : lines) {
        try {
            index.shards.push_back(line.open());
            index.all.add_database(index.shards.back());
            std::string version =
                index.shards.back().get_metadata(std::string(schema::kVersionKey));
            if (version != schema::kVersion)
                index.stale.push_back({line.label, std::move(version)});
            schema::learn_record_dictionaries(index.shards.back());
        } catch (const Xapian::DatabaseOpeningError& e) {
            if (single)
                throw IndexMissing(fmt::format(
                    "{} is not a graf index ({}): build one with `graf index --db {} CORPUS`",
                    db.string(), e.get_msg(), db.string()));
            index.missing.push_back({line.label, e.get_msg()});
            failed.push_back(&line);
        } catch (const Xapian::NetworkError& e) {
            index.missing.push_back({line.label, e.get_msg()});
            failed.push_back(&line);
        }
    }
    if (may_retry && !failed.empty() && !failed.front()->remote && layout_changed(db, lines)) {
        retry = true;
        return index;
    }
    if (!failed.empty() && (!allow_partial || index.shards.empty())) {
        const ShardLine& first = *failed.front();
        const std::string message =
            fmt::format("shard {} of {} cannot be opened ({}){}: {}", first.label, db.string(),
                        index.missing.front().reason,
                        index.shards.empty() && allow_partial ? " and no other shard answered" : "",
                        what_to_do(first, db));
        if (first.remote) throw ShardUnreachable(message);
        throw IndexMissing(message);
    }
    if (index.all.get_doccount() == 0 && index.missing.empty())
        throw IndexMissing(
            fmt::format("the index at {} is empty: add articles with `graf index --db {} CORPUS`",
                        db.string(), db.string()));
    return index;
}

}  // namespace

void set_connect_timeout_ms(unsigned ms) {
    connect_timeout_ms = ms;
}

OpenIndex open_index(const fs::path& db, bool allow_partial) {
    const schema::RetryBudget budget;  // one deadline for every wait below
    for (;;) {
        bool retry = false;
        OpenIndex index = open_once(db, allow_partial, budget.left(), retry);
        if (!retry) return index;
        budget.wait();
    }
}

// Xapian 1.4 has no "is remote" call; a remote database cannot say whether
// it is locked for writing (UnimplementedError). A local one can, or fails
// trying where its folder is read-only (DatabaseLockError): still local.
bool is_remote(const Xapian::Database& shard) {
    try {
        (void)shard.locked();
    } catch (const Xapian::UnimplementedError&) {
        return true;
    } catch (const Xapian::DatabaseLockError&) {
    }
    return false;
}

void learn_record_dictionaries(const OpenIndex& index) {
    for (const Xapian::Database& shard : index.shards) schema::learn_record_dictionaries(shard);
}

}  // namespace graf::searcher
