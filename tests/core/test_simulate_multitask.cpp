// tests/core/test_simulate_multitask.cpp: two overlapping tasks, sites where the labels say, about 15%
// of each task's cells empty, reproducible by seed.
#include <doctest/doctest.h>

#include <cmath>

#include "core/data/simulate_multitask.hpp"
#include "core/data/table.hpp"
#include "core/motifs/pfm_sites.hpp"
#include "core/motifs/shipped_motifs.hpp"

using namespace helix::data;
using namespace helix::motifs;

TEST_CASE("simulate_multitask: label rates, overlap, missing cells, determinism")
{
    MultitaskOptions o;
    o.count = 2000;
    const auto rows = simulate_multitask(o);
    REQUIRE(rows.size() == 2000);
    std::size_t gata1 = 0, tal1 = 0, both = 0, gata1_missing = 0, tal1_missing = 0;
    for (const auto& r : rows) {
        CHECK(r.sequence.size() == 200);
        gata1 += r.gata1;
        tal1 += r.tal1;
        both += r.gata1 && r.tal1;
        gata1_missing += r.gata1_missing;
        tal1_missing += r.tal1_missing;
    }
    // Binomial(2000, p): 3 standard deviations are about 0.033 for p = 0.4 and 0.024 for p = 0.15.
    CHECK(gata1 / 2000.0 == doctest::Approx(0.4).epsilon(0.09));
    CHECK(tal1 / 2000.0 == doctest::Approx(0.4).epsilon(0.09));
    CHECK(both / 2000.0 == doctest::Approx(0.16).epsilon(0.2));  // independent: 0.4 * 0.4
    CHECK(gata1_missing / 2000.0 == doctest::Approx(0.15).epsilon(0.16));
    CHECK(tal1_missing / 2000.0 == doctest::Approx(0.15).epsilon(0.16));
    CHECK(to_table(simulate_multitask(o)) == to_table(rows));
    o.seed = 7;
    CHECK(to_table(simulate_multitask(o)) != to_table(rows));
}

TEST_CASE("simulate_multitask: a log-odds scan finds a site exactly where one was planted")
{
    MultitaskOptions o;
    o.count = 600;
    const auto rows = simulate_multitask(o);
    const SiteModel gata1(gata1_pfm(), o.gc), tal1(tal1_pfm(), o.gc);
    std::size_t stray = 0;  // a site of one motif made by chance where the other was planted
    for (const auto& r : rows) {
        const bool g = gata1.best(r.sequence) >= gata1.floor(), t = tal1.best(r.sequence) >= tal1.floor();
        if (r.gata1) CHECK(g);
        if (r.tal1) CHECK(t);
        stray += (g && !r.gata1) + (t && !r.tal1);
        if (!r.gata1 && !r.tal1) CHECK_FALSE((g || t));  // the background is drawn free of both
    }
    CHECK(stray <= 6);  // only across the edges of a planted site: rare
}

TEST_CASE("multitask table: empty cells read back as missing labels")
{
    MultitaskOptions o;
    o.count = 200;
    const auto rows = simulate_multitask(o);
    const std::string t = to_table(rows);
    CHECK(t.rfind("id\tsequence\tgata1\ttal1\n", 0) == 0);
    TableOptions opt;
    opt.label_column = "tal1";
    opt.require_labels = false;
    auto parsed = parse_table(t, opt);
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value.size() == 200);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(parsed.value.sequences[i] == rows[i].sequence);
        if (rows[i].tal1_missing)
            CHECK(std::isnan(parsed.value.labels[i]));
        else
            CHECK(parsed.value.labels[i] == (rows[i].tal1 ? 1.0f : 0.0f));
    }
}
