// tests/core/test_model_graph.cpp: specs as graphs: named inputs, merges, heads; and the merge ops.
#include <doctest/doctest.h>

#include "core/nn/model.hpp"
#include "core/ops/norm.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::nn;
using helix::test::gradcheck;
using helix::test::uniform;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_model_graph {
std::string first_error(const std::string& json)
{
    auto r = parse_spec_text(json);
    if (!r.ok()) return r.errors[0].message;
    std::vector<SpecError> errors;
    auto m = Model::build(r.spec, errors);
    return m ? "" : errors.at(0).message;
}

const char* kMultimodal = R"({"name": "mm",
  "inputs": [{"name": "dna", "type": "dna"}, {"name": "chromatin", "type": "features", "columns": ["acc", "cons"]}],
  "layers": [{"type": "conv1d", "name": "conv1", "inputs": "dna", "filters": 4, "kernel_size": 5, "activation": "relu"},
             {"type": "global_max_pool", "name": "pool"},
             {"type": "dense", "name": "feat", "inputs": "chromatin", "units": 3, "activation": "relu"},
             {"type": "concatenate", "name": "merge", "inputs": ["pool", "feat"]},
             {"type": "dense", "name": "out_a", "units": 1},
             {"type": "dense", "name": "out_b", "inputs": "merge", "units": 3}],
  "heads": [{"name": "a", "layer": "out_a"}, {"name": "b", "layer": "out_b", "loss": "softmax_cross_entropy",
             "weight": 0.5, "label": "class_b", "classes": ["x", "y", "z"]}],
  "training": {"seed": 3}})";

TEST_CASE("add and scale: gradients match finite differences")
{
    Rng rng(11);
    Tensor a = uniform({3, 4}, -1.0f, 1.0f, rng), b = uniform({3, 4}, -1.0f, 1.0f, rng),
           c = uniform({3, 4}, -1, 1, rng);
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::add(v); }, {a, b, c}, 1e-2f, 1e-3f));
    CHECK(gradcheck([](const Var& v) { return ops::scale(v, -2.5f); }, a, 1e-2f, 1e-3f));
    // A value read twice (x + x) gets both shares of the gradient.
    CHECK(gradcheck([](const Var& v) { return ops::add({v, v}); }, a, 1e-2f, 1e-3f));
}

TEST_CASE("graph spec: two inputs merge into two heads, each with its own width")
{
    auto r = parse_spec_text(kMultimodal);
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors[0].message));
    std::vector<SpecError> errors;
    auto m = Model::build(r.spec, errors);
    REQUIRE(m);
    CHECK(m->heads() == 2);
    CHECK(m->head_outputs(0) == 1);
    CHECK(m->head_outputs(1) == 3);
    CHECK(m->dna_input() == 0);
    CHECK(m->min_length() == 5);
    Rng rng(1);
    Tensor x = xt::zeros<float>({2, 9, 4}), f = uniform({2, 2}, 0.0f, 1.0f, rng);
    auto out = m->forward_heads({x, f}, false, rng);
    REQUIRE(out.size() == 2);
    CHECK(out[0].shape() == Shape{2, 1});
    CHECK(out[1].shape() == Shape{2, 3});
    // The written spec reads back to the same spec.
    const auto written = spec_to_json(r.spec);
    auto again = parse_spec(written);
    REQUIRE(again.ok());
    CHECK(spec_to_json(again.spec) == written);
    CHECK(written["heads"][1]["label"] == "class_b");
    CHECK(written["layers"][3]["inputs"] == nlohmann::json({"pool", "feat"}));
}

TEST_CASE("graph spec: the gradient reaches both branches through concatenate")
{
    auto r = parse_spec_text(kMultimodal);
    std::vector<SpecError> errors;
    auto m = Model::build(r.spec, errors);
    REQUIRE(m);
    Rng rng(2);
    Tensor x = uniform({3, 8, 4}, 0.0f, 1.0f, rng), f = uniform({3, 2}, -1.0f, 1.0f, rng);
    auto out = m->forward_heads({x, f}, true, rng);
    backward(ops::sum(ops::add({ops::sum(out[0]), ops::sum(out[1])})));
    for (Param* p : m->params()) {
        INFO(p->name);
        CHECK(xt::amax(xt::abs(p->var.grad()))() > 0.0f);
    }
}

