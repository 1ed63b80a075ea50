#include "benchmarks/fts5/sqlite_util.hpp"

#include <fmt/format.h>

#include "benchmarks/fts5/fts5_engine.hpp"

namespace graf::bench::fts5 {

void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw Fts5Error(fmt::format("sqlite: {}: {}", what, sqlite3_errmsg(db)));
}

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string m = message ? message : "unknown error";
        sqlite3_free(message);
        throw Fts5Error(fmt::format("sqlite: {}: {}", sql, m));
    }
}

sqlite3_stmt* prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    check(db, sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr), sql);
    return stmt;
}

void bind_text(sqlite3_stmt* stmt, int index, const std::string& s) {
    sqlite3_bind_text(stmt, index, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
}

std::string column_text(sqlite3_stmt* stmt, int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, column)))
             : std::string();
}

sqlite3* create_database(const std::filesystem::path& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
        std::string m = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw Fts5Error(fmt::format("cannot create {}: {}", path.string(), m));
    }
    return db;
}

sqlite3* open_read_only(const std::filesystem::path& path) {
    if (!std::filesystem::exists(path))
        throw Fts5Error(fmt::format("no FTS5 index at {}: build one with `graf-fts5-peer index`",
                                    path.string()));
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string m = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        throw Fts5Error(fmt::format("cannot open {}: {}", path.string(), m));
    }
    return db;
}

}  // namespace graf::bench::fts5
