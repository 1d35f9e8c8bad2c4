// tests/core/test_filter_motifs.cpp: first-layer filters read back as motifs. A filter set by hand to a known
// PWM recovers that motif from sequences it was planted in; the first conv1d reading the DNA is found in
// sequential and graph models; a model trained on real GATA3 ChIP-seq peaks has a filter whose best JASPAR
// CORE match is a GATA factor.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "core/api/model_session.hpp"
#include "core/motifs/filter_motifs.hpp"
#include "core/motifs/motifs_api.hpp"
#include "core/rng.hpp"
#include "repo_file.hpp"

using namespace helix;
using motifs::Column;
using nlohmann::json;

namespace {

int base(char c)
{
    return std::string("ACGT").find(c);
}

// Filter f of w (K, 4, F) set to the log-odds log2(p / 0.25) of `site` with 0.85 on its bases (a PWM).
void set_pwm(Tensor& w, std::size_t f, const std::string& site)
{
    for (std::size_t k = 0; k < site.size(); ++k)
        for (int c = 0; c < 4; ++c) w(k, c, f) = std::log2((c == base(site[k]) ? 0.85f : 0.05f) / 0.25f);
}

}  // namespace

TEST_CASE("filter_motifs: a filter set to the TGATAA PWM recovers TGATAA from planted sequences")
{
    const std::size_t K = 6, F = 3;
    Tensor w = xt::zeros<float>({K, std::size_t(4), F});
    Tensor b = xt::zeros<float>({F});
    set_pwm(w, 0, "TGATAA");
    set_pwm(w, 1, "CACGTG");
    b(2) = -1.0f;  // filter 2 never fires: all-zero weights and a negative bias
    auto seqs = motifs::random_sequences(400, 40, /*seed=*/3);
    Rng rng(5);
    for (std::size_t i = 0; i < seqs.size(); i += 2) seqs[i].replace(rng.below(40 - K + 1), K, "TGATAA");
    seqs.push_back("NNNNNNNNNN");  // ambiguity codes are read as the model reads them (0.25 each)
    seqs.push_back("ACG");         // shorter than the kernel: no window
    motifs::DnaConv conv{"conv1", &w, &b};
    const auto motifs = motifs::filter_motifs(conv, seqs, /*threshold=*/0.5);
    REQUIRE(motifs.size() == F);
    CHECK(motifs[0].name == "conv1/0");
    CHECK(motifs[0].consensus == "TGATAA");
    CHECK(motifs::consensus(motifs[0].reverse_complement) == "TTATCA");
    CHECK(motifs[0].sites >= 200);     // every planted site, plus chance near-matches
    CHECK(motifs[0].pfm[1][2] > 0.9);  // G at position 2
    CHECK(motifs[0].information_content > 8.0);
    double ic = 0;
    for (double v : motifs[0].ic) ic += v;
    CHECK(ic == doctest::Approx(motifs[0].information_content));
    CHECK(motifs[1].consensus == "CACGTG");  // from chance occurrences in random sequence: fewer sites
    CHECK(motifs[1].sites < motifs[0].sites);
    CHECK(motifs[2].sites == 0);
    CHECK(motifs[2].information_content == doctest::Approx(0.0));
    for (const Column& c : motifs[2].pfm) CHECK(c[0] == doctest::Approx(0.25));

    // A higher threshold keeps fewer, closer matches.
    const auto strict = motifs::filter_motifs(conv, seqs, /*threshold=*/0.9);
    CHECK(strict[0].sites < motifs[0].sites);
    CHECK(strict[0].information_content > motifs[0].information_content);
}

TEST_CASE("information_content, reverse_complement and random_sequences")
{
    CHECK(motifs::information_content({1, 0, 0, 0}) == doctest::Approx(2.0));
    CHECK(motifs::information_content({0.25, 0.25, 0.25, 0.25}) == doctest::Approx(0.0));
    CHECK(motifs::information_content({0.5, 0.5, 0, 0}) == doctest::Approx(1.0));
    const std::vector<Column> m{{0.7, 0.1, 0.1, 0.1}, {0.1, 0.6, 0.2, 0.1}};
    const auto rc = motifs::reverse_complement(m);
    CHECK(rc[0] == Column{0.1, 0.2, 0.6, 0.1});
    CHECK(rc[1] == Column{0.1, 0.1, 0.1, 0.7});
    const auto a = motifs::random_sequences(50, 30, 7), b = motifs::random_sequences(50, 30, 7);
    CHECK(a == b);
    CHECK(a != motifs::random_sequences(50, 30, 8));
    CHECK(a[0].size() == 30);
}

