// core/api/simulate_api.cpp: see simulate_api.hpp.
#include "simulate_api.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "../data/simulate.hpp"
#include "../data/simulate_activity.hpp"
#include "../data/simulate_graphs.hpp"
#include "../data/simulate_multimodal.hpp"
#include "../data/simulate_multitask.hpp"
#include "../data/simulate_profile.hpp"
#include "../data/simulate_spacing.hpp"
#include "../data/simulate_splice_features.hpp"
#include "../data/simulate_transfer.hpp"

namespace helix::api {

using nlohmann::json;

const char* const kSimulationKinds =
    "motif-order, planted-motif, splice-features, multitask, multimodal, transfer-pretrain, "
    "transfer-finetune, spacing, activity, profile";

std::string simulate_json(const std::string& kind, const std::string& options_json)
{
    json errors = json::array();
    auto fail = [&](const std::string& field, const std::string& message) {
        errors.push_back({{"field", field}, {"message", field + ": " + message}});
    };
    json opt = json::parse(options_json, nullptr, false);
    if (opt.is_discarded() || !opt.is_object()) opt = json::object();
    auto size = [&](const char* key, std::size_t& out, std::size_t lo, std::size_t hi) {
        if (!opt.contains(key)) return;
        if (!opt[key].is_number_integer() || opt[key].get<long long>() < static_cast<long long>(lo) ||
            opt[key].get<long long>() > static_cast<long long>(hi))
            fail(key, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
        else
            out = opt[key].get<std::size_t>();
    };
    auto motif = [&](const char* key, std::string& out) {
        if (!opt.contains(key)) return;
        std::string m = opt[key].is_string() ? opt[key].get<std::string>() : "";
        bool ok = !m.empty() && m.size() <= 50;
        for (char& c : m) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            ok = ok && (c == 'A' || c == 'C' || c == 'G' || c == 'T');
        }
        if (!ok)
            fail(key, "must be 1 to 50 bases of A, C, G, T");
        else
            out = m;
    };
    auto seed = [&]() -> std::uint64_t {
        if (!opt.contains("seed")) return 1;
        if (!opt["seed"].is_number_integer() || opt["seed"].get<long long>() < 0) {
            fail("seed", "must be a non-negative integer");
            return 1;
        }
        return opt["seed"].get<std::uint64_t>();
    };
    auto fraction = [&](const char* key, double& out, double hi) {
        if (!opt.contains(key)) return;
        if (!opt[key].is_number() || opt[key].get<double>() < 0 || opt[key].get<double>() > hi)
            fail(key, "must be a number from 0 to " + std::to_string(hi).substr(0, 3));
        else
            out = opt[key].get<double>();
    };
    auto no_sequences = [&]() {
        if (opt.contains("length"))
            fail("length", "does not apply: '" + kind + "' makes a table of numbers, not sequences");
    };
    data::SequenceSet set;
    std::string table;  // set by the kinds whose rows are not a SequenceSet
    if (kind == "motif-order") {
        data::MotifOrderOptions o;
        size("count", o.count, 2, 100000);
        size("length", o.length, 10, 10000);
        size("minGap", o.min_gap, 0, 10000);
        motif("motifA", o.motif_a);
        motif("motifB", o.motif_b);
        o.seed = seed();
        if (errors.empty() && (o.motif_a.find(o.motif_b) != std::string::npos ||
                               o.motif_b.find(o.motif_a) != std::string::npos))
            fail("motifB", "must differ from motifA and neither may contain the other");
        if (errors.empty() && o.length < o.motif_a.size() + o.motif_b.size() + o.min_gap)
            fail("length", "must hold both motifs and the gap between them (" +
                               std::to_string(o.motif_a.size() + o.motif_b.size() + o.min_gap) + " bases)");
        if (errors.empty()) set = data::simulate_motif_order(o);
    } else if (kind == "planted-motif") {
        data::PlantedMotifOptions o;
        size("count", o.count, 2, 100000);
        size("length", o.length, 1, 10000);
        motif("motif", o.motif);
        if (opt.contains("motifFraction")) {
            if (!opt["motifFraction"].is_number() ||
                !(opt["motifFraction"].get<double>() >= 0.0 && opt["motifFraction"].get<double>() <= 1.0))
                fail("motifFraction", "must be a number from 0 to 1");
            else
                o.motif_fraction = opt["motifFraction"].get<double>();
        }
        o.seed = seed();
        if (errors.empty() && o.length < o.motif.size()) fail("length", "is shorter than the motif");
        if (errors.empty()) set = data::simulate_planted_motif(o);
    } else if (kind == "splice-features") {
        data::SpliceFeatureOptions o;
        size("count", o.count, 2, 100000);
        no_sequences();
        fraction("noise", o.noise, 0.5);
        o.seed = seed();
        if (errors.empty()) table = data::to_table(data::simulate_splice_features(o));
    } else if (kind == "multitask") {
        data::MultitaskOptions o;
        size("count", o.count, 2, 100000);
        size("length", o.length, data::multitask_min_length(), 10000);
        fraction("missing", o.missing, 0.9);
        o.seed = seed();
        if (errors.empty()) table = data::to_table(data::simulate_multitask(o));
    } else if (kind == "multimodal") {
        data::MultimodalOptions o;
        size("count", o.count, 2, 100000);
        size("length", o.length, 11, 10000);  // the GATA1 matrix's width
        fraction("noise", o.noise, 0.5);
        o.seed = seed();
        if (errors.empty()) table = data::to_table(data::simulate_multimodal(o));
    } else if (kind == "transfer-pretrain" || kind == "transfer-finetune") {
        data::TransferOptions o;
        if (kind == "transfer-finetune") o.count = 200;
        size("count", o.count, 2, 100000);
        size("length", o.length, data::multitask_min_length(), 10000);
        o.seed = seed();
        if (errors.empty())
            set = kind == "transfer-pretrain" ? data::simulate_transfer_pretrain(o)
                                              : data::simulate_transfer_finetune(o);
    } else if (kind == "spacing") {  // transformer-spacing: two sites in or out of a distance band
        data::SpacingOptions o;
        size("count", o.count, 2, 100000);
        size("length", o.length, data::spacing_min_length(o), 10000);
        fraction("oneSiteFraction", o.one_site_fraction, 1.0);
        o.seed = seed();
        if (errors.empty()) set = data::simulate_spacing(o);
    } else if (kind == "activity") {  // regression-activity: dev and hk targets, two replicates each
        data::ActivityOptions o;
        size("count", o.count, 2, 100000);
        size("length", o.length, data::activity_min_length(), 10000);
        fraction("noise", o.noise_sd, 5.0);
        o.seed = seed();
        if (errors.empty()) table = data::to_table(data::simulate_activity(o));
    } else if (kind == "profile") {  // bpnet-profile: per-base counts on both strands of a central window
        data::ProfileOptions o;
        size("count", o.count, 2, 20000);
        size("length", o.input_length, 100, 10000);
        size("outputLength", o.output_length, 120, 10000);  // room for 3 sites and their footprints
        o.seed = seed();
        if (errors.empty() && (o.output_length > o.input_length || (o.input_length - o.output_length) % 2))
            fail("outputLength",
                 "must be at most length, with length - outputLength even (a centred window)");
        if (errors.empty()) table = data::to_table(data::simulate_profile(o));
    } else {
        fail("kind", "'" + kind + "' is not one of: " + kSimulationKinds);
    }
    const std::string format =
        opt.contains("format") && opt["format"].is_string() ? opt["format"].get<std::string>() : "table";
    if (format != "table" && format != "fasta")
        fail("format", "'" + format + "' is not one of: table, fasta");
    if (!errors.empty()) return json{{"errors", errors}}.dump();
    if (table.empty() && format == "fasta")
        return json{{"errors", json::array()}, {"fasta", data::to_fasta(set)}}.dump();
    if (table.empty()) table = data::to_table(set);
    return json{{"errors", json::array()}, {"table", table}}.dump();
}

std::string simulate_graphs_json(const std::string& kind, const std::string& options_json)
{
    json errors = json::array();
    auto fail = [&](const std::string& field, const std::string& message) {
        errors.push_back({{"field", field}, {"message", field + ": " + message}});
    };
    json opt = json::parse(options_json, nullptr, false);
    if (opt.is_discarded() || !opt.is_object()) opt = json::object();
    auto size = [&](const char* key, auto& out, long long lo, long long hi) {
        if (!opt.contains(key) || opt[key].is_null()) return;
        if (!opt[key].is_number_integer() || opt[key].get<long long>() < lo || opt[key].get<long long>() > hi)
            fail(key, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
        else
            out = static_cast<std::remove_reference_t<decltype(out)>>(opt[key].get<long long>());
    };
    if (kind != "graph-motifs") {
        fail("kind", "'" + kind + "' is not one of: graph-motifs");
        return json{{"errors", errors}}.dump();
    }
    data::GraphMotifOptions o;
    size("count", o.count, 2, 100000);
    size("seed", o.seed, 0, 9007199254740991LL);
    size("minGenes", o.min_genes, 3, 1000);
    size("maxGenes", o.max_genes, 3, 1000);
    size("minMotifs", o.min_motifs, 1, 50);
    size("maxMotifs", o.max_motifs, 1, 50);
    if (errors.empty() && o.max_genes < o.min_genes) fail("maxGenes", "must be at least minGenes");
    if (errors.empty() && o.max_motifs < o.min_motifs) fail("maxMotifs", "must be at least minMotifs");
    if (!errors.empty()) return json{{"errors", errors}}.dump();
    const data::GraphTables t = data::to_graph_tables(data::simulate_motif_graphs(o));
    return json{{"errors", json::array()}, {"nodes", t.nodes}, {"edges", t.edges}}.dump();
}

}  // namespace helix::api
