// tests/core/test_interpret_variants.cpp: the variant table's two layouts, its errors (line and column),
// and effects equal to predicting each allele.
#include <cmath>

#include "core/api/explain_api.hpp"
#include "core/infer/evaluate.hpp"
#include "core/interpret/variants.hpp"
#include "interpret_models.hpp"

using namespace helix;
using namespace helix::test;
using nlohmann::json;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_interpret_variants {

// The first error of parsing `text` as "line L, column C: message".
std::string first_error(const std::string& text, const std::vector<std::string>& features = {})
{
    auto parsed = interpret::parse_variants(text, features);
    REQUIRE_FALSE(parsed.ok());
    return parsed.errors[0].message;
}

TEST_CASE("variants: parsing errors name their line and column")
{
    const std::string head = "id\tsequence\tposition\tref\talt\n";
    CHECK(first_error(head + "v1\tACGTACGT\t3\tA\tT\n") ==
          "line 2, column 15: ref 'A' does not match the sequence at position 3 ('G', column 6)");
    CHECK(first_error(head + "v1\tACGTACGT\t9\tA\tT\n") ==
          "line 2, column 13: position 9 is outside the sequence (1..8)");
    CHECK(first_error(head + "v1\tACGTACGT\t0\tA\tT\n") ==
          "line 2, column 13: position 0 is outside the sequence (1..8)");
    CHECK(first_error(head + "v1\tACGTACGT\tx2\tA\tT\n") ==
          "line 2, column 13: position: 'x2' is not a whole number (1-based)");
    CHECK(first_error(head + "v1\tACGTACGT\t1\tA\tR\n") ==
          "line 2, column 17: alt: 'R' is not one base A, C, G or T");
    CHECK(first_error(head + "v1\tACGTACGT\t1\tAC\tT\n") ==
          "line 2, column 15: ref: 'AC' is not one base A, C, G or T");
    CHECK(first_error(head + "v1\tACGTACGT\t1\tA\tA\n") ==
          "line 2, column 17: alt 'A' is the same base as ref");
    CHECK(first_error(head + "v1\tACGJACGT\t1\tA\tT\n") ==
          "line 2, column 7: 'J' is not a DNA base (allowed: A, C, G, T, N in either case)");
    CHECK(first_error(head + "v1\tACGTACGT\t1\tA\n") ==
          "line 2, column 16: the 'alt' cell is missing (column 5 of the header)");
    CHECK(first_error(head + "v1\tACGTACGT\t2\tC\tG\n\nv2\tACGT\t1\tC\tG\n")
              .rfind("line 4, column 11: ref 'C'", 0) == 0);
    CHECK(first_error("id\tsequence\tposition\tref\n")
              .rfind("line 1, column 25: the header has no 'alt' column", 0) == 0);
    CHECK(first_error("id,ref_sequence\nv1,ACGT\n")
              .rfind("line 1, column 16: the header has no 'alt_sequence' column", 0) == 0);
    CHECK(first_error(head + "v1\tACGTACGT\t1\tA\tT\n", {"open"})
              .rfind("line 1, column 29: the header has no 'open' column", 0) == 0);
    CHECK(first_error("").rfind("line 1, column 1: no variants", 0) == 0);
    // Several errors are all reported.
    auto parsed = interpret::parse_variants(head + "a\tACGT\t9\tA\tT\nb\tACGT\t1\tG\tT\n", {});
    CHECK(parsed.errors.size() == 2);
}

TEST_CASE("variants: both layouts parse; CSV too")
{
    auto subs = interpret::parse_variants("ID\tSequence\tPosition\tRef\tAlt\nv1\tacgtacgt\t4\tt\tc\n", {});
    REQUIRE(subs.ok());
    CHECK(subs.value.variants[0].alt_sequence == "ACGCACGT");
    CHECK(subs.value.variants[0].position == 4);
    auto pairs = interpret::parse_variants("id,ref_sequence,alt_sequence\np1,ACGTAC,ACGAAC\n", {});
    REQUIRE(pairs.ok());
    CHECK(pairs.value.pairs);
    CHECK(pairs.value.variants[0].alt_sequence == "ACGAAC");
}

TEST_CASE("variants: scores are each allele's predicted probability, sorted by |difference|")
{
    api::ModelSession session(kSmallCnn, "spec");
    Rng rng(21);
    std::string text = "id\tsequence\tposition\tref\talt\n";
    std::vector<std::string> seqs;
    for (int i = 0; i < 12; ++i) {
        seqs.push_back(random_dna(30, rng));
        const std::size_t pos = 1 + rng.below(30);
        const char ref = seqs.back()[pos - 1];
        const char alt = ref == 'A' ? 'G' : 'A';
        text += "v" + std::to_string(i) + "\t" + seqs.back() + "\t" + std::to_string(pos) + "\t" + ref +
                "\t" + alt + "\n";
    }
    const json r = json::parse(api::variants_session_json(session, text, "{}"));
    REQUIRE_MESSAGE(r["errors"].empty(), r.dump());
    REQUIRE(r["variants"].size() == 12);
    double last = 1e9;
    for (const auto& v : r["variants"]) {
        const int i = std::stoi(v["id"].get<std::string>().substr(1));
        std::string alt = seqs[i];
        alt[v["position"].get<std::size_t>() - 1] = v["alt"].get<std::string>()[0];
        const auto p = infer::predict_probabilities(*session.model(), {seqs[i], alt}, {0, 1});
        CHECK(v["refScore"].get<double>() == doctest::Approx(p[0]).epsilon(1e-5));
        CHECK(v["altScore"].get<double>() == doctest::Approx(p[1]).epsilon(1e-5));
        CHECK(v["difference"].get<double>() == doctest::Approx(p[1] - p[0]).epsilon(1e-4));
        const double lo = std::log(p[1] / (1 - p[1])) - std::log(p[0] / (1 - p[0]));
        CHECK(v["logOddsRatio"].get<double>() == doctest::Approx(lo).epsilon(1e-3).scale(1.0));
        CHECK(v["line"].get<int>() == i + 2);
        CHECK(std::fabs(v["difference"].get<double>()) <= last);
        last = std::fabs(v["difference"].get<double>());
    }
}

TEST_CASE(
    "variants: API errors: the bad line and column, an unknown head, an unknown option, a too-short allele")
{
    api::ModelSession session(kSmallCnn, "spec");
    json r = json::parse(api::variants_session_json(
        session, "id\tsequence\tposition\tref\talt\nv\tACGTACGTAC\t3\tA\tT\n", "{}"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["line"] == 2);
    CHECK(r["errors"][0]["column"] == 16);
    CHECK(r["errors"][0]["field"] == "ref");
    r = json::parse(
        api::variants_session_json(session, "id\tref_sequence\talt_sequence\np\tACGTACGTAC\tACG\n", "{}"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "alt_sequence");
    CHECK(r["errors"][0]["column"] == 14);
    r = json::parse(api::variants_session_json(session, "x", R"({"head": "nope", "steps": 3})"));
    REQUIRE(r["errors"].size() == 2);
    CHECK(r["errors"][0]["field"] == "steps");  // options are reported in key order
    CHECK(r["errors"][1]["field"] == "head");
    CHECK(r["errors"][1]["message"] == "head: 'nope' is not a head of this model (heads: label)");
}

}  // namespace test_interpret_variants