TEST_CASE("graph spec: a features-only model (an MLP on table columns) needs no DNA")
{
    const char* spec = R"({"inputs": [{"name": "x", "type": "features", "columns": ["a", "b"]}],
      "layers": [{"type": "dense", "name": "h", "units": 8, "activation": "relu"}, {"type": "dense", "name": "out", "units": 1}]})";
    auto r = parse_spec_text(spec);
    REQUIRE(r.ok());
    std::vector<SpecError> errors;
    auto m = Model::build(r.spec, errors);
    REQUIRE(m);
    CHECK(m->dna_input() == -1);
    CHECK(m->check_length(0) == "");
    CHECK(r.spec.heads.size() == 1);
    CHECK(r.spec.heads[0].label == "label");
}

TEST_CASE("graph spec: wiring mistakes are named by field")
{
    CHECK(
        first_error(
            R"({"inputs": [{"name": "dna"}], "layers": [{"type": "dense", "units": 1, "inputs": "dnaa"}]})") ==
        "layers[0].inputs: 'dnaa' is neither an input nor an earlier layer");
    CHECK(first_error(R"({"layers": [{"type": "conv1d", "name": "c", "filters": 2, "kernel_size": 3},
                                      {"type": "concatenate", "inputs": "c"}]})")
              .find("layers[1].inputs: a concatenate layer merges two or more") == 0);
    CHECK(first_error(
              R"({"input": {}, "inputs": [{"name": "dna"}], "layers": [{"type": "dense", "units": 1}]})")
              .find("inputs: give either") == 0);
    CHECK(
        first_error(
            R"({"layers": [{"type": "global_max_pool", "name": "p"}, {"type": "dense", "name": "o", "units": 1}],
                          "heads": [{"name": "a", "layer": "nope"}]})") ==
        "heads[0].layer: no layer is named 'nope'");
    CHECK(
        first_error(
            R"({"layers": [{"type": "global_max_pool", "name": "p"}, {"type": "dense", "name": "o", "units": 1}],
                          "heads": [{"name": "a", "layer": "o"}, {"name": "a", "layer": "o"}]})") ==
        "heads[1].name: 'a' names an earlier head too");
    CHECK(first_error(
              R"({"inputs": [{"name": "f", "type": "features"}], "layers": [{"type": "dense", "units": 1}]})")
              .find("inputs[0].columns: must list the table columns") == 0);
    // Shapes: concatenating a sequence track with a flat vector says what to do.
    const std::string e =
        first_error(R"({"inputs": [{"name": "dna"}, {"name": "f", "type": "features", "columns": ["a"]}],
        "layers": [{"type": "conv1d", "name": "c", "inputs": "dna", "filters": 2, "kernel_size": 3},
                   {"type": "concatenate", "name": "m", "inputs": ["c", "f"]}, {"type": "global_max_pool"},
                   {"type": "dense", "units": 1}]})");
    CHECK(e.find("layers[1] (m): concatenate joins along the last axis") == 0);
    CHECK(e.find("pool or flatten the sequence first") != std::string::npos);
    // A head of the wrong width.
    CHECK(
        first_error(
            R"({"layers": [{"type": "global_max_pool", "name": "p"}, {"type": "dense", "name": "o", "units": 2}],
                          "heads": [{"name": "a", "layer": "o"}]})") ==
        "heads[0]: layer o (head a) has 2 outputs but a 0/1 label needs 1 (dense with units: 1)");
}

TEST_CASE("graph spec: frozen layers keep requires_grad off and can be unfrozen")
{
    auto r = parse_spec_text(
        R"({"layers": [{"type": "conv1d", "name": "c", "filters": 2, "kernel_size": 3, "trainable": false},
        {"type": "global_max_pool"}, {"type": "dense", "name": "o", "units": 1}]})");
    REQUIRE(r.ok());
    std::vector<SpecError> errors;
    auto m = Model::build(r.spec, errors);
    REQUIRE(m);
    auto ps = m->params();
    CHECK_FALSE(ps[0]->var.requires_grad());
    CHECK(ps[2]->var.requires_grad());
    CHECK(spec_to_json(m->spec())["layers"][0]["trainable"] == false);
    CHECK(m->set_trainable({"c", "zz"}, true) == std::vector<std::string>{"zz"});
    CHECK(ps[0]->var.requires_grad());
    CHECK_FALSE(spec_to_json(m->spec())["layers"][0].contains("trainable"));
}

}  // namespace test_model_graph
