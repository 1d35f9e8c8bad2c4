// tests/core/test_bad_inputs.cpp: the native parsers over the bad-input corpus
// (tests/bad-inputs/manifest.json): each error case gives an error at the manifest's line / column / field
// holding its message, every error located (a line or a field); each accepted case reads, and reads as its
// clean twin. The JS API and CLI get the same corpus in tests/wasm/bad-inputs.test.mjs.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/api/json_errors.hpp"
#include "core/data/graph.hpp"
#include "core/data/matrix.hpp"
#include "core/data/sequences.hpp"
#include "core/interpret/variants.hpp"
#include "core/io/sequence_model_file.hpp"
#include "core/motifs/motif_file.hpp"
#include "core/nn/model.hpp"
#include "core/spec/sequence.hpp"
#include "repo_file.hpp"

using nlohmann::json;
using namespace helix;

namespace {

// One error, whichever parser gave it; line 0 when it names a field only.
struct Located {
    int line = 0, column = 0;
    std::string field, message;
};

// What a parser read (a digest, to compare an accepted case with its twin) and the errors it gave.
struct Outcome {
    json read;
    std::vector<Located> errors;
};

template <class T>
std::vector<Located> located(const data::Parsed<T>& parsed)
{
    std::vector<Located> out;
    for (const auto& e : parsed.errors) out.push_back({e.line, e.column, e.field, e.message});
    return out;
}

// As the JS API gets them (api::spec_errors_to_json): a text error's place read from its message.
std::vector<Located> located(const std::vector<nn::SpecError>& errors)
{
    std::vector<Located> out;
    for (const auto& e : errors) {
        const data::TextPlace at = e.field.empty() ? api::place_in_message(e.message) : data::TextPlace{0, 0};
        out.push_back({at.line, at.column, e.field, e.message});
    }
    return out;
}

const std::vector<std::string> kIntronFeatures = {"branch_point_distance", "log10_intron_length",
                                                  "donor_score", "acceptor_score", "gc_content"};

Outcome read_case(const json& item, const std::string& text)
{
    const std::string kind = item["kind"];
    Outcome out;
    if (kind == "fasta" || kind == "table" || kind == "numbers") {
        data::TableOptions opt;
        opt.require_labels = kind != "fasta";
        if (kind == "numbers") {
            opt.sequence = false;
            opt.feature_columns = kIntronFeatures;
        }
        auto parsed = data::parse_sequences(text, opt);
        out.read = {parsed.value.sequences, parsed.value.labels, parsed.value.features};
        out.errors = located(parsed);
    } else if (kind == "profile") {  // the bpnet-profile preset's table: two strands, a 200-position window
        data::TableOptions opt;
        opt.profile_columns = {"counts_plus", "counts_minus"};
        opt.profile_length = 200;
        auto parsed = data::parse_sequences(text, opt);
        out.read = {parsed.value.sequences, parsed.value.profiles};
        out.errors = located(parsed);
    } else if (kind == "matrix") {
        auto parsed = data::parse_matrix(text);
        out.read = {parsed.value.ids, parsed.value.columns, parsed.value.values};
        out.errors = located(parsed);
    } else if (kind == "graph") {
        const bool edges = item["table"] == "edges";
        const std::string other = repo_file("tests/bad-inputs/" + item["with"].get<std::string>());
        auto nodes = data::parse_graph_nodes(edges ? other : text, {});
        out.errors = located(nodes);
        if (nodes.ok()) {
            auto parsed = data::parse_graph_edges(edges ? text : other, nodes.value);
            out.errors = located(parsed);
            out.read = {nodes.value.ids, nodes.value.labels, nodes.value.edges};
        }
    } else if (kind == "motif") {
        auto parsed = motifs::parse_motif_file(text);
        for (const auto& m : parsed.value) out.read.push_back({m.id, m.columns});
        out.errors = located(parsed);
    } else if (kind == "model") {
        auto loaded = io::load_model(text);
        out.errors = located(loaded.errors);
        if (loaded.model) out.read = loaded.model->params().size();
    } else if (kind == "spec") {
        auto spec = nn::parse_spec_text(text);
        std::vector<nn::SpecError> errors = spec.errors;
        if (spec.ok()) nn::Model::build(spec.spec, errors);
        out.errors = located(errors);
        out.read = spec.ok() ? nn::spec_to_json(spec.spec) : json();
    } else if (kind == "variants") {
        auto parsed = interpret::parse_variants(text, {});
        for (const auto& v : parsed.value.variants)
            out.read.push_back({v.id, v.position, std::string(1, v.ref)});
        out.errors = located(parsed);
    }
    return out;
}

std::string describe(const std::vector<Located>& errors)
{
    std::string s;
    for (const auto& e : errors)
        s += "  {line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ", field '" +
             e.field + "'} " + e.message + "\n";
    return s;
}

}  // namespace

TEST_CASE("bad-input corpus: every native parser answers each file as the manifest says")
{
    const json manifest = json::parse(repo_file("tests/bad-inputs/manifest.json"));
    int checked = 0;
    for (const json& item : manifest["cases"]) {
        const std::string kind = item["kind"];
        const json surfaces = item.value("surfaces", json::array({"native"}));
        if (kind == "url" || std::find(surfaces.begin(), surfaces.end(), "native") == surfaces.end())
            continue;
        const std::string file = item["file"];
        CAPTURE(file);
        const Outcome got = read_case(item, repo_file("tests/bad-inputs/" + file));
        ++checked;
        if (item["expect"] == "accepted") {
            CHECK_MESSAGE(got.errors.empty(), describe(got.errors));
            if (item.contains("twin"))
                CHECK(got.read ==
                      read_case(item, repo_file("tests/bad-inputs/" + item["twin"].get<std::string>())).read);
            continue;
        }
        const json& want = item["expect"];
        // Motif errors get their field ("db") from the API that was given the text; natively it is "".
        const bool check_field = want.contains("field") && kind != "motif";
        const bool check_column = want.contains("column") && !item.value("binary", false);
        bool found = false;
        for (const Located& e : got.errors) {
            found = found || ((!want.contains("line") || e.line == want["line"]) &&
                              (!check_column || e.column == want["column"]) &&
                              (!check_field || e.field == want["field"]) &&
                              e.message.find(want["message"].get<std::string>()) != std::string::npos);
            CHECK_MESSAGE((e.line > 0 || !e.field.empty()),
                          ("an error without a line or a field: " + e.message));
        }
        CHECK_MESSAGE(found, ("expected " + want.dump() + " among\n" + describe(got.errors)));
        if (want.contains("count")) CHECK(got.errors.size() == want["count"].get<std::size_t>());
    }
    CHECK(checked >= 80);
}
