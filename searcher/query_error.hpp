#pragma once
#include <stdexcept>

namespace graf::searcher {

/// A query that cannot be run; the message says what is wrong, for the user.
class QueryError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace graf::searcher
