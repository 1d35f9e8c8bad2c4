// tests/core/test_simulate_transfer.cpp: the pretraining set labels GATA1 presence; the fine-tuning set
// labels GATA1 AND TAL1, with GATA1-only negatives so that GATA1 alone does not decide it.
#include <doctest/doctest.h>

#include "core/data/simulate.hpp"
#include "core/data/simulate_transfer.hpp"
#include "core/motifs/pfm_sites.hpp"
#include "core/motifs/shipped_motifs.hpp"

using namespace helix::data;
using namespace helix::motifs;

TEST_CASE("simulate_transfer_pretrain: half carry GATA1, found by a log-odds scan")
{
    TransferOptions o;
    o.count = 1000;
    const auto set = simulate_transfer_pretrain(o);
    REQUIRE(set.size() == 1000);
    const SiteModel gata1(gata1_pfm(), o.gc);
    std::size_t positives = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const bool positive = set.labels[i] > 0.5f;
        positives += positive;
        CHECK((gata1.best(set.sequences[i]) >= gata1.floor()) == positive);
    }
    CHECK(positives / 1000.0 == doctest::Approx(0.5).epsilon(0.1));
    CHECK(to_table(simulate_transfer_pretrain(o)) == to_table(set));
}

TEST_CASE("simulate_transfer_finetune: label = GATA1 and TAL1; GATA1 alone in many negatives")
{
    TransferOptions o;
    o.count = 2000;
    o.seed = 5;
    const auto set = simulate_transfer_finetune(o);
    REQUIRE(set.size() == 2000);
    const SiteModel gata1(gata1_pfm(), o.gc), tal1(tal1_pfm(), o.gc);
    std::size_t positives = 0, gata1_neg = 0, tal1_neg = 0, label_is_scan = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const bool g = gata1.best(set.sequences[i]) >= gata1.floor();
        const bool t = tal1.best(set.sequences[i]) >= tal1.floor();
        const bool positive = set.labels[i] > 0.5f;
        if (positive) CHECK((g && t));
        positives += positive;
        gata1_neg += !positive && g;
        tal1_neg += !positive && t;
        label_is_scan += positive == (g && t);
    }
    CHECK(label_is_scan >= 1995);  // a stray site across the edge of a planted one is rare
    CHECK(positives / 2000.0 == doctest::Approx(0.5).epsilon(0.1));
    CHECK(tal1_neg / double(2000 - positives) == doctest::Approx(0.25).epsilon(0.3));
    CHECK(gata1_neg / double(2000 - positives) == doctest::Approx(0.5).epsilon(0.25));
    o.count = 200;
    CHECK(simulate_transfer_finetune(o).size() == 200);
}
