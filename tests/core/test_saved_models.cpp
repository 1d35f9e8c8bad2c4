// tests/core/test_saved_models.cpp: the saved model files of tests/fixtures/saved-models (one per family, as
// the engine wrote them before the one-file envelope; make_saved_models.cpp there made them) still load, and
// give the outputs stored beside them (<name>.expected.json) on the same inputs: numbers within 1e-6
// relative, the rest equal. Each loaded file saved again is a file of the envelope ("format": "helix",
// version 2) that gives the same.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/autoencoder_session.hpp"
#include "core/api/gan_session.hpp"
#include "core/api/graph_session.hpp"
#include "core/api/model_session.hpp"
#include "repo_file.hpp"

using nlohmann::json;
namespace api = helix::api;

namespace {

const std::string kDir = "tests/fixtures/saved-models/";

// Every difference between `got` and `want`, each named by its JSON path.
void compare(const json& got, const json& want, const std::string& path, std::vector<std::string>& diffs)
{
    if (want.is_number() && got.is_number()) {
        const double a = got.get<double>(), b = want.get<double>();
        if (std::abs(a - b) > 1e-6 * std::max(std::abs(b), 1e-30))
            diffs.push_back(path + ": " + std::to_string(a) + " != " + std::to_string(b));
    } else if (want.is_array() && got.is_array() && want.size() == got.size()) {
        for (std::size_t i = 0; i < want.size(); ++i)
            compare(got[i], want[i], path + "[" + std::to_string(i) + "]", diffs);
    } else if (want.is_object() && got.is_object() && want.size() == got.size()) {
        for (const auto& [key, value] : want.items()) {
            if (got.contains(key))
                compare(got[key], value, path + "." + key, diffs);
            else
                diffs.push_back(path + "." + key + ": missing");
        }
    } else if (got != want) {
        diffs.push_back(path + ": " + got.dump().substr(0, 80) + " != " + want.dump().substr(0, 80));
    }
}

void check_outputs(const std::string& expected_file, const std::string& output)
{
    const json want = json::parse(repo_file(kDir + expected_file))["output"];
    std::vector<std::string> diffs;
    compare(json::parse(output), want, "output", diffs);
    for (const auto& d : diffs) MESSAGE(expected_file << ": " << d);
    CHECK_MESSAGE(diffs.empty(), expected_file);
}

json inputs_of(const std::string& expected_file)
{
    return json::parse(repo_file(kDir + expected_file))["inputs"];
}

// The session's model saved again: a file of the envelope, with the old file's metadata.
template <class Session>
std::string resaved(const Session& old)
{
    const std::string text = old.save(old.metadata_json());
    const json file = json::parse(text);
    CHECK(file["format"] == "helix");
    CHECK(file["version"] == 2);
    return text;
}

}  // namespace

TEST_CASE("saved models: sequence files (helix-model v1) load and predict as when they were saved")
{
    for (const std::string name : {"sequence-cnn-binding", "sequence-multimodal"}) {
        CAPTURE(name);
        const json in = inputs_of(name + ".expected.json");
        api::ModelSession old(repo_file(kDir + name + ".model.json"), "file");
        REQUIRE(old.ok());
        api::ModelSession s(resaved(old), "file");
        REQUIRE(s.ok());
        for (api::ModelSession* session : {&old, &s})
            check_outputs(name + ".expected.json",
                          session->predict_json(repo_file(kDir + in[0].get<std::string>())));
    }
}

TEST_CASE("saved models: a graph file (helix-graph-model v1) loads and predicts as when it was saved")
{
    const json in = inputs_of("graph-gcn-node.expected.json");
    api::GraphSession old(repo_file(kDir + "graph-gcn-node.model.json"), "file");
    REQUIRE(old.ok());
    api::GraphSession s(resaved(old), "file");
    REQUIRE(s.ok());
    for (api::GraphSession* session : {&old, &s}) {
        REQUIRE(json::parse(session->load(repo_file(kDir + in[0].get<std::string>()),
                                          repo_file(kDir + in[1].get<std::string>())))["errors"]
                    .empty());
        check_outputs("graph-gcn-node.expected.json", session->predict_json());
    }
}

TEST_CASE("saved models: an autoencoder file (helix-autoencoder v1) loads and encodes as when it was saved")
{
    const json in = inputs_of("autoencoder.expected.json");
    api::AutoencoderSession old(repo_file(kDir + "autoencoder.model.json"), "file");
    REQUIRE(old.ok());
    api::AutoencoderSession s(resaved(old), "file");
    REQUIRE(s.ok());
    for (api::AutoencoderSession* session : {&old, &s}) {
        REQUIRE(
            json::parse(session->load(repo_file(kDir + in[0].get<std::string>()), "", ""))["errors"].empty());
        check_outputs("autoencoder.expected.json", session->encode_json());
    }
}

TEST_CASE("saved models: a GAN file (helix-gan v1) loads, generates and samples as when it was saved")
{
    api::GanSession old(repo_file(kDir + "gan.model.json"), "file");
    REQUIRE(old.ok());
    api::GanSession s(resaved(old), "file");
    REQUIRE(s.ok());
    const json in = inputs_of("gan-sample.expected.json");
    for (api::GanSession* session : {&old, &s}) {
        check_outputs("gan.expected.json",
                      session->generate_from_noise(inputs_of("gan.expected.json")[0].dump()));
        check_outputs("gan-sample.expected.json", session->sample(in[0].get<int>(), in[1].dump()));
    }
}
