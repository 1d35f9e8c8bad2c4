// tests/core/test_attention_api.cpp: attention_session_json (core/api/attention_api.hpp), the attention maps
// the page draws: one map per head and block, of the record asked for, whose rows are probability
// distributions, equal to the block's own maps from a direct forward pass, with a score equal to predict's;
// and its errors (a model without attention, a record out of range, an unknown option).
#include <doctest/doctest.h>

#include <cmath>

#include "core/api/attention_api.hpp"
#include "core/infer/examples.hpp"
#include "core/nn/transformer_layers.hpp"

namespace test_attention_api {

using namespace helix;
using nlohmann::json;

const char* kSpec = R"({"input": {"name": "dna", "length": 24},
  "layers": [{"type": "conv1d", "name": "stem", "filters": 8, "kernel_size": 3, "padding": "same"},
             {"type": "max_pool1d", "name": "pool", "pool_size": 2},
             {"type": "transformer_block", "name": "block1", "heads": 2, "alibi": true},
             {"type": "transformer_block", "name": "block2", "heads": 4, "causal": true},
             {"type": "global_avg_pool", "name": "mean"},
             {"type": "dense", "name": "out", "units": 1}],
  "training": {"seed": 3}})";

const char* kPaste = ">a\nACGTACGTACGTTTGATAAGGCCA\n>b\nGGGGCCCCAAAATTTTACGTACGT\n";

TEST_CASE(
    "attention maps: per block and head, rows sum to 1, the causal block's upper triangle is 0, equal to "
    "a direct forward pass; the score is predict's probability")
{
    api::ModelSession s(kSpec, "spec");
    REQUIRE(s.ok());
    const json a = json::parse(api::attention_session_json(s, kPaste, R"({"record": 1})"));
    REQUIRE(a["errors"].empty());
    CHECK(a["id"] == "b");
    REQUIRE(a["layers"].size() == 2);
    CHECK(a["layers"][0]["name"] == "block1");
    CHECK(a["layers"][0]["heads"] == 2);
    CHECK(a["layers"][1]["heads"] == 4);
    for (const auto& layer : a["layers"]) {
        CHECK(layer["length"] == 12);  // 24 positions pooled by 2
        REQUIRE(layer["weights"].size() == layer["heads"].get<std::size_t>());
        for (const auto& head : layer["weights"]) {
            REQUIRE(head.size() == 12);
            for (std::size_t i = 0; i < 12; ++i) {
                double sum = 0;
                for (std::size_t j = 0; j < 12; ++j) {
                    const double w = head[i][j].get<double>();
                    CHECK(w >= 0.0);
                    if (layer["name"] == "block2" && j > i) CHECK(w == 0.0);
                    sum += w;
                }
                CHECK(sum == doctest::Approx(1.0).epsilon(1e-5));
            }
        }
    }

    // The same maps straight from the blocks after a forward pass of record 1 alone.
    nn::Model& model = *s.model();
    auto* b1 = dynamic_cast<nn::TransformerBlock*>(model.layer("block1"));
    auto* b2 = dynamic_cast<nn::TransformerBlock*>(model.layer("block2"));
    REQUIRE(b1);
    REQUIRE(b2);
    CHECK(model.layer("nope") == nullptr);
    b1->keep_attention(true), b2->keep_attention(true);
    Rng rng(1);
    const infer::Examples ex = infer::sequence_examples({"GGGGCCCCAAAATTTTACGTACGT"});
    model.forward_heads(infer::encode_inputs(model, ex, {0}), false, rng);
    for (std::size_t h = 0; h < 4; ++h)
        for (std::size_t i = 0; i < 12; ++i)
            for (std::size_t j = 0; j < 12; ++j) {
                CHECK(a["layers"][1]["weights"][h][i][j].get<float>() == b2->attention()(0, h, i, j));
                if (h < 2)
                    CHECK(a["layers"][0]["weights"][h][i][j].get<float>() == b1->attention()(0, h, i, j));
            }

    const json p = json::parse(s.predict_json(kPaste));
    CHECK(a["score"].get<double>() == doctest::Approx(p["predictions"][1]["probability"].get<double>()));
}

TEST_CASE(
    "attention maps: a model without transformer blocks, a record out of range and an unknown option are "
    "errors naming the field")
{
    api::ModelSession cnn(R"({"input": {"name": "dna", "length": 24},
      "layers": [{"type": "conv1d", "filters": 4, "kernel_size": 3}, {"type": "global_max_pool"},
                 {"type": "dense", "units": 1}]})",
                          "spec");
    REQUIRE(cnn.ok());
    json e = json::parse(api::attention_session_json(cnn, kPaste, "{}"));
    REQUIRE(e["errors"].size() == 1);
    CHECK(e["errors"][0]["field"] == "model");

    api::ModelSession s(kSpec, "spec");
    e = json::parse(api::attention_session_json(s, kPaste, R"({"record": 2})"));
    REQUIRE(e["errors"].size() == 1);
    CHECK(e["errors"][0]["field"] == "record");
    CHECK(e["errors"][0]["message"].get<std::string>().find("0..1") != std::string::npos);
    e = json::parse(api::attention_session_json(s, kPaste, R"({"head": 0})"));
    CHECK(e["errors"][0]["field"] == "head");
    e = json::parse(api::attention_session_json(s, ">x\nACGT!!ACGT\n", "{}"));
    REQUIRE(!e["errors"].empty());  // the paste's own error, with its place
    CHECK(e["errors"][0]["line"] == 2);
    e = json::parse(api::attention_session_json(s, "", "{}"));
    REQUIRE(!e["errors"].empty());  // nothing to read: an error, not a forward pass over no record
}

}  // namespace test_attention_api
