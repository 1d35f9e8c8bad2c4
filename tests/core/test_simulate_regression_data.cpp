// tests/core/test_simulate_regression_data.cpp: the simulators of issue 20's presets (transformer-spacing,
// regression-activity, bpnet-profile): sites where the records say, labels and targets by the documented
// rules, noise ceilings in range, reproducible by seed, and each written table read back by parse_table.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "core/data/simulate.hpp"
#include "core/data/simulate_activity.hpp"
#include "core/data/simulate_profile.hpp"
#include "core/data/simulate_spacing.hpp"
#include "core/data/table.hpp"
#include "core/motifs/pfm_sites.hpp"
#include "core/motifs/shipped_motifs.hpp"

using namespace helix::data;
using namespace helix::motifs;

namespace test_simulate_regression_data {

double pearson(const std::vector<double>& x, const std::vector<double>& y)
{
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

TEST_CASE("simulate_spacing: both sites in every record, label = distance in the band, seeded")
{
    SpacingOptions o;
    o.count = 400;
    std::vector<SpacingSites> sites;
    const SequenceSet set = simulate_spacing(o, sites);
    REQUIRE(set.size() == 400);
    REQUIRE(sites.size() == 400);
    const SiteModel gata1(gata1_pfm(), o.gc), tal1(tal1_pfm(), o.gc);
    std::size_t positives = 0, near = 0, far = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const std::string& s = set.sequences[i];
        CHECK(s.size() == o.length);
        CHECK(gata1.best(s.substr(sites[i].gata1, gata1.width())) >= gata1.floor());
        CHECK(tal1.best(s.substr(sites[i].tal1, tal1.width())) >= tal1.floor());
        const std::size_t d =
            sites[i].gata1 > sites[i].tal1 ? sites[i].gata1 - sites[i].tal1 : sites[i].tal1 - sites[i].gata1;
        CHECK(d >= o.min_distance);
        if (set.labels[i] == 1.0f) {
            ++positives;
            CHECK((d >= o.band_min && d <= o.band_max));
        } else {
            CHECK((d + o.margin <= o.band_min || d >= o.band_max + o.margin));
            (d < o.band_min ? near : far) += 1;
        }
    }
    CHECK(positives == 200);
    CHECK(near > 70);  // negatives come from both sides of the band, half each (Binomial(200, 1/2))
    CHECK(far > 70);
    CHECK(to_table(simulate_spacing(o)) == to_table(set));
    o.seed = 9;
    CHECK(to_table(simulate_spacing(o)) != to_table(set));
}

TEST_CASE(
    "simulate_spacing: one_site_fraction leaves that share of the negatives with one site, positives with "
    "both; 0 gives the records of before")
{
    SpacingOptions o;
    o.count = 600;
    o.one_site_fraction = 0.5;
    std::vector<SpacingSites> sites;
    const SequenceSet set = simulate_spacing(o, sites);
    const SiteModel gata1(gata1_pfm(), o.gc), tal1(tal1_pfm(), o.gc);
    std::size_t one_site = 0, no_gata = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const std::string& s = set.sequences[i];
        const bool has_g = gata1.best(s.substr(sites[i].gata1, gata1.width())) >= gata1.floor();
        const bool has_t = tal1.best(s.substr(sites[i].tal1, tal1.width())) >= tal1.floor();
        CHECK((has_g || has_t));
        if (set.labels[i] == 1.0f) CHECK((has_g && has_t));
        if (!(has_g && has_t)) ++one_site, no_gata += !has_g;
    }
    CHECK(one_site > 120);  // Binomial(300, 1/2) negatives
    CHECK(one_site < 180);
    CHECK(no_gata > 40);  // either site is the one left out, half each
    CHECK(no_gata < one_site - 40);
    o.one_site_fraction = 0.0;
    SpacingOptions before;
    before.count = 600;
    CHECK(to_table(simulate_spacing(o)) == to_table(simulate_spacing(before)));
}

TEST_CASE("simulate_spacing: a length too short for a far negative is refused by spacing_min_length")
{
    SpacingOptions o;
    CHECK(spacing_min_length(o) < 200);  // the preset's range 200-500 always fits the default band
    o.band_min = 150;
    o.band_max = 250;
    CHECK(spacing_min_length(o) > 300);
}

