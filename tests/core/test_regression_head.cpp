// tests/core/test_regression_head.cpp: regression heads (loss mse, poisson) of a sequence model, end to end
// through the API session: the spec's checks, a DeepSTARR-shaped two-target model that learns simulated
// enhancer activity (held-out Pearson per target against the replicates' noise ceiling), the scores and
// predictions it reports, and the table errors of a bad target cell.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/api/model_session.hpp"
#include "core/data/simulate_activity.hpp"
#include "core/spec/sequence.hpp"
#include "core/train/correlation.hpp"

using namespace helix;
using nlohmann::json;

namespace test_regression_head {

const char* kActivity = R"({"name": "activity",
  "inputs": [{"name": "dna", "type": "dna", "length": 150}],
  "layers": [{"type": "conv1d", "name": "conv1", "filters": 32, "kernel_size": 11, "padding": "same", "activation": "relu"},
             {"type": "max_pool1d", "name": "pool1", "pool_size": 2},
             {"type": "conv1d", "name": "conv2", "filters": 32, "kernel_size": 5, "padding": "same", "activation": "relu"},
             {"type": "global_avg_pool", "name": "pool"},
             {"type": "dense", "name": "fc", "units": 64, "activation": "relu"},
             {"type": "dense", "name": "dev_out", "units": 1},
             {"type": "dense", "name": "hk_out", "inputs": "fc", "units": 1}],
  "heads": [{"name": "dev", "layer": "dev_out", "loss": "mse"}, {"name": "hk", "layer": "hk_out", "loss": "mse"}],
  "optimizer": {"type": "adam", "learning_rate": 0.003},
  "training": {"epochs": 25, "batch_size": 64, "patience": 5, "seed": 1}})";

json run_training(api::ModelSession& m, const std::string& table)
{
    json started = json::parse(m.start_training(table, R"({"seed": 1})"));
    REQUIRE_MESSAGE(started["errors"].empty(), started.dump());
    while (!m.training_finished()) m.train_step();
    return json::parse(m.training_summary());
}

TEST_CASE("regression heads: the spec checks outputs and monitor, and defaults the monitor to val_loss")
{
    json spec = json::parse(kActivity);
    auto parsed = nn::parse_spec(spec);
    REQUIRE(parsed.ok());
    CHECK(parsed.spec.training.monitor == "val_loss");  // not given: a regression model watches its loss
    CHECK(parsed.spec.heads[0].loss == "mse");

    spec["training"]["monitor"] = "val_auroc";
    parsed = nn::parse_spec(spec);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].field == "training.monitor");
    CHECK(parsed.errors[0].message.find("use \"val_loss\"") != std::string::npos);

    spec = json::parse(kActivity);
    spec["layers"][5]["units"] = 2;
    api::ModelSession two(spec.dump(), "spec");
    REQUIRE(!two.ok());
    CHECK(two.errors_json().find("heads[0]") != std::string::npos);
    CHECK(two.errors_json().find("a number to predict needs 1") != std::string::npos);

    spec = json::parse(kActivity);
    spec["heads"][1]["loss"] = "poisson";
    CHECK(nn::parse_spec(spec).ok());
    spec["heads"][1]["loss"] = "huber";
    parsed = nn::parse_spec(spec);
    REQUIRE(!parsed.ok());
    CHECK(parsed.errors[0].field == "heads[1].loss");
}

TEST_CASE("regression heads learn two enhancer activities: held-out Pearson near the replicate ceiling")
{
    data::ActivityOptions o;
    o.count = 2000;
    o.length = 150;
    o.seed = 3;
    const auto rows = data::simulate_activity(o);
    std::vector<float> dev, dev2, hk, hk2;
    for (const auto& r : rows)
        dev.push_back(r.dev), dev2.push_back(r.dev_rep2), hk.push_back(r.hk), hk2.push_back(r.hk_rep2);
    const double ceiling_dev = train::pearson(dev, dev2), ceiling_hk = train::pearson(hk, hk2);

    api::ModelSession m(kActivity, "spec");
    REQUIRE_MESSAGE(m.ok(), m.errors_json());
    const json s = run_training(m, data::to_table(rows));
    const json& test = s["test"]["heads"];
    MESSAGE("replicate ceilings dev " << ceiling_dev << ", hk " << ceiling_hk << "; test Pearson dev "
                                      << test["dev"]["pearson"] << ", hk " << test["hk"]["pearson"]);
    for (const char* head : {"dev", "hk"}) {
        CHECK(test[head]["pearson"].is_number());
        CHECK(test[head]["spearman"].is_number());
        CHECK(test[head]["mse"].is_number());
        CHECK(test[head]["auroc"].is_null());  // no classes to rank
        // the scatter's points: one (observed, predicted) pair per test record with a target
        CHECK(test[head]["points"]["observed"].size() == test[head]["n"].get<std::size_t>());
        CHECK(test[head]["points"]["predicted"].size() == test[head]["n"].get<std::size_t>());
    }
    CHECK(test["dev"]["pearson"].get<double>() >= 0.8 * ceiling_dev);
    CHECK(test["hk"]["pearson"].get<double>() >= 0.8 * ceiling_hk);

    // Predictions are the numbers themselves, one per head.
    const json p = json::parse(m.predict_json("id\tsequence\nx\t" + rows[0].sequence + "\n"));
    INFO(p.dump());
    REQUIRE(p["predictions"].size() == 1);
    CHECK(p["predictions"][0]["heads"]["dev"]["value"].is_number());
}

TEST_CASE("regression heads: a bad target cell names its line, column and column name; nothing trains")
{
    api::ModelSession m(kActivity, "spec");
    REQUIRE(m.ok());
    std::string table = "id\tsequence\tdev\thk\n";
    for (int i = 0; i < 12; ++i)
        table += "r" + std::to_string(i) + "\t" + std::string(150, "ACGT"[i % 4]) + "\t" + std::to_string(i) +
                 "\t" + (i == 5 ? "high" : "1.5") + "\n";
    const json started = json::parse(m.start_training(table, R"({"seed": 1})"));
    REQUIRE(started["errors"].size() == 1);
    const std::string msg = started["errors"][0]["message"];
    INFO(msg);
    CHECK(msg.rfind("line 7, column 157: 'high' in column 'hk' is not a number", 0) == 0);
}

}  // namespace test_regression_head
