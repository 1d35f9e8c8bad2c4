// tests/core/test_model_file.cpp: the model file round-trips exactly and refuses what does not fit.
#include <doctest/doctest.h>

#include "core/io/base64.hpp"
#include "core/io/sequence_model_file.hpp"

using namespace helix;

namespace {
std::unique_ptr<nn::Model> small_model(std::uint64_t seed = 3)
{
    auto r =
        nn::parse_spec_text(R"({"layers": [{"type": "conv1d", "name": "c", "filters": 3, "kernel_size": 4},
        {"type": "global_avg_pool"}, {"type": "dense", "name": "o", "units": 1}]})");
    r.spec.training.seed = seed;
    std::vector<nn::SpecError> errors;
    return nn::Model::build(r.spec, errors);
}
}  // namespace

TEST_CASE("base64: round-trips every length and refuses foreign characters")
{
    for (std::size_t n = 0; n < 10; ++n) {
        std::vector<std::uint8_t> in,
            out;  // push_back: GCC 12 warns (falsely) on in[i] = ... when n may be 0
        for (std::size_t i = 0; i < n; ++i) in.push_back(static_cast<std::uint8_t>(i * 37 + 250));
        REQUIRE(io::base64_decode(io::base64_encode(in.data(), n), out));
        CHECK(out == in);
    }
    std::vector<std::uint8_t> out;
    CHECK_FALSE(io::base64_decode("ab$d", out));
    CHECK_FALSE(io::base64_decode("abc", out));
}

TEST_CASE("model file: save, load, save gives the same bytes and the same weights")
{
    auto m = small_model();
    std::string file = io::save_model(*m, {{"note", "x"}});
    auto loaded = io::load_model(file);
    REQUIRE(loaded.errors.empty());
    auto a = m->weights(), b = loaded.model->weights();
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == b[i]);
    CHECK(io::save_model(*loaded.model, loaded.metadata) == file);
    CHECK(loaded.metadata["note"] == "x");
}

TEST_CASE("model file: wrong format, version, shapes, missing and extra weights are named")
{
    auto m = small_model();
    auto file = nlohmann::json::parse(io::save_model(*m));
    auto errors_of = [](const nlohmann::json& j) { return io::load_model(j.dump()).errors; };

    CHECK(io::load_model("{\"format\": \"helix-model\", ").errors.at(0).message.find("truncated") !=
          std::string::npos);
    auto v = file;
    v["version"] = 3;
    CHECK(errors_of(v).at(0).field == "version");
    auto s = file;
    s["weights"]["c.weight"]["shape"] = {4, 4, 2};
    CHECK(errors_of(s).at(0).field == "weights.c.weight.shape");
    auto missing = file;
    missing["weights"].erase("o.bias");
    CHECK(errors_of(missing).at(0).field == "weights.o.bias");
    auto extra = file;
    extra["weights"]["ghost.weight"] = file["weights"]["o.bias"];
    CHECK(errors_of(extra).at(0).field == "weights.ghost.weight");
    auto bad = file;
    bad["weights"]["o.bias"]["data"] = "AAAA";
    CHECK(errors_of(bad).at(0).field == "weights.o.bias.data");
}

TEST_CASE(
    "model file envelope: new files say format helix, version 2 and their family; a wrong family is named")
{
    auto m = small_model();
    const auto file = nlohmann::json::parse(io::save_model(*m));
    CHECK(file["format"] == "helix");
    CHECK(file["version"] == 2);
    CHECK(file["family"] == "sequence");
    for (const char* key : {"spec", "weights", "metadata"}) CHECK_MESSAGE(file.contains(key), key);

    auto first_error = [](const nlohmann::json& j) { return io::load_model(j.dump()).errors.at(0); };
    auto graph = file;
    graph["family"] = "graph";
    CHECK(first_error(graph).field == "family");
    CHECK(first_error(graph).message ==
          "family: expected \"sequence\"; this file is not a Helix model but a Helix graph model file");
    auto unknown = file;
    unknown["family"] = "vae";
    CHECK(first_error(unknown).message == "family: 'vae' is not one of: sequence, graph, autoencoder, gan");
    auto none = file;
    none.erase("family");
    CHECK(first_error(none).field == "family");
    auto other = file;
    other["format"] = "helix-graph-model";
    CHECK(
        first_error(other).message ==
        "format: expected \"helix-model\"; this file is not a Helix model but a \"helix-graph-model\" file");
    auto foreign = file;
    foreign["format"] = "keras";
    CHECK(first_error(foreign).message == "format: expected \"helix\"; this file is not a Helix model");

    // The same file under its tag of before (version 1, no family) loads to the same model.
    auto old = file;
    old["format"] = "helix-model";
    old["version"] = 1;
    old.erase("family");
    auto loaded = io::load_model(old.dump());
    REQUIRE(loaded.errors.empty());
    CHECK(io::save_model(*loaded.model) == file.dump());
    old["version"] = 2;
    CHECK(first_error(old).message == "version: this file has version 2 but this Helix reads version 1");
}
