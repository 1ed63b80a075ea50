#pragma once
// Paragraph records compressed with a dictionary of the index's own
// (schema 11). A record is a few hundred bytes, too small for a compressor
// to find much on its own; a zstd dictionary trained on the index's first
// records holds what they share (the source, the id's head, dates, common
// words and phrases), so each record alone compresses to about half:
// Reuters, records 26.4 -> 12.8 MB. The dictionary is trained from the
// articles `graf index` holds back anyway to measure the mean article
// length (indexer/writer_set.cpp), stored in the index's metadata under its
// id, and never removed. Each compressed record names its dictionary, so
// shards and indexes built apart, each with its own, stay readable side by
// side and after `graf compact` merges them (the keys differ, both kept).
#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/schema.hpp"

namespace graf::schema {

/// Metadata: + a dictionary's id (8 hex digits) -> the zstd dictionary.
inline constexpr std::string_view kRecordDictKeyPrefix = "graf:record-dict:";
/// Metadata: the id of the dictionary a later run compresses new records
/// with (any one of them after a merge: every dictionary is kept).
inline constexpr std::string_view kRecordDictCurrentKey = "graf:record-dict";

/// A stored record starts with this byte when it is not plain text: then 4
/// bytes of dictionary id (big-endian; 0 = stored as it is) and a zstd frame.
/// A plain record starts with its article id, which never starts so
/// (a record that would is stored with id 0).
inline constexpr char kPackedRecordMarker = '\0';

/// Trains, holds and applies one dictionary; shared by the writer threads
/// (compress is thread-safe).
class RecordCompressor {
  public:
    /// Trains a dictionary on these records (the first ones of an index).
    /// Nothing when they are too few to be worth one (kMinTrainingBytes).
    static std::optional<RecordCompressor> train(const std::vector<std::string>& records);
    /// A dictionary read back from an index's metadata.
    explicit RecordCompressor(std::string dictionary);

    const std::string& id() const;          ///< 8 hex digits
    const std::string& dictionary() const;  ///< the bytes kept in metadata
    /// The stored form of a record (see kPackedRecordMarker).
    std::string compress(std::string_view record) const;

    /// Below this much sample text no dictionary is trained: a small index
    /// gains little, and the next run with more articles may train one.
    static constexpr std::size_t kMinTrainingBytes = 32 * 1024;

  private:
    struct Impl;
    std::shared_ptr<const Impl> impl_;
};

/// A record as stored without a dictionary: itself, unless it starts with
/// kPackedRecordMarker (then wrapped with id 0).
std::string plain_stored_record(std::string record);

/// Makes the dictionaries of a database known to read_record (every
/// `graf:record-dict:` key; a dictionary already known is not read again).
/// searcher::open_index calls it for each shard, because metadata of a
/// combined Database comes from its first shard only.
void learn_record_dictionaries(const Xapian::Database& db);
/// The key of a dictionary's metadata entry.
std::string record_dictionary_key(std::string_view id);

/// The plain record of a kRecordSlot value. A packed record whose
/// dictionary was never learnt throws Xapian::DatabaseCorruptError.
std::string expand_record(std::string_view stored);
/// A document's record, decoded: the slot (expanded), or for schema 4 and
/// older the document data.
ParagraphData read_record(const Xapian::Document& doc);

}  // namespace graf::schema
