// tests/core/test_autoencoder.cpp: autoencoder specs, the masked reconstruction loss's gradient, training on
// planted clusters (imputation beats per-gene means, the 2-D latent keeps clusters apart) and the model file.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/api/autoencoder_session.hpp"
#include "core/nn/autoencoder.hpp"
#include "gradcheck.hpp"

using namespace helix;
using helix::api::AutoencoderSession;
using helix::test::uniform;
using nlohmann::json;

namespace {

// 3 planted cell types over G genes: each type has its own mean profile in [0, 3); a cell is its type's
// profile plus noise of sd 0.3, clipped at 0. Labels name the type.
struct Planted {
    std::string matrix, labels;
};
Planted planted(std::size_t cells, std::size_t genes, std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<std::vector<float>> profile(3, std::vector<float>(genes));
    for (auto& p : profile)
        for (float& v : p) v = rng.uniform(0.0f, 3.0f);
    Planted out;
    out.matrix = "cell";
    for (std::size_t g = 0; g < genes; ++g) out.matrix += "\tg" + std::to_string(g);
    out.matrix += "\n";
    out.labels = "cell\ttype\n";
    for (std::size_t i = 0; i < cells; ++i) {
        const std::size_t type = rng.below(3);
        const std::string id = "cell" + std::to_string(i);
        out.matrix += id;
        for (std::size_t g = 0; g < genes; ++g)
            out.matrix += "\t" + std::to_string(std::max(0.0f, profile[type][g] + 0.3f * rng.normal()));
        out.matrix += "\n";
        out.labels += id + "\ttype" + std::to_string(type) + "\n";
    }
    return out;
}

const char* kDae = R"({"name": "dae", "type": "autoencoder",
  "encoder": [{"type": "dense", "units": 32, "activation": "relu"}], "latent": {"units": 8},
  "decoder": [{"type": "dense", "units": 32, "activation": "relu"}],
  "corruption": {"type": "mask", "rate": 0.2}, "reconstruction": "masked_mse",
  "imputation": {"mask_fraction": 0.1, "entries": "all"},
  "optimizer": {"type": "adam", "learning_rate": 0.003},
  "training": {"epochs": 40, "batch_size": 32, "patience": 8, "seed": 1}})";

const char* kMap = R"({"name": "map", "type": "autoencoder",
  "encoder": [{"type": "dense", "units": 32, "activation": "relu"}], "latent": {"units": 2},
  "decoder": [{"type": "dense", "units": 32, "activation": "relu"}],
  "optimizer": {"type": "adam", "learning_rate": 0.003},
  "training": {"epochs": 40, "batch_size": 32, "patience": 8, "seed": 1}})";

json train_all(AutoencoderSession& s)
{
    REQUIRE(json::parse(s.start_training("{}"))["errors"].empty());
    while (!s.training_finished()) s.train_step();
    return json::parse(s.training_summary());
}

}  // namespace

TEST_CASE("autoencoder spec: fields are checked one by one and unknown ones rejected")
{
    auto ok = nn::parse_autoencoder_spec_text(kDae);
    REQUIRE(ok.ok());
    CHECK(ok.spec.encoder.at(0).name == "encoder_0");
    CHECK(nn::parse_autoencoder_spec(nn::autoencoder_spec_to_json(ok.spec)).ok());
    CHECK(nn::autoencoder_spec_to_json(
              nn::parse_autoencoder_spec(nn::autoencoder_spec_to_json(ok.spec)).spec) ==
          nn::autoencoder_spec_to_json(ok.spec));
    auto messages = [](const char* text) {
        std::vector<std::string> m;
        for (const auto& e : nn::parse_autoencoder_spec_text(text).errors) m.push_back(e.message);
        return m;
    };
    CHECK(messages(R"({"type": "autoencoder", "latent": {"units": 2}, "encoder": [{"type": "conv1d"}]})")
              .at(0) ==
          "encoder[0].type: 'conv1d' is not one of: batch_norm, dense, dropout, layer_norm, relu, sigmoid, "
          "tanh");
    CHECK(messages(R"({"type": "autoencoder", "latent": {"units": 2, "size": 3}})").at(0) ==
          "latent.size: unknown field (check the spelling)");
    CHECK(messages(R"({"type": "autoencoder", "latent": {"units": 2}, "reconstruction": "masked_mse"})")
              .at(0) ==
          "reconstruction: masked_mse scores the entries the corruption hides: it needs \"corruption\": "
          "{\"type\": \"mask\", \"rate\": ...}");
    CHECK(messages(R"({"latent": {"units": 2}})").at(0) ==
          "type: missing; an autoencoder spec needs \"type\": \"autoencoder\"");
    CHECK(messages(R"({"type": "autoencoder", "latent": {"units": 2}, "imputation": {"entries": "some"}})")
              .at(0) == "imputation.entries: 'some' is not one of: all, nonzero");
    CHECK(messages("{\"type\": \n \"autoencoder\",}").at(0) ==
          "line 2, column 16: the autoencoder spec is not valid JSON");
}

