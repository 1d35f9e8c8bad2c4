// tests/core/test_gan.cpp: the DNA GAN: its spec, its layers' shapes, adversarial steps, sampling, the model
// file and the session's errors. The motif-enrichment floor is tested end to end in tests/wasm/gan.test.mjs.
#include <doctest/doctest.h>

#include <cmath>

#include "core/api/gan_session.hpp"
#include "core/data/base_composition.hpp"
#include "core/io/gan_file.hpp"
#include "core/motifs/motif_enrichment.hpp"
#include "core/nn/gan.hpp"
#include "core/nn/model.hpp"
#include "core/train/gan_task.hpp"
#include "core/train/training_run.hpp"

using namespace helix;
using nlohmann::json;

namespace {

// A small GAN for sequences of 12 bases: noise 8 -> dense 6x8 -> upsample x2 -> conv -> softmax.
json small_spec()
{
    return json::parse(R"({
      "name": "tiny-gan", "type": "gan", "length": 12, "noise": 8,
      "generator": {"layers": [
          {"type": "dense", "units": 48, "activation": "relu"},
          {"type": "reshape", "target_shape": [6, 8]},
          {"type": "upsample1d", "size": 2},
          {"type": "conv1d", "filters": 4, "kernel_size": 3, "padding": "same"},
          {"type": "softmax"}],
        "optimizer": {"type": "adam", "learning_rate": 0.005, "beta1": 0.5}},
      "discriminator": {"layers": [
          {"type": "conv1d", "filters": 8, "kernel_size": 3, "activation": "relu"},
          {"type": "global_max_pool"},
          {"type": "dense", "units": 1}],
        "optimizer": {"type": "adam", "learning_rate": 0.005, "beta1": 0.5}},
      "training": {"epochs": 5, "batch_size": 16, "seed": 3}})");
}

std::unique_ptr<nn::Gan> build(const json& j)
{
    nn::GanSpecResult r = nn::parse_gan_spec(j);
    REQUIRE(r.ok());
    std::vector<nn::SpecError> errors;
    auto gan = nn::Gan::build(r.spec, errors);
    REQUIRE(errors.empty());
    return gan;
}

std::string first_error(const json& j)
{
    nn::GanSpecResult r = nn::parse_gan_spec(j);
    if (!r.ok()) return r.errors[0].message;
    std::vector<nn::SpecError> errors;
    auto gan = nn::Gan::build(r.spec, errors);
    return errors.empty() ? "" : errors[0].message;
}

std::vector<std::string> repeated(const std::string& s, std::size_t n)
{
    return std::vector<std::string>(n, s);
}

}  // namespace

TEST_CASE("gan spec: parses, round-trips through JSON, and names the field of each mistake")
{
    nn::GanSpecResult r = nn::parse_gan_spec(small_spec());
    REQUIRE(r.ok());
    CHECK(r.spec.length == 12);
    CHECK(r.spec.generator.layers[1].target_shape == std::vector<std::size_t>{6, 8});
    CHECK(r.spec.discriminator.optimizer.beta1 == 0.5f);
    CHECK(nn::parse_gan_spec(nn::gan_spec_to_json(r.spec)).ok());
    CHECK(nn::gan_spec_to_json(nn::parse_gan_spec(nn::gan_spec_to_json(r.spec)).spec) ==
          nn::gan_spec_to_json(r.spec));

    json j = small_spec();
    j["training"]["d_stepz"] = 2;
    CHECK(first_error(j) == "training.d_stepz: unknown field (check the spelling)");
    j = small_spec();
    j["generator"]["layers"][2]["size"] = 0;
    CHECK(first_error(j) == "generator.layers[2].size: must be an integer ≥ 1, got 0");
    j = small_spec();
    j["generator"]["layers"][1]["target_shape"] = {5, 8};
    CHECK(first_error(j) ==
          "generator.layers[1] (reshape_1): target_shape holds 40 values but its input has 48");
    j = small_spec();
    j["generator"]["layers"].erase(4);
    CHECK(first_error(j).rfind("generator.layers: the last layer must be {\"type\": \"softmax\"}", 0) == 0);
    j = small_spec();
    j["length"] = 14;
    CHECK(first_error(j) ==
          "generator.layers: the generator gives (12, 4) per sample but sequences of length 14 need (14, 4)");
    j = small_spec();
    j["discriminator"]["layers"][2]["units"] = 2;
    CHECK(first_error(j).rfind("discriminator.layers: the discriminator must end in one logit", 0) == 0);
    j = small_spec();
    j["generator"]["layers"][1].erase("target_shape");
    CHECK(first_error(j) ==
          "generator.layers[1].target_shape: missing: the shape to lay the input out as, e.g. [25, 32]");
    j = small_spec();
    j.erase("type");
    CHECK(first_error(j) == "type: missing; a GAN spec needs \"type\": \"gan\"");
    CHECK(nn::parse_gan_spec_text("{\n  \"name\": }").errors[0].message ==
          "line 2, column 11: the GAN spec is not valid JSON");
}

