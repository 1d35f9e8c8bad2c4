// tests/core/test_simulate.cpp: the simulators plant what they say, balanced, reproducibly, and their
// tables read back through the ordinary parser.
#include <doctest/doctest.h>

#include "core/data/sequences.hpp"
#include "core/data/simulate.hpp"

using namespace helix::data;

TEST_CASE("simulate_motif_order: both motifs once each, label 1 exactly when A comes first")
{
    MotifOrderOptions o;
    o.count = 300;
    auto set = simulate_motif_order(o);
    REQUIRE(set.size() == 300);
    std::size_t positives = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        const std::string& s = set.sequences[i];
        CHECK(s.size() == o.length);
        const auto a = s.find(o.motif_a), b = s.find(o.motif_b);
        REQUIRE(a != std::string::npos);
        REQUIRE(b != std::string::npos);
        CHECK(s.find(o.motif_a, a + 1) == std::string::npos);
        CHECK(s.find(o.motif_b, b + 1) == std::string::npos);
        CHECK((a < b) == (set.labels[i] > 0.5f));
        CHECK((a < b ? b - a - o.motif_a.size() : a - b - o.motif_b.size()) >= o.min_gap);
        positives += set.labels[i] > 0.5f;
    }
    CHECK(positives == 150);
    CHECK(simulate_motif_order(o).sequences == set.sequences);
    o.seed = 2;
    CHECK(simulate_motif_order(o).sequences != set.sequences);
}

TEST_CASE("simulate_planted_motif: only positives carry the motif")
{
    PlantedMotifOptions o;
    o.count = 200;
    auto set = simulate_planted_motif(o);
    for (std::size_t i = 0; i < set.size(); ++i)
        CHECK((set.sequences[i].find(o.motif) != std::string::npos) == (set.labels[i] > 0.5f));
}

TEST_CASE("simulate_planted_motif: motif_fraction sets the share of carriers; 1 gives only carriers")
{
    PlantedMotifOptions o;
    o.count = 100;
    o.motif_fraction = 0.25;
    auto set = simulate_planted_motif(o);
    std::size_t carriers = 0;
    for (float y : set.labels) carriers += y > 0.5f;
    CHECK(carriers == 25);
    o.motif_fraction = 1.0;
    for (const auto& s : simulate_planted_motif(o).sequences) CHECK(s.find(o.motif) != std::string::npos);
    o.motif_fraction = 0.5;
    auto half = simulate_planted_motif(o);
    CHECK(half.labels[0] == 1.0f);
    CHECK(half.labels[1] == 0.0f);
}

TEST_CASE("to_fasta: a simulated set reads back as FASTA with its ids and sequences")
{
    PlantedMotifOptions o;
    o.count = 20;
    auto set = simulate_planted_motif(o);
    TableOptions unlabelled;
    unlabelled.require_labels = false;
    auto parsed = parse_sequences(to_fasta(set), unlabelled);
    REQUIRE(parsed.ok());
    CHECK(parsed.value.sequences == set.sequences);
    CHECK(parsed.value.ids == set.ids);
}

TEST_CASE("to_table: a simulated set reads back unchanged")
{
    PlantedMotifOptions o;
    o.count = 20;
    auto set = simulate_planted_motif(o);
    auto parsed = parse_sequences(to_table(set));
    REQUIRE(parsed.ok());
    CHECK(parsed.value.sequences == set.sequences);
    CHECK(parsed.value.labels == set.labels);
    CHECK(parsed.value.ids == set.ids);
}
