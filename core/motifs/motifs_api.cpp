// core/motifs/motifs_api.cpp: see motifs_api.hpp.
#include "motifs_api.hpp"

#include <set>

#include "../api/json_errors.hpp"
#include "../data/sequences.hpp"
#include "../infer/evaluate.hpp"
#include "../spec/field_reader.hpp"
#include "filter_motifs.hpp"
#include "motif_compare.hpp"
#include "motif_file.hpp"

namespace helix::motifs {

using nlohmann::json;

namespace {

constexpr std::size_t kRandomSequences = 2000;
constexpr std::size_t kRandomLength = 100;  // for models that take any length

json failed(json errors, std::size_t more = 0)
{
    return {{"errors", std::move(errors)}, {"moreErrors", more}};
}

// Input errors of a pasted text `source` ("db", "sequences"), the field kept when the parser named one.
json located(const std::vector<data::InputError>& errors, const std::string& source)
{
    json out = api::input_errors_to_json(errors);
    for (auto& e : out)
        if (e["field"] == "") e["field"] = source;
    return out;
}

json columns_json(const std::vector<motifs::Column>& m)
{
    json out = json::array();
    for (const auto& c : m) out.push_back({c[0], c[1], c[2], c[3]});
    return out;
}

}  // namespace

std::string motifs_session_json(api::ModelSession& session, const std::string& options_json)
{
    if (!session.ok()) return failed(api::one_error("model", "model: the model was not built")).dump();
    const nn::Model& model = *session.model();

    json opt = json::parse(options_json, nullptr, false);
    if (opt.is_discarded()) return failed(api::one_error("options", "options: not valid JSON")).dump();
    std::vector<nn::SpecError> bad;
    spec::FieldReader read(opt, "", bad);
    std::string sequences_text, db_text, db_name = "motifs", method = "pearson";
    float threshold = 0.5f;
    std::size_t top = 3;
    std::uint64_t seed = 1;
    const bool has_sequences = read.has("sequences");
    const bool has_db = read.has("db");
    read.text("sequences", sequences_text);
    read.text("db", db_text);
    read.text("dbName", db_name);
    read.number("threshold", threshold, 0.0f, 1.0f, /*hi_open=*/true);
    read.size("top", top, 1, 1000);
    const std::set<std::string> methods{"pearson"};
    read.text("method", method, &methods);
    read.seed("seed", seed);
    read.reject_unknown();
    if (!has_db)
        bad.push_back({"db",
                       "db: a motif database (JASPAR or MEME text) is needed; the JS API and CLI supply "
                       "JASPAR 2020 CORE vertebrates"});
    if (!bad.empty()) return failed(api::spec_errors_to_json(bad)).dump();

    std::string why;
    const motifs::DnaConv conv = motifs::find_dna_conv(model, why);
    if (conv.layer.empty()) return failed(api::one_error("model", "model: " + why)).dump();

    auto db = motifs::parse_motif_file(db_text);
    if (!db.ok()) return failed(located(db.errors, "db"), db.more_errors).dump();

    std::vector<std::string> sequences;
    if (has_sequences) {
        data::TableOptions topt;  // DNA only: no labels, no feature columns are needed to read filters
        topt.require_labels = false;
        auto parsed = data::parse_sequences(sequences_text, topt);
        if (!parsed.ok()) return failed(located(parsed.errors, "sequences"), parsed.more_errors).dump();
        std::vector<data::InputError> errors;
        std::size_t more = 0;
        sequences = infer::fit_to_model(model, parsed.value, errors, more);
        if (!errors.empty()) return failed(located(errors, "sequences"), more).dump();
    } else {
        const std::size_t L =
            model.fixed_length() > 0 ? model.fixed_length() : std::max(kRandomLength, model.min_length());
        sequences = motifs::random_sequences(kRandomSequences, L, seed);
    }

    const auto motifs = motifs::filter_motifs(conv, sequences, threshold);
    json filters = json::array();
    for (const auto& m : motifs) {
        json matches = json::array();
        if (m.sites > 0)
            for (const auto& match : motifs::compare_with_database(m.pfm, db.value, top))
                matches.push_back({{"id", match.id},
                                   {"name", match.name},
                                   {"score", match.score},
                                   {"offset", match.offset},
                                   {"strand", std::string(1, match.strand)},
                                   {"overlap", match.overlap},
                                   {"z", match.z}});
        filters.push_back({{"index", m.index},
                           {"name", m.name},
                           {"sites", m.sites},
                           {"maxActivation", m.max_activation},
                           {"pfm", columns_json(m.pfm)},
                           {"ic", m.ic},
                           {"informationContent", m.information_content},
                           {"consensus", m.consensus},
                           {"reverseComplement", columns_json(m.reverse_complement)},
                           {"matches", std::move(matches)}});
    }
    json out = failed(json::array());
    out["layer"] = conv.layer;
    out["threshold"] = threshold;
    out["sequencesUsed"] = sequences.size();
    out["database"] = {{"name", db_name}, {"motifs", db.value.size()}};
    out["filters"] = std::move(filters);
    return out.dump();
}

}  // namespace helix::motifs