TEST_CASE("sequential models: a last softmax layer is refused, since the loss applies it")
{
    nn::SpecResult r = nn::parse_spec(json::parse(R"({"layers": [{"type": "global_max_pool"},
        {"type": "dense", "units": 3}, {"type": "softmax"}], "loss": "softmax_cross_entropy"})"));
    REQUIRE(r.ok());
    std::vector<nn::SpecError> errors;
    CHECK(nn::Model::build(r.spec, errors) == nullptr);
    CHECK(errors[0].message ==
          "layers[2]: remove the softmax layer: the loss softmax_cross_entropy applies it to the "
          "last layer's outputs");
}

TEST_CASE("gan: the generator gives per-position probabilities; the discriminator one logit per sequence")
{
    auto gan = build(small_spec());
    Rng rng(1);
    Tensor p = gan->generate(gan->noise(5, rng), false, rng).value();
    REQUIRE(shape_of(p) == Shape{5, 12, 4});
    for (std::size_t i = 0; i < 5 * 12; ++i) {
        const float* row = p.data() + i * 4;
        CHECK(row[0] + row[1] + row[2] + row[3] == doctest::Approx(1.0f).epsilon(1e-5));
    }
    CHECK(gan->discriminate(Var(p), false, rng).shape() == Shape{5, 1});
    CHECK(gan->params().front()->name == "generator.dense_0.weight");
    CHECK(gan->params().back()->name == "discriminator.dense_2.bias");
    CHECK(gan->summary_json()["generator"]["layers"][2]["output"] == json{12, 8});
}

TEST_CASE("gan trainer: with the generator held still, the discriminator's loss falls")
{
    json j = small_spec();
    j["generator"]["optimizer"]["learning_rate"] = 1e-8;  // a fixed generator: D alone learns
    auto gan = build(j);
    nn::GanTrainingSpec t = gan->spec().training;
    t.steps = 60;
    train::GanTask task(*gan, repeated("ACGTACGTACGT", 64), t, gan->spec().discriminator.optimizer,
                        gan->spec().generator.optimizer);
    train::TrainingRun run(task, task.run_options());
    std::vector<double> d;
    while (!run.finished()) {
        json s = run.step();
        REQUIRE(s["type"] == (run.finished() || s["batch"] == s["batches"] ? "epoch" : "batch"));
        REQUIRE(s["step"] == d.size() + 1);
        for (const char* k : {"dLoss", "gLoss", "dReal", "dFake"}) REQUIRE(s[k].is_number());
        d.push_back(s["dLoss"].get<double>());
    }
    REQUIRE(d.size() == 60);
    CHECK(d.front() > 1.0);  // about 2 log 2 = 1.39 for an untrained D
    CHECK(d.back() < 0.5 * d.front());
    json summary = run.summary();
    CHECK(summary["stepsRun"] == 60);
    CHECK(summary["history"].size() == 60);
    CHECK(summary["cancelled"] == false);
}

TEST_CASE("gan trainer: the generator learns a fixed sequence; same seed, same run")
{
    auto train_and_sample = [](std::uint64_t seed) {
        auto gan = build(small_spec());
        nn::GanTrainingSpec t = gan->spec().training;
        t.seed = seed;
        t.steps = 500;
        train::GanTask task(*gan, repeated("AAAACCCCGGGG", 64), t, gan->spec().discriminator.optimizer,
                            gan->spec().generator.optimizer, "CCCC");
        train::TrainingRun run(task, task.run_options());
        json last;
        while (!run.finished()) last = run.step();
        json summary = run.summary();
        return std::make_pair(summary, gan->sample(200, 7, 1.0f));
    };
    auto [summary, samples] = train_and_sample(3);
    auto composition = data::base_composition(samples);
    CHECK(composition[0][0] > 0.8);   // A at the first position
    CHECK(composition[11][2] > 0.8);  // G at the last
    CHECK(summary["enrichment"]["motif"] == "CCCC");
    // CCCC is common in shuffles of AAAACCCCGGGG too (about 1 in 3): the ratio is modest, the carriers many.
    CHECK(summary["enrichment"]["withMotif"].get<int>() > 700);
    CHECK(summary["enrichment"]["ratio"].get<double>() > 2.0);
    auto [again, samples_again] = train_and_sample(3);
    CHECK(again["history"] == summary["history"]);
    CHECK(samples_again == samples);
    CHECK(train_and_sample(4).first["history"] != summary["history"]);
}