TEST_CASE("simulate_activity: targets follow the motif rules, replicates agree to the noise ceiling")
{
    ActivityOptions o;
    o.count = 3000;
    const auto rows = simulate_activity(o);
    REQUIRE(rows.size() == 3000);
    std::vector<double> dev, dev2, hk, hk2, dev_true, n_gata;
    for (const auto& r : rows) {
        CHECK(r.sequence.size() == o.length);
        CHECK(r.dev_true >= 0.9 * r.n_gata1 + 0.4 * r.n_tal1 - 1e-9);
        CHECK(r.dev_true <= 0.9 * r.n_gata1 + 0.4 * r.n_tal1 + 1.2 + 1e-9);
        dev.push_back(r.dev), dev2.push_back(r.dev_rep2), hk.push_back(r.hk), hk2.push_back(r.hk_rep2);
        dev_true.push_back(r.dev_true), n_gata.push_back(r.n_gata1);
    }
    // noise sd 0.5 against a true-activity sd of about 1.2: replicate r near 0.85-0.9
    const double r_dev = pearson(dev, dev2), r_hk = pearson(hk, hk2);
    CHECK(r_dev > 0.8);
    CHECK(r_dev < 0.95);
    CHECK(r_hk > 0.8);
    CHECK(r_hk < 0.95);
    CHECK(pearson(dev_true, dev) > r_dev);  // the truth beats a second replicate
    CHECK(pearson(n_gata, dev) > 0.5);

    // The table reads back with two targets, values to the 4 printed decimals.
    TableOptions t;
    t.require_labels = false;
    t.tasks = {{"dev", 2, true}, {"hk", 2, true}};
    const auto parsed = parse_table(to_table(rows), t);
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value.task_labels.size() == 2 * rows.size());
    CHECK(parsed.value.task_columns == std::vector<std::string>{"dev", "hk"});
    for (std::size_t i = 0; i < rows.size(); i += 97) {
        CHECK(parsed.value.task_labels[2 * i] == doctest::Approx(rows[i].dev).epsilon(1e-3));
        CHECK(parsed.value.task_labels[2 * i + 1] == doctest::Approx(rows[i].hk).epsilon(1e-3));
    }
}

TEST_CASE("simulate_profile: footprints inside the window, counts around the expected profile")
{
    ProfileOptions o;
    o.count = 300;
    const auto rows = simulate_profile(o);
    REQUIRE(rows.size() == 300);
    std::size_t with_signal = 0;
    std::vector<double> oracle;
    for (const auto& r : rows) {
        CHECK(r.sequence.size() == o.input_length);
        REQUIRE(r.expected.size() == 2 * o.output_length);
        REQUIRE(r.counts.size() == 2 * o.output_length);
        double expected_total = 0;
        for (float e : r.expected) {
            CHECK(e >= o.background - 1e-6);
            expected_total += e;
        }
        const double bg_total = 2 * o.output_length * o.background;
        if (!r.signal()) {
            CHECK(expected_total == doctest::Approx(bg_total).epsilon(1e-4));
            continue;
        }
        ++with_signal;
        // every site's reads land inside the window (its peaks are placed 2 widths from the edges)
        const double per_site_min = std::min(o.gata1.strength, o.tal1.strength);
        CHECK(expected_total >= bg_total + per_site_min * 0.99);
        // + strand reads sit 5' of the - strand's: the centre of mass of + is left of that of -
        double cp = 0, cm = 0, wp = 0, wm = 0;
        for (std::size_t p = 0; p < o.output_length; ++p) {
            cp += p * (r.expected[2 * p] - o.background), wp += r.expected[2 * p] - o.background;
            cm += p * (r.expected[2 * p + 1] - o.background), wm += r.expected[2 * p + 1] - o.background;
        }
        CHECK(cp / wp < cm / wm);
        std::vector<double> e(r.expected.begin(), r.expected.end()), c(r.counts.begin(), r.counts.end());
        oracle.push_back(pearson(e, c));
    }
    CHECK(with_signal > 200);  // signal_fraction 0.8 of 300
    std::sort(oracle.begin(), oracle.end());
    CHECK(oracle[oracle.size() / 2] > 0.8);  // room above the preset's 0.6 floor

    // Read back as a profile table: two lists of 200 counts per row, equal to the draws.
    TableOptions t;
    t.require_labels = false;
    t.profile_columns = {"counts_plus", "counts_minus"};
    t.profile_length = o.output_length;
    const auto parsed = parse_table(to_table(rows), t);
    REQUIRE(parsed.ok());
    REQUIRE(parsed.value.profiles.size() == rows.size() * 2 * o.output_length);
    for (std::size_t i = 0; i < rows.size(); i += 31)
        for (std::size_t p = 0; p < o.output_length; ++p) {
            CHECK(parsed.value.profiles[(2 * i) * o.output_length + p] == rows[i].counts[2 * p]);
            CHECK(parsed.value.profiles[(2 * i + 1) * o.output_length + p] == rows[i].counts[2 * p + 1]);
        }
}

