#include "searcher/reading_error.hpp"

#include <fmt/format.h>
#include <xapian.h>

#include "searcher/query.hpp"

namespace graf::searcher {

Error reading_error() {
    try {
        throw;
    } catch (const Xapian::WildcardError&) {
        return QueryError(
            fmt::format("a wildcard matches more than {} words; make it longer", kWildcardLimit));
    } catch (const Xapian::NetworkError& e) {
        // A stub's `remote` shard went down (see README, Indexing).
        return Error(kNothing,
                     fmt::format("a remote shard cannot be reached: {}; start its xapian-tcpsrv "
                                 "or remove its line from the index's XAPIANDB stub",
                                 e.get_description()));
    } catch (const Xapian::UnimplementedError& e) {
        return Error(kNothing, fmt::format("{}: {}", kRemoteCannot, e.get_msg()));
    } catch (const Xapian::DatabaseModifiedError& e) {
        return Error(kNothing,
                     fmt::format("the index changed faster than it could be read ({}); run this "
                                 "again",
                                 e.get_description()));
    } catch (const Xapian::DatabaseError& e) {
        return Error(kNothing,
                     fmt::format("the index cannot be read ({}): `xapian-check` on its folder "
                                 "says more; `graf index` into a new folder rebuilds it",
                                 e.get_description()));
    } catch (const Xapian::Error& e) {
        return Error(kNothing, fmt::format("index error: {}", e.get_description()));
    }
}

}  // namespace graf::searcher