TEST_CASE("gan sample: seeded; temperature 0 takes the most probable base, draws follow the probabilities")
{
    auto gan = build(small_spec());
    Tensor p;
    auto drawn = gan->sample(300, 5, 1.0f, &p);
    CHECK(drawn == gan->sample(300, 5, 1.0f));
    CHECK(drawn != gan->sample(300, 6, 1.0f));
    auto argmax = gan->sample(300, 5, 0.0f);
    REQUIRE(argmax.size() == 300);
    std::size_t agree = 0, total = 0;
    double expected = 0.0;
    for (std::size_t i = 0; i < 300; ++i)
        for (std::size_t l = 0; l < 12; ++l) {
            const float* row = p.data() + (i * 12 + l) * 4;
            const std::size_t best = std::max_element(row, row + 4) - row;
            CHECK(argmax[i][l] == "ACGT"[best]);
            agree += drawn[i][l] == "ACGT"[best];
            expected += row[best];
            ++total;
        }
    // Drawn bases agree with the argmax as often as the argmax's probability says (binomial, n = 3600).
    CHECK(static_cast<double>(agree) == doctest::Approx(expected).epsilon(0.05));
}

TEST_CASE("gan file: save and load round-trip the weights exactly; bad files name the field")
{
    auto gan = build(small_spec());
    nn::GanTrainingSpec t = gan->spec().training;
    t.steps = 5;
    train::GanTask task(*gan, repeated("ACGTACGTACGT", 32), t, gan->spec().discriminator.optimizer,
                        gan->spec().generator.optimizer);
    train::TrainingRun run(task, task.run_options());
    while (!run.finished()) run.step();
    const std::string file = io::save_gan(*gan, {{"data", "x.fa"}});
    io::LoadedGan loaded = io::load_gan(file);
    REQUIRE(loaded.errors.empty());
    const auto a = gan->weights(), b = loaded.gan->weights();
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i] == b[i]);
    CHECK(loaded.metadata["data"] == "x.fa");
    CHECK(loaded.gan->sample(20, 1, 1.0f) == gan->sample(20, 1, 1.0f));
    CHECK(io::save_gan(*loaded.gan, {{"data", "x.fa"}}) == file);

    json broken = json::parse(file);
    broken["weights"].erase("generator.dense_0.bias");
    CHECK(io::load_gan(broken.dump()).errors[0].field == "weights.generator.dense_0.bias");
    broken = json::parse(file);
    broken["format"] = "helix-model";
    CHECK(io::load_gan(broken.dump()).errors[0].message ==
          "format: expected \"helix-gan\"; this file is not a Helix GAN but a \"helix-model\" file");
}

TEST_CASE("motif enrichment: overlapping counts, both strands, shuffles keep composition")
{
    CHECK(motifs::count_occurrences("AAAA", "AA") == 3);
    CHECK(data::reverse_complement("TGATAA") == "TTATCA");
    std::vector<std::string> seqs = repeated("CCTGATAACC", 50);
    // A shuffle of CCTGATAACC spells TGATAA with probability 5 / 12600: about 4 times in 200 rounds of 50.
    auto e = motifs::motif_enrichment(seqs, "TGATAA", false, /*shuffles=*/200, /*seed=*/1);
    CHECK(e.observed == 50);
    CHECK(e.with_motif == 50);
    CHECK(e.shuffled > 0.0);
    CHECK(e.shuffled < 0.1);
    CHECK(e.ratio == doctest::Approx(50.0 / e.shuffled));
    CHECK(motifs::motif_enrichment(seqs, "TTATCA", true).observed == 50);
    auto none = motifs::motif_enrichment(repeated("CCCCCCCC", 10), "TGATAA");
    CHECK(none.observed == 0);
    CHECK(std::isnan(none.ratio));
    CHECK(motifs::enrichment_json(none, "TGATAA")["ratio"].is_null());
}

