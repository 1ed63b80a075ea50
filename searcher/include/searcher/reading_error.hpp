#pragma once
// What a Xapian error met while reading an index means for the user. The
// commands (app/errors.cpp) and the web API (web/api.cpp) both report
// Xapian's errors through this one translation.
#include "error/error.hpp"

namespace graf::searcher {

/// Xapian's remote protocol runs none of graf's own code (match spies,
/// posting sources): what a reader is told when a remote shard is asked.
inline constexpr const char* kRemoteCannot =
    "a remote shard cannot do this (Xapian's remote protocol)";

/// Call inside a catch block handling a Xapian::Error (Xapian's errors have
/// no virtual functions: only a rethrow tells their kind). Returns it as a
/// graf::Error: a wildcard matching too many words is a query
/// error (exit 1); a shard that went away, a remote shard asked what it
/// cannot do, an index that is corrupt, from another Xapian version or
/// unreadable are "no usable index" (exit 2), never exit 4 (which is for
/// writing: `index` and `compact` report their own errors as IndexError).
Error reading_error();

}  // namespace graf::searcher
