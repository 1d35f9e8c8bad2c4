// tests/core/test_multitask_session.cpp: multi-task (masked labels), multimodal (DNA + table columns),
// features-only and transfer learning, end to end through the API session (text in, JSON out).
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/api/model_session.hpp"
#include "core/rng.hpp"

using namespace helix;
using nlohmann::json;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_multitask_session {

std::string random_dna(std::size_t n, Rng& rng)
{
    static const char bases[] = "ACGT";
    std::string s(n, 'A');
    for (char& c : s) c = bases[rng.below(4)];
    return s;
}

void plant(std::string& s, const std::string& motif, Rng& rng)
{
    const std::size_t at = rng.below(s.size() - motif.size() + 1);
    s.replace(at, motif.size(), motif);
}

// Two tasks on 60 bp: a = carries GATAAG, b = carries CACGTG (independent, so labels overlap), with
// `missing` of each task's cells left empty. Also a column `open` (chromatin accessibility, 0..1) and a
// label `bound` = a AND open > 0.5, which neither the DNA nor the column alone predicts.
std::string make_table(std::size_t n, double missing, std::uint64_t seed)
{
    Rng rng(seed);
    std::string t = "id\tsequence\ta\tb\topen\tbound\n";
    for (std::size_t i = 0; i < n; ++i) {
        std::string s = random_dna(60, rng);
        const bool a = rng.uniform() < 0.5f, b = rng.uniform() < 0.5f;
        if (a) plant(s, "GATAAG", rng);
        if (b) plant(s, "CACGTG", rng);
        const float open = rng.uniform();
        auto cell = [&](bool y) {
            return rng.uniform() < missing ? std::string() : std::string(y ? "1" : "0");
        };
        t += "r" + std::to_string(i) + "\t" + s + "\t" + cell(a) + "\t" + cell(b) + "\t" +
             std::to_string(open) + "\t" + (a && open > 0.5f ? "1" : "0") + "\n";
    }
    return t;
}

json run_training(api::ModelSession& m, const std::string& table,
                  const std::string& options = R"({"seed": 1})")
{
    json started = json::parse(m.start_training(table, options));
    REQUIRE_MESSAGE(started["errors"].empty(), started.dump());
    while (!m.training_finished()) m.train_step();
    return json::parse(m.training_summary());
}

const char* kTwoHeads = R"({"name": "two-tasks",
  "inputs": [{"name": "dna", "type": "dna"}],
  "layers": [{"type": "conv1d", "name": "conv1", "filters": 8, "kernel_size": 6, "activation": "relu"},
             {"type": "global_max_pool", "name": "pool"},
             {"type": "dense", "name": "out_a", "units": 1},
             {"type": "dense", "name": "out_b", "inputs": "pool", "units": 1}],
  "heads": [{"name": "a", "layer": "out_a"}, {"name": "b", "layer": "out_b"}],
  "optimizer": {"type": "adam", "learning_rate": 0.01},
  "training": {"epochs": 12, "batch_size": 32, "patience": 4, "seed": 1}})";

TEST_CASE("multi-task: two heads learn two motifs from one table with missing labels (test AUROC > 0.9 each)")
{
    api::ModelSession m(kTwoHeads, "spec");
    REQUIRE(m.ok());
    json s = run_training(m, make_table(1200, 0.2, 5));
    INFO(s.dump());
    CHECK(s["test"]["heads"]["a"]["auroc"].get<double>() > 0.9);
    CHECK(s["test"]["heads"]["b"]["auroc"].get<double>() > 0.9);
    // Missing labels are left out of each head's scores: fewer than all test records carry both.
    CHECK(s["test"]["heads"]["a"]["n"].get<int>() < s["test"]["n"].get<int>());
    json p = json::parse(m.predict_json("ACGT" + std::string("GATAAG") + "TTTTTTTTTTTTTTTTTTTTTT\n"));
    REQUIRE(p["errors"].empty());
    CHECK(p["predictions"][0]["heads"]["a"]["probability"].get<double>() > 0.5);
    CHECK(p["predictions"][0]["heads"]["b"]["probability"].get<double>() < 0.5);
    json e = json::parse(m.evaluate_json(make_table(300, 0.0, 99), ""));
    CHECK(e["heads"]["a"]["auroc"].get<double>() > 0.9);
    CHECK(e["heads"]["b"]["n"] == 300);
}

