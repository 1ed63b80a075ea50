#include "web/timeline.hpp"

#include <xapian.h>

#include <fmt/format.h>

#include <map>
#include <unordered_set>

#include "schema/schema.hpp"

namespace graf::web {

namespace {

struct DateCount {
    std::uint64_t paragraphs = 0;
    std::unordered_set<std::string> articles;
};

// Sees every matching paragraph (the match checks them all) and counts it
// under its date, with the distinct articles. An article has one date, so
// summing a period's dates counts each article once.
class DateSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        DateCount& c = by_date[doc.get_value(schema::kDateSlot)];
        ++c.paragraphs;
        c.articles.insert(doc.get_value(schema::kArticleSlot));
    }
    std::map<std::string, DateCount> by_date;  ///< "" = undated
};

struct DateTotals {
    std::uint64_t paragraphs = 0, articles = 0;
};

std::map<std::string, DateTotals> count_locally(const Xapian::Database& db,
                                                const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    DateSpy spy;
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    std::map<std::string, DateTotals> out;
    for (const auto& [date, count] : spy.by_date)
        out[date] = {count.paragraphs, count.articles.size()};
    return out;
}

// xapian-tcpsrv runs only Xapian's own match spies, so on remote shards:
// paragraphs per date from a ValueCountMatchSpy (which skips undated ones:
// the rest of its total), and articles per date from one match collapsed
// by article and sorted by date, whose every entry carries its date as the
// sort key. The spy sees every paragraph before collapsing.
std::map<std::string, DateTotals> count_remotely(const Xapian::Database& db,
                                                 const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_collapse_key(schema::kArticleSlot);
    enquire.set_sort_by_value(schema::kDateSlot, false);
    Xapian::ValueCountMatchSpy spy(schema::kDateSlot);
    enquire.add_matchspy(&spy);
    const Xapian::doccount all = db.get_doccount();
    Xapian::MSet articles = enquire.get_mset(0, all, all);
    std::map<std::string, DateTotals> out;
    std::uint64_t dated = 0;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
        out[*it].paragraphs = it.get_termfreq();
        dated += it.get_termfreq();
    }
    if (spy.get_total() > dated) out[""].paragraphs = spy.get_total() - dated;
    for (auto it = articles.begin(); it != articles.end(); ++it) ++out[it.get_sort_key()].articles;
    return out;
}

}  // namespace

Timeline timeline(const Xapian::Database& db, const Xapian::Query& query, Granularity by,
                  bool local) {
    Timeline t;
    t.by = by;
    const std::map<std::string, DateTotals> by_date =
        local ? count_locally(db, query) : count_remotely(db, query);
    for (const auto& [date, count] : by_date) {
        t.paragraphs += count.paragraphs;
        t.articles += count.articles;
        std::optional<Period> p = period_of(date, by);
        if (!p) {
            t.undated_paragraphs += count.paragraphs;
            t.undated_articles += count.articles;
            continue;
        }
        // Dates come in order, so periods do too; fill the gaps with zeros.
        while (!t.periods.empty() && t.periods.back().period.label != p->label) {
            if (t.periods.size() >= kMaxPeriods)
                throw TimelineTooLong(fmt::format(
                    "by={}: the matches span more than {} {}s; use a coarser by (week, month "
                    "or year) or a date range",
                    granularity_name(by), kMaxPeriods, granularity_name(by)));
            t.periods.push_back({next_period(t.periods.back().period, by), 0, 0});
        }
        if (t.periods.empty()) t.periods.push_back({*p, 0, 0});
        t.periods.back().paragraphs += count.paragraphs;
        t.periods.back().articles += count.articles;
    }
    return t;
}

nlohmann::json timeline_json(const Timeline& t, const std::string& query) {
    nlohmann::json periods = nlohmann::json::array();
    for (const PeriodCount& p : t.periods)
        periods.push_back({{"period", p.period.label},
                           {"since", p.period.since},
                           {"until", p.period.until},
                           {"articles", p.articles},
                           {"paragraphs", p.paragraphs}});
    return {{"query", query},
            {"by", granularity_name(t.by)},
            {"articles", t.articles},
            {"paragraphs", t.paragraphs},
            {"undated", {{"articles", t.undated_articles}, {"paragraphs", t.undated_paragraphs}}},
            {"periods", periods}};
}

}  // namespace graf::web
