// tests/core/test_model_size_limit.cpp: a spec or model file asking for more parameters than a browser's heap
// holds is refused with the layer named, before anything is allocated (fuzz_model_file: a file with
// 44294967297 conv1d filters asked the heap for 5.6 TB).
#include <doctest/doctest.h>

#include "../../core/nn/autoencoder.hpp"
#include "../../core/nn/gan.hpp"
#include "../../core/nn/graph_model.hpp"
#include "../../core/nn/layer.hpp"
#include "../../core/nn/model.hpp"
#include "../../core/spec/sequence.hpp"

using namespace helix;

TEST_CASE("model size: more than 64 M parameters is an error naming the layer, in every kind of network")
{
    std::vector<nn::SpecError> errors;
    auto r = nn::parse_spec_text(R"({"input": {"length": 80}, "layers": [
        {"type": "conv1d", "name": "conv1", "filters": 44294967297, "kernel_size": 8},
        {"type": "global_max_pool"}, {"type": "dense", "units": 1}]})");
    REQUIRE(r.ok());
    CHECK(nn::Model::build(r.spec, errors) == nullptr);
    REQUIRE(errors.size() == 1);
    INFO(errors[0].message);
    CHECK(
        errors[0].message.find("layers[0] (conv1): this layer would bring the network to 1.5e+12 parameters; "
                               "at most 67108864") == 0);

    // The total counts: two dense layers of 5000 x 5000 are fine, a third tips it over... at 75 M.
    errors.clear();
    r = nn::parse_spec_text(R"({"input": {"length": 1250}, "layers": [{"type": "flatten"},
        {"type": "dense", "units": 5000}, {"type": "dense", "units": 5000}, {"type": "dense", "units": 5000},
        {"type": "dense", "units": 1}]})");
    REQUIRE(r.ok());
    CHECK(nn::Model::build(r.spec, errors) == nullptr);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "layers[3]");

    // A model just under the limit builds.
    errors.clear();
    r = nn::parse_spec_text(R"({"input": {"length": 100}, "layers": [{"type": "conv1d", "filters": 64,
        "kernel_size": 8}, {"type": "global_max_pool"}, {"type": "dense", "units": 1}]})");
    REQUIRE(r.ok());
    CHECK(nn::Model::build(r.spec, errors) != nullptr);

    // Autoencoders: the reconstruction layer has one unit per gene.
    auto a = nn::parse_autoencoder_spec_text(
        R"({"type": "autoencoder", "encoder": [{"type": "dense", "units": 8000}],
                                                "latent": {"units": 2}})");
    REQUIRE(a.ok());
    CHECK(nn::Autoencoder::size_error(a.spec, 2000).empty());
    CHECK(nn::Autoencoder::size_error(a.spec, 9000).find("this layer would bring the network to") !=
          std::string::npos);

    // Graph models: features x units.
    auto g = nn::parse_graph_spec_text(R"({"task": "node_classification",
                                          "layers": [{"type": "graph_conv", "units": 100000}, {"type": "graph_conv"}]})");
    REQUIRE(g.ok());
    errors.clear();
    CHECK(nn::GraphModel::build(g.spec, 1433, 7, errors) == nullptr);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("layers[0]") == 0);
}