TEST_CASE("find_dna_conv: the first conv1d reading the DNA input, or why there is none")
{
    std::string why;
    api::ModelSession multimodal(R"({"inputs": [{"name": "x", "type": "features", "columns": ["a"]},
        {"name": "dna", "type": "dna"}],
      "layers": [{"type": "dense", "name": "d0", "inputs": "x", "units": 2},
                 {"type": "conv1d", "name": "c1", "inputs": "dna", "filters": 4, "kernel_size": 5},
                 {"type": "conv1d", "name": "c2", "filters": 2, "kernel_size": 3},
                 {"type": "global_max_pool", "name": "p"}, {"type": "concatenate", "name": "m", "inputs": ["p", "d0"]},
                 {"type": "dense", "name": "out", "units": 1}],
      "heads": [{"name": "label", "layer": "out"}]})",
                                 "spec");
    REQUIRE(multimodal.ok());
    auto conv = motifs::find_dna_conv(*multimodal.model(), why);
    CHECK(conv.layer == "c1");
    REQUIRE(conv.weight);
    CHECK(conv.weight->shape(2) == 4);

    api::ModelSession mlp(
        R"({"input": {"length": 10}, "layers": [{"type": "flatten"}, {"type": "dense", "units": 1}]})",
        "spec");
    REQUIRE(mlp.ok());
    CHECK(motifs::find_dna_conv(*mlp.model(), why).layer.empty());
    CHECK(why ==
          "no conv1d layer reads the DNA input 'dna' directly, so there are no first-layer filters to read "
          "as motifs");

    api::ModelSession features(R"({"inputs": [{"name": "x", "type": "features", "columns": ["a", "b"]}],
      "layers": [{"type": "dense", "name": "out", "units": 1}], "heads": [{"name": "label", "layer": "out"}]})",
                               "spec");
    REQUIRE(features.ok());
    CHECK(motifs::find_dna_conv(*features.model(), why).layer.empty());
    CHECK(why == "the model has no DNA input, so it has no filters to read as motifs");
}

TEST_CASE("motifs_session_json: options, database and model errors name their field, line and column")
{
    const std::string jaspar =
        ">MA1.1 X\nA [ 1 0 0 0 0 ]\nC [ 0 1 0 0 0 ]\nG [ 0 0 1 0 0 ]\nT [ 0 0 0 1 1 ]\n";
    api::ModelSession m(
        R"({"input": {"length": 30}, "layers": [{"type": "conv1d", "name": "conv1", "filters": 4,
        "kernel_size": 6, "activation": "relu"}, {"type": "global_max_pool"}, {"type": "dense", "units": 1}]})",
        "spec");
    REQUIRE(m.ok());
    auto run = [&](const json& options) {
        return json::parse(motifs::motifs_session_json(m, options.dump()));
    };

    json r = run({{"db", jaspar}, {"top", 1}});
    REQUIRE(r["errors"].empty());
    CHECK(r["layer"] == "conv1");
    CHECK(r["sequencesUsed"] == 2000);
    CHECK(r["threshold"] == 0.5);
    CHECK(r["database"] == json{{"name", "motifs"}, {"motifs", 1}});
    REQUIRE(r["filters"].size() == 4);
    const json& f = r["filters"][0];
    CHECK(f["name"] == "conv1/0");
    CHECK(f["pfm"].size() == 6);
    CHECK(f["reverseComplement"].size() == 6);
    CHECK(f["ic"].size() == 6);
    CHECK(f["consensus"].get<std::string>().size() == 6);
    CHECK(f["sites"].get<int>() > 0);
    REQUIRE(f["matches"].size() == 1);
    CHECK(f["matches"][0]["id"] == "MA1.1");
    CHECK((f["matches"][0]["strand"] == "+" || f["matches"][0]["strand"] == "-"));

    r = run({{"db", jaspar},
             {"sequences", ">a\nACGTACGTACGTAC\n>b\nTTTTGGGGCCCCAAAATTTTGGGGCCCCAAAA\n"},
             {"dbName", "mine"}});
    REQUIRE_MESSAGE(r["errors"].empty(), r.dump());
    CHECK(r["sequencesUsed"] == 2);
    CHECK(r["database"]["name"] == "mine");

    r = run({{"db", jaspar}, {"sequences", ">a\nACGTJ\n"}});
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["line"] == 2);
    CHECK(r["errors"][0]["column"] == 5);

    r = run({{"db", ">MA1.1 X\nA [ 1 0 ]\nC [ 0 1 ]\nG [ 0 x ]\nT [ 0 0 ]\n"}});
    REQUIRE(!r["errors"].empty());
    CHECK(r["errors"][0]["field"] == "db");
    CHECK(r["errors"][0]["line"] == 4);
    CHECK(r["errors"][0]["column"] == 7);
    r = run({{"db", "MOTIF a\nletter-probability matrix: alength= 4 w= 1\n0.5 0.5 0\n"}});
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["line"] == 3);

    r = run({{"db", jaspar}, {"threshold", 1.5}, {"method", "tomtom"}, {"top", 0}, {"colour", 1}});
    CHECK(r["errors"].size() == 4);
    r = run(json::object());
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "db");
    CHECK(json::parse(motifs::motifs_session_json(m, "{oops"))["errors"][0]["field"] == "options");

    api::ModelSession mlp(
        R"({"input": {"length": 10}, "layers": [{"type": "flatten"}, {"type": "dense", "units": 1}]})",
        "spec");
    r = json::parse(motifs::motifs_session_json(mlp, json{{"db", jaspar}}.dump()));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "model");
}

