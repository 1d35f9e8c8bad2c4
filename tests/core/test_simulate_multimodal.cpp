// tests/core/test_simulate_multimodal.cpp: bound = motif AND open chromatin; the table shows the motif
// only in the sequence and the chromatin only through a noisy accessibility value.
#include <doctest/doctest.h>

#include "core/data/simulate_multimodal.hpp"
#include "core/motifs/pfm_sites.hpp"
#include "core/motifs/shipped_motifs.hpp"

using namespace helix::data;
using namespace helix::motifs;

TEST_CASE("simulate_multimodal: label rates, the AND rule, noisy accessibility, determinism")
{
    MultimodalOptions o;
    o.count = 3000;
    const auto rows = simulate_multimodal(o);
    REQUIRE(rows.size() == 3000);
    const SiteModel gata1(gata1_pfm(), o.gc);
    std::size_t positives = 0, flipped = 0, motif = 0, open = 0, open_low = 0, closed_high = 0;
    for (const auto& r : rows) {
        CHECK(r.sequence.size() == 100);
        positives += r.label;
        flipped += r.label != (r.motif && r.open);
        motif += r.motif;
        open += r.open;
        open_low += r.open && r.accessibility < 0.5;  // the signal overlaps between the two states
        closed_high += !r.open && r.accessibility > 0.5;
        CHECK((gata1.best(r.sequence) >= gata1.floor()) == r.motif);
    }
    CHECK(positives / 3000.0 == doctest::Approx(0.6 * 0.6 * 0.97 + 0.64 * 0.03).epsilon(0.1));
    CHECK(flipped / 3000.0 == doctest::Approx(0.03).epsilon(0.35));
    CHECK(motif / 3000.0 == doctest::Approx(0.6).epsilon(0.05));
    CHECK(open / 3000.0 == doctest::Approx(0.6).epsilon(0.05));
    CHECK(open_low > 0.05 * open);  // P(N(1, 0.4) < 0.5) = 0.11
    CHECK(closed_high > 0.05 * (3000 - open));
    CHECK(to_table(simulate_multimodal(o)) == to_table(rows));
    o.seed = 3;
    CHECK(to_table(simulate_multimodal(o)) != to_table(rows));
}

TEST_CASE("multimodal table: header and values")
{
    MultimodalOptions o;
    o.count = 2;
    const auto rows = simulate_multimodal(o);
    const std::string t = to_table(rows);
    CHECK(t.rfind("id\tsequence\taccessibility\tconservation\tlabel\nsite1\t" + rows[0].sequence + "\t", 0) ==
          0);
}