TEST_CASE(
    "masked reconstruction loss: gradient matches finite differences through a dense layer; hidden-only")
{
    // mse(x w + b, target, hidden): what masked_mse training differentiates. Only hidden entries (1) count.
    Rng rng(11);
    const Tensor x = uniform({4, 5}, -1.0f, 1.0f, rng), w = uniform({5, 6}, -1.0f, 1.0f, rng);
    const Tensor b = uniform({6}, -0.5f, 0.5f, rng), target = uniform({4, 6}, 0.0f, 3.0f, rng);
    Tensor hidden = xt::zeros<float>(Shape{4, 6});
    for (std::size_t i = 0; i < hidden.size(); i += 3) hidden.data()[i] = 1.0f;
    auto loss = [&](const std::vector<Var>& v) {
        return ops::mse(ops::add_bias(ops::matmul(v[0], v[1]), v[2]), target, hidden);
    };
    CHECK(test::gradcheck(loss, {x, w, b}, /*eps=*/1e-2f, /*tol=*/2e-3f));
    // A prediction's gradient is zero where the entry was not hidden: the model is not taught the visible
    // entries.
    Var pred(uniform({4, 6}, 0.0f, 3.0f, rng), true);
    backward(ops::mse(pred, target, hidden));
    for (std::size_t i = 0; i < hidden.size(); ++i)
        if (hidden.data()[i] == 0.0f) CHECK(pred.grad().data()[i] == 0.0f);
}

TEST_CASE(
    "dae on planted cell types: hidden test entries imputed far better than per-gene means; file round trip")
{
    const Planted data = planted(/*cells=*/300, /*genes=*/30, /*seed=*/5);
    AutoencoderSession s(kDae, "spec");
    REQUIRE(s.ok());
    const json info = json::parse(s.load(data.matrix, data.labels, "type"));
    REQUIRE(info["errors"].empty());
    CHECK(info["split"] == json{{"train", 240}, {"validation", 30}, {"test", 30}});
    const json summary = train_all(s);
    const json eval = json::parse(s.evaluate_json());
    MESSAGE("planted dae: " << eval.dump());
    // The type explains ~90% of each entry's variance (profiles spread over [0, 3), noise sd 0.3).
    CHECK(eval["improvement"].get<double>() > 0.6);
    CHECK(eval["maskedMse"] == summary["test"]["maskedMse"]);
    CHECK(eval["hidden"].get<int>() > 50);

    const std::string file = s.save(R"({"note": "test"})");
    AutoencoderSession copy(file, "file");
    REQUIRE(copy.ok());
    CHECK(json::parse(copy.load(data.matrix, data.labels, "type"))["sameCells"] == true);
    CHECK(copy.evaluate_json() == s.evaluate_json());
    CHECK(copy.encode_json() == s.encode_json());
    CHECK(copy.save(R"({"note": "test"})") == file);
    CHECK(json::parse(copy.metadata_json())["note"] == "test");

    // New cells (another draw): every cell is a test cell.
    AutoencoderSession other(file, "file");
    const json fresh = json::parse(other.load(planted(60, 30, 5).matrix, "", "type"));
    CHECK(fresh["sameCells"] == false);
    CHECK(fresh["split"]["test"] == 60);
}