// The issue's test: cnn-binding (web/engine/presets.js) trained on real GATA3 ChIP-seq peaks against shuffled
// controls learns a filter whose best match among the 746 JASPAR CORE vertebrate motifs is a GATA factor.
TEST_CASE("cnn-binding trained on GATA3 ChIP-seq has a filter whose best JASPAR CORE match is a GATA motif")
{
    const std::string spec = R"({"name": "cnn-binding", "input": {"name": "dna", "length": null},
      "layers": [{"type": "conv1d", "name": "conv1", "filters": 32, "kernel_size": 12, "padding": "valid", "activation": "relu"},
                 {"type": "global_max_pool", "name": "pool"}, {"type": "dense", "name": "fc1", "units": 32, "activation": "relu"},
                 {"type": "dropout", "name": "drop", "rate": 0.2}, {"type": "dense", "name": "out", "units": 1}],
      "loss": "bce_with_logits", "optimizer": {"type": "adam", "learning_rate": 0.003},
      "training": {"epochs": 15, "batch_size": 64, "validation_fraction": 0.1, "test_fraction": 0.1, "patience": 4,
                   "monitor": "val_auroc", "seed": 1}})";
    api::ModelSession m(spec, "spec");
    REQUIRE(m.ok());
    // All 10000 rows, 5 of the preset's 15 epochs: enough for GATA filters, about 10 s natively.
    const std::string table = repo_file("web/data/gata-example.tsv");
    json started = json::parse(m.start_training(table, R"({"seed": 1, "epochs": 5})"));
    REQUIRE(started["errors"].empty());
    while (!m.training_finished()) m.train_step();
    const json summary = json::parse(m.training_summary());
    MESSAGE("test AUROC " << summary["test"]["auroc"]);

    const std::string db = repo_file("js/data/jaspar/JASPAR2020_CORE_vertebrates_non-redundant_pfms.jaspar");
    const json r = json::parse(motifs::motifs_session_json(m, json{{"db", db}, {"top", 3}}.dump()));
    REQUIRE(r["errors"].empty());
    const std::regex gata("GATA", std::regex::icase);
    int gata_filters = 0;
    for (const json& f : r["filters"]) {
        if (f["matches"].empty()) continue;
        const json& best = f["matches"][0];
        const bool is_gata = std::regex_search(best["name"].get<std::string>(), gata);
        gata_filters += is_gata;
        if (is_gata || best["z"].get<double>() > 4)
            MESSAGE(f["name"].get<std::string>()
                    << " " << f["consensus"].get<std::string>() << " sites " << f["sites"] << " -> "
                    << best["id"].get<std::string>() << " " << best["name"].get<std::string>() << " score "
                    << best["score"] << " strand " << best["strand"].get<std::string>() << " z "
                    << best["z"]);
    }
    MESSAGE(gata_filters << " filters' best match is a GATA motif");
    CHECK(gata_filters >= 1);
}
