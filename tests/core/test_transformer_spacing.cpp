// tests/core/test_transformer_spacing.cpp: a transformer encoder learns a task that only long-range
// interaction solves (data::simulate_spacing: GATA1 and TAL1 sites 80-120 bases apart or not, both always
// present), where a CNN with global max pooling (the cnn-binding shape) stays near chance.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/api/model_session.hpp"
#include "core/data/simulate_spacing.hpp"

using namespace helix;
using nlohmann::json;

namespace test_transformer_spacing {

json train(const std::string& spec, const std::string& table)
{
    api::ModelSession m(spec, "spec");
    REQUIRE_MESSAGE(m.ok(), m.errors_json());
    const json started = json::parse(m.start_training(table, R"({"seed": 1})"));
    REQUIRE_MESSAGE(started["errors"].empty(), started.dump());
    while (!m.training_finished()) m.train_step();
    return json::parse(m.training_summary());
}

std::string transformer(const char* positional, int blocks)
{
    json layers = json::array(
        {{{"type", "conv1d"},
          {"name", "motifs"},
          {"filters", 32},
          {"kernel_size", 12},
          {"padding", "same"},
          {"activation", "relu"}},
         {{"type", "max_pool1d"}, {"name", "pool"}, {"pool_size", 4}},
         {{"type", "positional"}, {"name", "pos"}, {"encoding", positional}, {"max_length", 75}}});
    for (int b = 0; b < blocks; ++b)
        layers.push_back({{"type", "transformer_block"},
                          {"name", "block" + std::to_string(b + 1)},
                          {"heads", 4},
                          {"ff_units", 64},
                          {"rate", 0.1}});
    layers.push_back({{"type", "global_max_pool"}, {"name", "readout"}});
    layers.push_back({{"type", "dense"}, {"name", "out"}, {"units", 1}});
    return json{{"name", "transformer-spacing"},
                {"inputs", json::array({{{"name", "dna"}, {"type", "dna"}, {"length", 300}}})},
                {"layers", layers},
                {"loss", "bce_with_logits"},
                {"optimizer", {{"type", "adam"}, {"learning_rate", 0.002}}},
                {"training", {{"epochs", 30}, {"batch_size", 64}, {"patience", 6}, {"seed", 1}}}}
        .dump();
}

const char* kCnn = R"({"name": "cnn-binding", "input": {"name": "dna", "length": null},
  "layers": [{"type": "conv1d", "name": "conv1", "filters": 32, "kernel_size": 12, "padding": "valid", "activation": "relu"},
             {"type": "global_max_pool", "name": "pool"},
             {"type": "dense", "name": "fc1", "units": 32, "activation": "relu"},
             {"type": "dropout", "name": "drop", "rate": 0.2},
             {"type": "dense", "name": "out", "units": 1}],
  "loss": "bce_with_logits", "optimizer": {"type": "adam", "learning_rate": 0.003},
  "training": {"epochs": 15, "batch_size": 64, "patience": 4, "seed": 1}})";

TEST_CASE("transformer-spacing: attention relates two sites 80-120 bases apart; a pooled CNN cannot")
{
    data::SpacingOptions o;
    o.count = 3000;
    o.seed = 2;
    const std::string table = data::to_table(data::simulate_spacing(o));
    const json cnn = train(kCnn, table);
    for (const char* pos : {"sinusoidal", "learned"}) {
        const json tr = train(transformer(pos, 2), table);
        MESSAGE(pos << ": transformer test AUROC " << tr["test"]["auroc"] << " (best epoch "
                    << tr["bestEpoch"] << "), cnn " << cnn["test"]["auroc"]);
    }
}

}  // namespace test_transformer_spacing