TEST_CASE("multi-task: a missing label column, or a label that is not 0/1, names line and column")
{
    api::ModelSession m(kTwoHeads, "spec");
    json r = json::parse(m.start_training("sequence\ta\nACGTACGTAC\t1\n", "{}"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["message"].get<std::string>().find("no 'b' column") != std::string::npos);
    r = json::parse(m.start_training("sequence\ta\tb\nACGTACGTAC\t1\tyes\n", "{}"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["message"] ==
          "line 2, column 14: 'yes' in column 'b' is not a label (allowed: 0 or 1, or an "
          "empty cell for a missing label)");
}

TEST_CASE("multimodal: DNA + a table column beats either alone")
{
    const std::string data = make_table(1500, 0.0, 7);
    const std::string both = R"({"name": "mm",
      "inputs": [{"name": "dna", "type": "dna"}, {"name": "chromatin", "type": "features", "columns": ["open"]}],
      "layers": [{"type": "conv1d", "name": "conv1", "inputs": "dna", "filters": 8, "kernel_size": 6, "activation": "relu"},
                 {"type": "global_max_pool", "name": "pool"},
                 {"type": "concatenate", "name": "merge", "inputs": ["pool", "chromatin"]},
                 {"type": "dense", "name": "fc", "units": 16, "activation": "relu"},
                 {"type": "dense", "name": "out", "units": 1}],
      "heads": [{"name": "bound", "layer": "out"}],
      "optimizer": {"type": "adam", "learning_rate": 0.01},
      "training": {"epochs": 20, "batch_size": 32, "patience": 5, "seed": 1}})";
    api::ModelSession m(both, "spec");
    REQUIRE_MESSAGE(m.ok(), m.errors_json());
    const double combined = run_training(m, data)["test"]["auroc"].get<double>();
    const std::string dna_only =
        R"({"layers": [{"type": "conv1d", "name": "conv1", "filters": 8, "kernel_size": 6, "activation": "relu"},
                 {"type": "global_max_pool"}, {"type": "dense", "units": 16, "activation": "relu"}, {"type": "dense", "units": 1}],
      "optimizer": {"type": "adam", "learning_rate": 0.01}, "training": {"epochs": 20, "batch_size": 32, "patience": 5, "seed": 1}})";
    api::ModelSession d(dna_only, "spec");
    const double sequence_alone =
        run_training(d, data, R"({"seed": 1, "labelColumn": "bound"})")["test"]["auroc"].get<double>();
    INFO("combined " << combined << ", DNA alone " << sequence_alone);
    CHECK(combined > 0.9);
    CHECK(combined > sequence_alone + 0.05);
    // Prediction needs the column too, and says so for FASTA.
    json p = json::parse(m.predict_json(">x\nACGTACGTACGT\n"));
    REQUIRE(p["errors"].size() == 1);
    CHECK(p["errors"][0]["message"].get<std::string>().find(
              "this model reads the column 'open' besides the DNA") != std::string::npos);
    p = json::parse(m.predict_json("sequence\topen\nACGTACGTACGT\tn/a\n"));
    REQUIRE(p["errors"].size() == 1);
    CHECK(p["errors"][0]["message"] == "line 2, column 14: 'n/a' in column 'open' is not a number");
}