TEST_CASE("gan session: wrong-length sequences are errors naming their line; sampling and enrichment as JSON")
{
    api::GanSession bad("{\"type\": \"gan\"}", "spec");
    CHECK(!bad.ok());
    CHECK(json::parse(bad.errors_json())[0]["field"] == "generator");

    api::GanSession s(small_spec().dump(), "spec");
    REQUIRE(s.ok());
    json r = json::parse(s.start_training(">a\nACGTACGTACGT\n>b\nACGTACGT\n", "{}"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["message"] ==
          "line 3, column 1: 'b' has 8 bases; this GAN generates and learns from sequences of exactly 12");
    r = json::parse(s.start_training(">a\nACGTACGTACGT\n", "{\"motif\": \"ACXT\"}"));
    CHECK(r["errors"][0]["field"] == "motif");
    r = json::parse(
        s.start_training("ACGTACGTACGT\nACGTACGTACGT\n", "{\"steps\": 3, \"seed\": 2, \"motif\": \"acgt\"}"));
    REQUIRE(r["errors"].empty());
    CHECK(r["steps"] == 3);
    while (!s.training_finished()) {
        const json e = json::parse(s.train_step());
        CHECK((e["type"] == "batch" || e["type"] == "epoch"));
        CHECK(e["steps"] == 3);
    }
    json summary = json::parse(s.training_summary());
    CHECK(summary["stepsRun"] == 3);
    CHECK(summary["enrichment"]["motif"] == "ACGT");

    json sample = json::parse(s.sample(10, "{\"seed\": 4}"));
    REQUIRE(sample["sequences"].size() == 10);
    CHECK(sample["composition"].size() == 12);
    CHECK(json::parse(s.sample(0, "{}"))["errors"][0]["field"] == "count");
    json e = json::parse(s.motif_enrichment("ACGT", 50, "{\"strands\": \"both\"}"));
    CHECK(e["strands"] == "both");
    CHECK(e["sequences"] == 50);

    r = json::parse(s.start_training("ACGTACGTACGT\nACGTACGTACGT\n", "{\"steps\": 10}"));
    REQUIRE(r["errors"].empty());
    s.train_step();
    s.cancel_training();
    CHECK(s.training_finished());
    summary = json::parse(s.training_summary());
    CHECK(summary["cancelled"] == true);
    CHECK(summary["stepsRun"] == 1);

    api::GanSession copy(s.save("{}"), "file");
    REQUIRE(copy.ok());
    CHECK(copy.sample(10, "{\"seed\": 4}") == s.sample(10, "{\"seed\": 4}"));
}

TEST_CASE("gan session: generate_from_noise is the generator on the given noise; bad noise names its cell")
{
    api::GanSession s(small_spec().dump(), "spec");
    REQUIRE(s.ok());
    auto gan = build(small_spec());  // the same spec and seed: the same initial weights
    REQUIRE(gan);
    Rng rng(9);
    const Tensor z = gan->noise(3, rng);
    json rows = json::array();
    for (std::size_t i = 0; i < 3; ++i) {
        json row = json::array();
        for (std::size_t j = 0; j < z.shape()[1]; ++j) row.push_back(z(i, j));
        rows.push_back(row);
    }
    const Tensor p = gan->generate(z, false, rng).value();
    json r = json::parse(s.generate_from_noise(rows.dump()));
    REQUIRE(r["errors"].empty());
    REQUIRE(r["probabilities"].size() == 3);
    REQUIRE(r["probabilities"][0].size() == p.shape()[1]);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t l = 0; l < p.shape()[1]; ++l) {
            double total = 0;
            for (std::size_t k = 0; k < 4; ++k) {
                CHECK(r["probabilities"][i][l][k].get<float>() == p(i, l, k));
                total += p(i, l, k);
            }
            CHECK(total == doctest::Approx(1.0).epsilon(1e-5));
        }
    // Different noise, different probabilities (the noise is used).
    rows[0][0] = rows[0][0].get<double>() + 3.0;
    CHECK(json::parse(s.generate_from_noise(rows.dump()))["probabilities"][0] != r["probabilities"][0]);

    CHECK(json::parse(s.generate_from_noise("{}"))["errors"][0]["field"] == "noise");
    CHECK(json::parse(s.generate_from_noise("[]"))["errors"][0]["field"] == "noise");
    rows[1] = json::array({1.0});
    rows[2][1] = "x";
    json e = json::parse(s.generate_from_noise(rows.dump()))["errors"];
    REQUIRE(e.size() == 2);
    CHECK(e[0]["field"] == "noise[1]");
    CHECK(e[1]["field"] == "noise[2][1]");
}
