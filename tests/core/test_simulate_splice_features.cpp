// tests/core/test_simulate_splice_features.cpp: the intron-feature table follows its rule, flips the
// stated fraction of labels, and is the same for the same seed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include "core/data/simulate_splice_features.hpp"

using namespace helix::data;

TEST_CASE("simulate_splice_features: label = the band rule, with about 3% of labels flipped")
{
    SpliceFeatureOptions o;
    o.count = 4000;
    const auto rows = simulate_splice_features(o);
    REQUIRE(rows.size() == 4000);
    std::size_t spliced = 0, flipped = 0, in_band = 0, in_band_spliced = 0;
    for (const auto& r : rows) {
        const bool band = r.branch_point_distance >= 18 && r.branch_point_distance <= 40;
        CHECK(r.spliced == (band && r.log10_intron_length >= 2.2 - 1e-9 &&
                            r.donor_score + r.acceptor_score >= 1.2 - 1e-9));
        CHECK(r.branch_point_distance == static_cast<int>(r.branch_point_distance));
        CHECK(r.donor_score >= 0);
        CHECK(r.donor_score <= 1);
        spliced += r.spliced;
        flipped += r.label != r.spliced;
        in_band += band;
        in_band_spliced += band && r.spliced;
    }
    CHECK(flipped / 4000.0 == doctest::Approx(0.03).epsilon(0.3));  // 120 expected; 3 sd = 32
    CHECK(spliced / 4000.0 > 0.35);                                 // both classes well represented
    CHECK(spliced / 4000.0 < 0.6);
    CHECK(in_band_spliced == spliced);  // nothing outside the branch-point window is spliced
    CHECK(in_band < 3600);              // and a good share of rows falls outside it

    CHECK(to_table(simulate_splice_features(o)) == to_table(rows));
    o.seed = 2;
    CHECK(to_table(simulate_splice_features(o)) != to_table(rows));
}

TEST_CASE("splice-features table: header, and every value as the rule saw it")
{
    SpliceFeatureOptions o;
    o.count = 3;
    const auto rows = simulate_splice_features(o);
    const std::string t = to_table(rows);
    CHECK(t.rfind("id\tbranch_point_distance\tlog10_intron_length\tdonor_score\tacceptor_score\tgc_"
                  "content\tlabel\n",
                  0) == 0);
    CHECK(std::count(t.begin(), t.end(), '\n') == 4);
    char buf[32];
    std::snprintf(buf, sizeof buf, "\t%.3f\t", rows[0].log10_intron_length);
    CHECK(t.find(buf) != std::string::npos);
}
