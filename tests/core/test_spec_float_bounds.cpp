// tests/core/test_spec_float_bounds.cpp: a number in a spec is checked as the float it is stored as, so every
// spec a model file saves loads again (fuzz_model_file found a GAN file whose momentum 0.99999997615814
// passed as a double, was stored as the float 1.0 and then refused on reload).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "../../core/nn/gan.hpp"
#include "../../core/nn/graph_model.hpp"

using namespace helix;
using nlohmann::json;

namespace {

json gan_spec(double momentum)
{
    return json::parse(R"({"type": "gan", "length": 12, "noise": 8,
      "generator": {"layers": [{"type": "dense", "units": 48}, {"type": "reshape", "target_shape": [6, 8]},
          {"type": "upsample1d", "size": 2}, {"type": "conv1d", "filters": 4, "kernel_size": 3, "padding": "same"},
          {"type": "softmax"}]},
      "discriminator": {"layers": [{"type": "conv1d", "filters": 8, "kernel_size": 3, "activation": "relu"},
          {"type": "global_max_pool"}, {"type": "dense", "units": 1}],
        "optimizer": {"type": "sgd", "learning_rate": 0.01, "momentum": )" +
                       json(momentum).dump() + "}}}");
}

}  // namespace

TEST_CASE("spec numbers: a value that rounds onto an open bound is refused; what is saved loads again")
{
    auto r = nn::parse_gan_spec(gan_spec(0.99999997615814209));  // the float nearest is 1.0: outside [0, 1)
    REQUIRE_FALSE(r.ok());
    INFO(r.errors[0].message);
    CHECK(r.errors[0].message.find("discriminator.optimizer.momentum: must be a number in [0.0, 1.0)") == 0);

    r = nn::parse_gan_spec(gan_spec(0.9999999));  // a float below 1: kept, saved, and loaded again
    REQUIRE(r.ok());
    const json saved = nn::gan_spec_to_json(r.spec);
    CHECK(nn::parse_gan_spec(saved).ok());

    // Graph models: momentum is in [0, 0.999]. 0.999 is stored as the float 0.99900001, which as a double is
    // above 0.999: the saved spec must still load.
    auto g = nn::parse_graph_spec_text(R"({"task": "node_classification", "layers": [{"type": "graph_conv"}],
                                          "optimizer": {"type": "sgd", "momentum": 0.999}})");
    REQUIRE(g.errors.empty());
    auto again = nn::parse_graph_spec(nn::graph_spec_to_json(g.spec));
    CHECK(again.errors.empty());
    CHECK(nn::parse_graph_spec_text(R"({"task": "node_classification", "layers": [{"type": "graph_conv"}],
                                       "optimizer": {"type": "sgd", "momentum": 0.9991}})")
              .errors.size() == 1);
}