TEST_CASE(
    "2-D autoencoder on planted cell types: test cells' nearest neighbours in the latent map share their "
    "type")
{
    const Planted data = planted(300, 30, 7);
    AutoencoderSession s(kMap, "spec");
    REQUIRE(json::parse(s.load(data.matrix, data.labels, "type"))["errors"].empty());
    const json summary = train_all(s);
    MESSAGE("planted 2-D map: " << summary["latentKnn"].dump());
    CHECK(summary["latentKnn"]["accuracy"].get<double>() > 0.9);
    CHECK(summary["latentKnn"]["majorityRate"].get<double>() < 0.5);
    const json codes = json::parse(s.encode_json());
    CHECK(codes["codes"].size() == 300);
    CHECK(codes["codes"][0].size() == 2);
    CHECK(codes["labels"][0].get<std::string>().rfind("type", 0) == 0);
}

TEST_CASE("autoencoder session: input errors are values naming their source; a file checks its genes")
{
    AutoencoderSession s(kMap, "spec");
    CHECK(json::parse(s.start_training("{}"))["errors"][0]["message"] == "load a matrix before training");
    const json bad = json::parse(s.load("cell\tA\nc1\tone\n", "", "type"));
    CHECK(bad["source"] == "matrix");
    CHECK(bad["errors"][0]["line"] == 2);
    const Planted data = planted(30, 4, 1);
    const json labels = json::parse(s.load(data.matrix, "cell\ttype\nnobody\tx\n", "type"));
    CHECK(labels["source"] == "labels");
    CHECK(labels["errors"][0]["message"] == "line 2, column 1: id 'nobody' is not a row of the matrix");
    REQUIRE(json::parse(s.load(data.matrix, "", "type"))["errors"].empty());
    AutoencoderSession copy(s.save("{}"), "file");
    REQUIRE(copy.ok());
    const json missing = json::parse(copy.load("cell\tg0\tg1\tzz\nc1\t1\t2\t3\n", "", "type"));
    CHECK(missing["errors"][0]["message"] ==
          "line 1, column 1: the matrix lacks 2 of the model's 4 columns ('g2', 'g3')");
    AutoencoderSession broken("{\"format\": \"helix-model\", \"version\": 1}", "file");
    CHECK_FALSE(broken.ok());
}

TEST_CASE(
    "gaussian corruption with batch_norm, layer_norm and dropout layers: test reconstruction beats the gene "
    "means")
{
    const Planted data = planted(300, 30, 9);
    AutoencoderSession s(R"({"type": "autoencoder",
      "encoder": [{"type": "dense", "units": 32}, {"type": "batch_norm"}, {"type": "relu"}, {"type": "dropout", "rate": 0.1}],
      "latent": {"units": 4, "activation": "tanh"},
      "decoder": [{"type": "dense", "units": 32, "activation": "relu"}, {"type": "layer_norm"}],
      "corruption": {"type": "gaussian", "rate": 0.3},
      "optimizer": {"type": "adam", "learning_rate": 0.003}, "training": {"epochs": 30, "batch_size": 32, "seed": 3}})",
                         "spec");
    REQUIRE(s.ok());
    REQUIRE(json::parse(s.load(data.matrix, "", "type"))["errors"].empty());
    const json summary = train_all(s);
    // imputation of hidden entries with entries "all": the baseline is the gene mean, so the improvement is
    // also how much of the variance a clean reconstruction explains, roughly.
    MESSAGE("gaussian: " << summary["test"].dump());
    CHECK(summary["test"]["improvement"].get<double>() > 0.5);
    CHECK(summary["latentKnn"].is_null());  // no labels loaded
    const json params = json::parse(s.summary_json());
    CHECK(params["layers"].size() == 8);  // 4 encoder + latent + 2 decoder + reconstruction
}
