// tests/core/test_interpret_targets.cpp: which score is explained (head by name, K-class class, logit or
// probability), features held for multimodal models, and the explain API's JSON and errors.
#include <cmath>

#include "core/api/explain_api.hpp"
#include "core/interpret/saliency.hpp"
#include "interpret_models.hpp"

using namespace helix;
using namespace helix::test;
using nlohmann::json;

namespace {

json explain(api::ModelSession& s, const std::string& text, const std::string& options)
{
    return json::parse(api::explain_session_json(s, text, options));
}

}  // namespace

TEST_CASE("explain: K-class heads explain the predicted class by default, or the class asked for")
{
    api::ModelSession session(kThreeClasses, "spec");
    REQUIRE(session.ok());
    Rng rng(5);
    const std::string seq = random_dna(40, rng);
    const json predicted = json::parse(session.predict_json(seq + "\n"))["predictions"][0];
    json r = explain(session, seq + "\n", R"({"method": "ism", "output": "probability"})");
    REQUIRE_MESSAGE(r["errors"].empty(), r.dump());
    const json& e = r["explanations"][0];
    CHECK(e["class"] == predicted["class"]);
    CHECK(e["score"].get<double>() ==
          doctest::Approx(predicted["probabilities"][predicted["class"].get<int>()].get<double>())
              .epsilon(1e-5));
    for (int k = 0; k < 3; ++k) {
        r = explain(session, seq + "\n",
                    R"({"method": "saliency", "output": "probability", "class": )" + std::to_string(k) + "}");
        REQUIRE(r["errors"].empty());
        CHECK(r["explanations"][0]["class"] == k);
        CHECK(r["explanations"][0]["score"].get<double>() ==
              doctest::Approx(predicted["probabilities"][k].get<double>()).epsilon(1e-5));
    }
    r = explain(session, seq + "\n", R"({"class": 3})");
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["message"] == "class: 3 is not a class index of the head 'label' (0..2)");
}

TEST_CASE("explain: a multi-head model explains the head named; an unknown head lists the heads")
{
    api::ModelSession session(kTwoHeads, "spec");
    REQUIRE(session.ok());
    Rng rng(7);
    const std::string seq = random_dna(30, rng);
    const json p = json::parse(session.predict_json(seq + "\n"))["predictions"][0]["heads"];
    for (const char* head : {"a", "b"}) {
        json r = explain(session, seq + "\n",
                         std::string(R"({"method": "ig", "steps": 20, "output": "probability", "head": ")") +
                             head + "\"}");
        REQUIRE_MESSAGE(r["errors"].empty(), r.dump());
        CHECK(r["head"] == head);
        CHECK(r["explanations"][0]["score"].get<double>() ==
              doctest::Approx(p[head]["probability"].get<double>()).epsilon(1e-5));
    }
    CHECK(explain(session, seq + "\n", "{}")["head"] == "a");
    json r = explain(session, seq + "\n", R"({"head": "c"})");
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "head");
    CHECK(r["errors"][0]["message"] == "head: 'c' is not a head of this model (heads: a, b)");
    r = explain(session, seq + "\n", R"({"class": 1})");
    CHECK(r["errors"][0]["field"] == "class");
}

TEST_CASE("explain: a multimodal model holds each record's features; a features-only model is refused")
{
    api::ModelSession session(kMultimodal, "spec");
    REQUIRE(session.ok());
    Rng rng(4);
    const std::string seq = random_dna(30, rng);
    const std::string table =
        "id\tsequence\topen\tcons\nr1\t" + seq + "\t0.1\t0.9\nr2\t" + seq + "\t0.8\t-0.5\n";
    const json p = json::parse(session.predict_json(table))["predictions"];
    json r = explain(session, table, R"({"method": "ism", "output": "probability"})");
    REQUIRE_MESSAGE(r["errors"].empty(), r.dump());
    for (int i = 0; i < 2; ++i)
        CHECK(r["explanations"][i]["score"].get<double>() ==
              doctest::Approx(p[i]["probability"].get<double>()).epsilon(1e-5));
    CHECK(r["explanations"][0]["score"] != r["explanations"][1]["score"]);
    r = explain(session, seq + "\n", "{}");  // no feature columns
    CHECK_FALSE(r["errors"].empty());

    api::ModelSession features(
        R"({"name": "f", "inputs": [{"name": "t", "type": "features", "columns": ["a"]}],
      "layers": [{"type": "dense", "name": "out", "units": 1}]})",
        "spec");
    REQUIRE(features.ok());
    r = explain(features, "a\n1\n", "{}");
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "model");
}

TEST_CASE("explain: the JSON of each method, options checked field by field")
{
    api::ModelSession session(kSmallCnn, "spec");
    const std::string fasta = ">s1\nACGTACGTACGTAGATAAGGCT\n>s2\nTTTTGGGGCCCCAAAATTTT\n";
    json r = explain(session, fasta, R"({"method": "ism"})");
    REQUIRE_MESSAGE(r["errors"].empty(), r.dump());
    CHECK(r["method"] == "ism");
    CHECK(r["output"] == "logit");
    REQUIRE(r["explanations"].size() == 2);
    CHECK(r["explanations"][1]["id"] == "s2");
    CHECK(r["explanations"][0]["ism"].size() == 22);
    CHECK(r["explanations"][0]["ism"][0][0] == 0.0);  // A at position 1: its own entry
    CHECK(r["explanations"][0]["attributions"].size() == 22);
    r = explain(session, fasta, R"({"method": "ig", "baseline": "shuffled", "shuffles": 2, "steps": 10})");
    REQUIRE(r["errors"].empty());
    CHECK(r["explanations"][0].contains("delta"));
    CHECK(r["explanations"][0].contains("baselineScore"));
    CHECK_FALSE(r["explanations"][0].contains("ism"));
    r = explain(
        session, fasta,
        R"({"method": "deeplift", "steps": 0, "baseline": "zeros", "seed": -1, "colour": 1, "output": "odds"})");
    std::vector<std::string> fields;
    for (const auto& e : r["errors"]) fields.push_back(e["field"]);
    CHECK(fields == std::vector<std::string>{"colour", "method", "output", "baseline", "steps", "seed"});
    r = explain(session, "not json", "{");
    CHECK(r["errors"][0]["field"] == "options");
    r = explain(session, ">s\nACGJ\n", "{}");
    CHECK(r["errors"][0]["line"] == 2);
    r = explain(session, ">s\nACG\n", "{}");  // shorter than the kernel
    CHECK_FALSE(r["errors"].empty());
}

TEST_CASE("explain: the model is unchanged afterwards and still trains")
{
    api::ModelSession session(kSmallCnn, "spec");
    const std::vector<Tensor> before = session.model()->weights();
    const std::string fasta = ">s1\nACGTACGTACGTAGATAAGGCTACGTAGGT\n";
    for (const char* method : {"saliency", "ig", "ism"})
        REQUIRE(explain(session, fasta, std::string(R"({"method": ")") + method + "\"}")["errors"].empty());
    const std::vector<Tensor> after = session.model()->weights();
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(before[i] == after[i]);
    Rng rng(1);
    std::string table = "sequence\tlabel\n";
    for (int i = 0; i < 300; ++i) {
        std::string s = random_dna(30, rng);
        if (i % 2) s.replace(rng.below(24), 6, "GATAAG");
        table += s + "\t" + std::to_string(i % 2) + "\n";
    }
    const json summary = train_session(session, table, R"({"seed": 1})");
    CHECK(summary["test"]["accuracy"].get<double>() > 0.8);
    CHECK(session.model()->weights()[0] != before[0]);
}