TEST_CASE("features only: an MLP reads numeric columns, no sequence column needed")
{
    Rng rng(3);
    std::string t = "x,y,label\n";
    for (int i = 0; i < 800; ++i) {
        const float x = rng.uniform(-1, 1), y = rng.uniform(-1, 1);
        t += std::to_string(x) + "," + std::to_string(y) + "," + ((x * y > 0) ? "1" : "0") + "\n";  // XOR
    }
    const std::string mlp = R"({"inputs": [{"name": "f", "type": "features", "columns": ["x", "y"]}],
      "layers": [{"type": "dense", "name": "h", "units": 16, "activation": "relu"}, {"type": "dense", "name": "out", "units": 1}],
      "optimizer": {"type": "adam", "learning_rate": 0.02}, "training": {"epochs": 60, "batch_size": 32, "patience": 10, "seed": 1}})";
    api::ModelSession m(mlp, "spec");
    REQUIRE_MESSAGE(m.ok(), m.errors_json());
    CHECK(run_training(m, t)["test"]["accuracy"].get<double>() > 0.9);
    json p = json::parse(m.predict_json("x,y\n0.5,0.5\n-0.5,0.5\n"));
    REQUIRE(p["errors"].empty());
    CHECK_FALSE(p["predictions"][0].contains("length"));
    CHECK(p["predictions"][0]["probability"].get<double>() > 0.5);
    CHECK(p["predictions"][1]["probability"].get<double>() < 0.5);
}

TEST_CASE("transfer: weights copied by layer name survive a seeded fit; frozen layers do not move")
{
    api::ModelSession pre(kTwoHeads, "spec");
    run_training(pre, make_table(600, 0.0, 11));
    const std::string file = pre.save("{}");
    const std::string target =
        R"({"layers": [{"type": "conv1d", "name": "conv1", "filters": 8, "kernel_size": 6, "activation": "relu"},
        {"type": "global_max_pool"}, {"type": "dense", "name": "new_out", "units": 1}],
        "training": {"epochs": 2, "seed": 4}})";
    api::ModelSession m(target, "spec");
    json r = json::parse(m.load_weights_from(file, "null"));
    REQUIRE_MESSAGE(r["errors"].empty(), r.dump());
    CHECK(r["layers"] == json({"conv1"}));
    CHECK(r["skipped"].empty());
    CHECK(json::parse(m.set_trainable(R"(["conv1"])", false))["errors"].empty());
    const json before = json::parse(m.save("{}"))["weights"]["conv1.weight"];
    CHECK(before == json::parse(file)["weights"]["conv1.weight"]);
    run_training(m, make_table(200, 0.0, 12), R"({"seed": 9, "labelColumn": "a"})");
    const json after = json::parse(m.save("{}"));
    CHECK(after["weights"]["conv1.weight"] == before);
    CHECK(after["metadata"]["transfer"]["layers"] == json({"conv1"}));
    // Errors: an unknown layer, a layer of another shape.
    CHECK(json::parse(m.load_weights_from(file, R"(["conv9"])"))["errors"][0]["field"] == "conv9");
    api::ModelSession wide(R"({"layers": [{"type": "conv1d", "name": "conv1", "filters": 5, "kernel_size": 6},
        {"type": "global_max_pool"}, {"type": "dense", "units": 1}]})",
                           "spec");
    json bad = json::parse(wide.load_weights_from(file, R"(["conv1"])"));
    REQUIRE_FALSE(bad["errors"].empty());
    CHECK(bad["errors"][0]["message"].get<std::string>().find(
              "conv1.weight: the pretrained model's tensor has shape") == 0);
    // Asked for every shared layer, one of another shape is skipped; here nothing else is shared.
    CHECK(json::parse(wide.load_weights_from(file, "null"))["errors"][0]["message"] ==
          "the two models share no layer of the same name and shape: nothing to transfer");
    CHECK(json::parse(m.set_trainable(R"(["nope"])", false))["errors"][0]["message"] ==
          "nope: no layer of that name");
}

}  // namespace test_multitask_session
