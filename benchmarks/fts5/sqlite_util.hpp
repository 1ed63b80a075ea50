#pragma once
// The few SQLite calls both FTS5 indexes make, with errors as Fts5Error.
#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace graf::bench::fts5 {

/// Throws Fts5Error naming `what` unless rc is OK, DONE or ROW.
void check(sqlite3* db, int rc, const char* what);
void exec(sqlite3* db, const char* sql);
sqlite3_stmt* prepare(sqlite3* db, const char* sql);
/// Binds without copying: `s` must outlive the statement's next step.
void bind_text(sqlite3_stmt* stmt, int index, const std::string& s);
std::string column_text(sqlite3_stmt* stmt, int column);
/// A new, empty database file (an old one and its WAL files are removed).
sqlite3* create_database(const std::filesystem::path& path);
/// An existing database, read-only; Fts5Error naming how to build one.
sqlite3* open_read_only(const std::filesystem::path& path);

}  // namespace graf::bench::fts5
