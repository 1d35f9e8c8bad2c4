// tests/core/test_profile_heads.cpp: profile heads (BPNet: loss multinomial_nll over positions × strands, and
// a count head, loss log1p_mse on the total reads) of a sequence model, end to end through the API session:
// the spec's checks, the table's output-window check, the gradient through a dilated residual profile model,
// and a small BPNet learning simulated footprints (held-out median profile Pearson and count Pearson above
// the bpnet-profile floors, and above the average-profile baseline). The preset itself (1,000 bp, 64 filters)
// is trained by tests/wasm/bpnet-profile.test.mjs.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/api/model_session.hpp"
#include "core/data/simulate_profile.hpp"
#include "core/nn/model.hpp"
#include "core/spec/sequence.hpp"
#include "gradcheck.hpp"

using namespace helix;
using nlohmann::json;

namespace test_profile_heads {

// BPNet's shape, as js/presets/bpnet.js builds it: a first convolution, cropped to what the tower reaches of
// the window; dilated residual blocks with valid padding (each block's input cropped to its convolution's
// output and added); a profile head (a 25-wide convolution to 2 strands, cropped to the window) and a count
// head (the tower's window averaged, a hidden layer of 32 ReLU units, one output).
json bpnet_spec(std::size_t input, std::size_t window, std::size_t filters,
                const std::vector<std::size_t>& dilations, std::size_t epochs)
{
    std::size_t length = window + 24;
    for (std::size_t d : dilations) length += 2 * d;
    json layers = json::array();
    layers.push_back({{"type", "conv1d"},
                      {"name", "conv1"},
                      {"filters", filters},
                      {"kernel_size", 21},
                      {"activation", "relu"}});
    layers.push_back({{"type", "crop"}, {"name", "tower_in"}, {"length", length}});
    std::string last = "tower_in";
    for (std::size_t i = 0; i < dilations.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        length -= 2 * dilations[i];
        layers.push_back({{"type", "conv1d"},
                          {"name", "dil" + n},
                          {"inputs", last},
                          {"filters", filters},
                          {"kernel_size", 3},
                          {"dilation", dilations[i]},
                          {"activation", "relu"}});
        layers.push_back({{"type", "crop"}, {"name", "skip" + n}, {"inputs", last}, {"length", length}});
        layers.push_back({{"type", "add"}, {"name", "res" + n}, {"inputs", {"skip" + n, "dil" + n}}});
        last = "res" + n;
    }
    layers.push_back({{"type", "conv1d"},
                      {"name", "profile_conv"},
                      {"inputs", last},
                      {"filters", 2},
                      {"kernel_size", 25}});
    layers.push_back({{"type", "crop"}, {"name", "profile_out"}, {"length", window}});
    layers.push_back({{"type", "crop"}, {"name", "count_window"}, {"inputs", last}, {"length", window}});
    layers.push_back({{"type", "global_avg_pool"}, {"name", "count_pool"}});
    layers.push_back({{"type", "dense"}, {"name", "count_hidden"}, {"units", 32}, {"activation", "relu"}});
    layers.push_back({{"type", "dense"}, {"name", "count_out"}, {"units", 1}});
    return {{"name", "bpnet"},
            {"inputs", {{{"name", "dna"}, {"type", "dna"}, {"length", input}}}},
            {"layers", layers},
            {"heads",
             {{{"name", "profile"},
               {"layer", "profile_out"},
               {"loss", "multinomial_nll"},
               {"columns", {"counts_plus", "counts_minus"}}},
              {{"name", "counts"},
               {"layer", "count_out"},
               {"loss", "log1p_mse"},
               {"columns", {"counts_plus", "counts_minus"}},
               {"weight", 30}}}},
            {"optimizer", {{"type", "adam"}, {"learning_rate", 0.004}}},
            {"training", {{"epochs", epochs}, {"batch_size", 32}, {"patience", 5}, {"seed", 1}}}};
}

json run_training(api::ModelSession& m, const std::string& table)
{
    json started = json::parse(m.start_training(table, R"({"seed": 1})"));
    REQUIRE_MESSAGE(started["errors"].empty(), started.dump());
    while (!m.training_finished()) m.train_step();
    return json::parse(m.training_summary());
}

std::string spec_error(const json& spec)
{
    auto parsed = nn::parse_spec(spec);
    std::vector<nn::SpecError> errors = parsed.errors;
    if (parsed.ok()) nn::Model::build(parsed.spec, errors);
    return errors.empty() ? "" : errors[0].field + " | " + errors[0].message;
}

TEST_CASE("profile heads: the spec names the columns, the channels, the window and where it does not fit")
{
    const json ok = bpnet_spec(300, 120, 8, {2, 4}, 1);
    CHECK(spec_error(ok).empty());
    auto parsed = nn::parse_spec(ok);
    CHECK(parsed.spec.training.monitor == "val_loss");  // no classes: the validation loss is watched
    CHECK(nn::spec_to_json(parsed.spec)["heads"][0]["columns"] == json({"counts_plus", "counts_minus"}));

    json s = ok;
    s["heads"][0].erase("columns");
    CHECK(spec_error(s).rfind("heads[0].columns | heads[0].columns: missing: the profile columns", 0) == 0);
    s = ok;
    s["heads"][0]["columns"] = {"counts_plus"};  // one column, but the layer gives two strands
    CHECK(spec_error(s) ==
          "heads[0].columns | heads[0].columns: layer profile_out (head profile) gives 2 channels "
          "but the head names 1 profile columns (one channel per column, a strand)");
    s = ok;
    s["heads"][1]["loss"] = "mse";  // columns belong to profile and count heads only
    CHECK(spec_error(s).find("heads[1].columns | heads[1].columns: profile columns need") == 0);
    s = ok;
    s["heads"][0]["layer"] = "count_out";  // one number, not positions × strands
    CHECK(spec_error(s).find("must give positions × strands") != std::string::npos);
    s = ok;
    s["inputs"][0]["length"] = 150;  // the tower and window need 176 bases: the crop does not fit
    CHECK(spec_error(s) ==
          "layers[1] | layers[1] (tower_in): length 156 is longer than its input (130 positions)");
}

TEST_CASE("profile heads: a count list that does not match the output window names the row; nothing trains")
{
    api::ModelSession m(bpnet_spec(300, 120, 8, {2, 4}, 1).dump(), "spec");
    REQUIRE_MESSAGE(m.ok(), m.errors_json());
    data::ProfileOptions o;
    o.count = 12;
    o.input_length = 300;
    o.output_length = 122;  // two positions more than the model's window
    const json started = json::parse(m.start_training(data::to_table(data::simulate_profile(o)), "{}"));
    REQUIRE(!started["errors"].empty());
    const std::string msg = started["errors"][0]["message"];
    INFO(msg);
    CHECK(started["errors"][0]["line"] == 2);
    CHECK(started["errors"][0]["field"] == "counts_plus");
    CHECK(msg.find("'counts_plus' of row 'region1' has 122 values; the output window is 120") !=
          std::string::npos);
    CHECK(json::parse(m.training_summary())["epochsRun"] == 0);
}

TEST_CASE(
    "profile heads: the profile loss's gradient through dilated residual blocks matches finite differences")
{
    // A small network of every layer the preset uses; the loss's gradient with respect to its input. Without
    // the ReLUs, whose kinks a finite difference can straddle (relu has its own check).
    json spec = bpnet_spec(120, 40, 4, {1, 2}, 1);
    for (auto& l : spec["layers"]) l.erase("activation");
    auto parsed = nn::parse_spec(spec);
    REQUIRE(parsed.ok());
    std::vector<nn::SpecError> errors;
    auto model = nn::Model::build(parsed.spec, errors);
    REQUIRE(model);
    Rng rng(5);
    const Tensor counts = test::uniform({2, 40, 2}, 0.0f, 4.0f, rng);
    Tensor c = xt::floor(counts);
    Rng unused(0);
    CHECK(test::gradcheck(
        [&](const Var& x) {
            return ops::multinomial_nll(model->forward_heads(std::vector<Var>{x}, false, unused)[0], c);
        },
        test::uniform({2, 120, 4}, 0.0f, 1.0f, rng), /*eps=*/1e-2f, /*tol=*/2e-2f));
}

TEST_CASE(
    "profile heads learn simulated footprints: median profile Pearson >= 0.6 and count Pearson >= 0.7, "
    "both above the average-profile baseline")
{
    data::ProfileOptions o;
    o.count = 1000;
    o.input_length = 400;
    o.output_length = 120;
    o.seed = 2;
    api::ModelSession m(bpnet_spec(400, 120, 32, {2, 4, 8, 16}, 12).dump(), "spec");
    REQUIRE_MESSAGE(m.ok(), m.errors_json());
    const json s = run_training(m, data::to_table(data::simulate_profile(o)));
    const json& profile = s["test"]["heads"]["profile"];
    const json& counts = s["test"]["heads"]["counts"];
    MESSAGE("profile " << profile["profile_pearson"] << " (baseline "
                       << profile["baseline"]["profile_pearson"] << "), JSD " << profile["jsd"]
                       << " (baseline " << profile["baseline"]["jsd"] << "), count Pearson "
                       << counts["pearson"] << ", " << profile["signal_regions"]
                       << " test regions with signal");
    CHECK(profile["signal_regions"].get<int>() >= 50);
    CHECK(profile["profile_pearson"].get<double>() >= 0.6);
    CHECK(profile["profile_pearson"].get<double>() >
          profile["baseline"]["profile_pearson"].get<double>() + 0.2);
    CHECK(profile["jsd"].get<double>() < profile["baseline"]["jsd"].get<double>());
    CHECK(counts["pearson"].get<double>() >= 0.7);
    // The page's tracks: observed counts and predicted probabilities per strand, for test regions with
    // signal.
    const json& tracks = profile["tracks"];
    REQUIRE(!tracks.empty());
    CHECK(tracks[0]["observed"].size() == 2);
    CHECK(tracks[0]["observed"][0].size() == 120);
    CHECK(tracks[0]["predicted"][1].size() == 120);
    CHECK(tracks[0]["observedCount"].get<double>() >= 24);  // signal: 0.1 reads per position and strand
    CHECK(tracks[0]["predictedCount"].is_number());

    // Predictions: the profile per strand (each a distribution over the window) and the count.
    const auto rows = data::simulate_profile(o);
    const json p = json::parse(m.predict_json("id\tsequence\nx\t" + rows[0].sequence + "\n"));
    INFO(p.dump().substr(0, 300));
    const json& head = p["predictions"][0]["heads"];
    REQUIRE(head["profile"]["profile"].size() == 2);
    double total = 0;
    for (double v : head["profile"]["profile"][0]) total += v;
    CHECK(total == doctest::Approx(1.0).epsilon(1e-4));
    CHECK(head["counts"]["count"].get<double>() ==
          doctest::Approx(std::expm1(head["counts"]["value"].get<double>())));

    // evaluate: the same keys as the test scores.
    const json e = json::parse(m.evaluate_json(data::to_table(rows), ""));
    CHECK(e["heads"]["profile"]["profile_pearson"].is_number());
    CHECK(e["heads"]["profile"]["baseline"]["jsd"].is_number());
    CHECK(e["heads"]["counts"]["pearson"].is_number());
}

}  // namespace test_profile_heads