TEST_CASE("parse_table: regression targets and profile lists name the line, column and row of a mistake")
{
    TableOptions t;
    t.require_labels = false;
    t.tasks = {{"dev", 2, true}};
    auto bad = parse_table(
        "id\tsequence\tdev\nr1\tACGT\t1.5\nr2\tACGT\tnan\nr3\tACGT\tinf\nr4\tACGT\t\n"
        "r5\tACGT\t1e39\n",
        t);
    REQUIRE(bad.errors.size() == 3);
    CHECK(bad.errors[0].message ==
          "line 3, column 9: 'nan' in column 'dev' is not a number (a regression "
          "target: a number, or an empty cell for a missing one)");
    CHECK(bad.errors[0].field == "dev");
    CHECK(bad.errors[1].line == 4);
    CHECK(bad.errors[2].message.find("too large") != std::string::npos);
    CHECK(bad.value.task_labels[0] == 1.5f);
    CHECK(std::isnan(bad.value.task_labels[3]));  // an empty cell: a missing target, left out of the loss
    t.tasks = {{"dev", 2, true}, {"hk", 2, true}};
    t.require_labels = true;  // training: every target column must be there
    auto missing = parse_table("sequence\tdev\nACGT\t1\n", t);
    REQUIRE(!missing.ok());
    CHECK(missing.errors[0].message.find("no 'hk' column") != std::string::npos);
    CHECK(missing.errors[0].message.find("numbers (a regression target)") != std::string::npos);

    TableOptions p;
    p.require_labels = false;
    p.profile_columns = {"counts"};
    p.profile_length = 4;
    auto good = parse_table("id\tsequence\tcounts\na\tACGT\t0, 1,2 ,3\n", p);
    REQUIRE(good.ok());
    CHECK(good.value.profiles == std::vector<float>{0, 1, 2, 3});
    auto short_row = parse_table("id\tsequence\tcounts\na\tACGT\t0,1,2,3\nchr1:100\tACGT\t0,1,2\n", p);
    REQUIRE(short_row.errors.size() == 1);
    CHECK(short_row.errors[0].message ==
          "line 3, column 15: 'counts' of row 'chr1:100' has 3 values; the output window is 4");
    auto negative = parse_table("id\tsequence\tcounts\na\tACGT\t0,-1,2,x\n", p);
    REQUIRE(negative.errors.size() == 1);  // one message per cell
    CHECK(negative.errors[0].message ==
          "line 2, column 10: '-1' in 'counts' of row 'a' is not a count (a number >= 0)");
    CHECK(negative.value.profiles.size() == 4);
    auto empty = parse_table("id\tsequence\tcounts\na\tACGT\t\n", p);
    REQUIRE(empty.errors.size() == 1);
    CHECK(empty.errors[0].message.find("is empty") != std::string::npos);
    p.profile_length = 0;  // taken from the first row
    auto first = parse_table("id\tsequence\tcounts\na\tACGT\t1,2\nb\tACGT\t1,2,3\n", p);
    REQUIRE(first.errors.size() == 1);
    CHECK(first.value.profile_length == 2);
    CHECK(first.errors[0].message.find("has 3 values; the output window is 2") != std::string::npos);
}

}  // namespace test_simulate_regression_data
