// graf compact merging shards: metadata that several shards hold is united
// (stem variant lists) or taken once (everything else).
#include <doctest/doctest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "indexer/compactor.hpp"

namespace fs = std::filesystem;

TEST_CASE("compactor: merging shards unites their stem variant lists") {
    const fs::path dir = fs::temp_directory_path() / ("graf-compactor-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    struct Shard {
        const char* name;
        const char* variants;
        const char* lengths;  ///< article documents and their words (schema 10)
    };
    for (const Shard& s :
         {Shard{"shard-00", "price prices", "10 1500"}, Shard{"shard-01", "pricing price", "4 200"},
          Shard{"shard-02", "priced", "1 30"}}) {
        Xapian::WritableDatabase db((dir / s.name).string(), Xapian::DB_CREATE);
        Xapian::Document doc;
        doc.add_term(s.name);
        db.add_document(doc);
        db.set_metadata("graf:stem:price", s.variants);
        db.set_metadata("graf:article-lengths", s.lengths);
        db.set_metadata("graf:schema", "5");
        db.commit();
    }
    std::ofstream(dir / "XAPIANDB") << "auto shard-00\nauto shard-01\nauto shard-02\n";

    graf::indexer::compact_index(dir);
    Xapian::Database merged(dir.string());
    CHECK(merged.get_doccount() == 3);
    CHECK(merged.get_metadata("graf:stem:price") == "price prices pricing priced");
    CHECK(merged.get_metadata("graf:schema") == "5");
    // The mean article length every shard's articles were normalised by.
    CHECK(merged.get_metadata("graf:article-lengths") == "10 1500");
    fs::remove_all(dir);
}
