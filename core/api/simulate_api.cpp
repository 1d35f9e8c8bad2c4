// core/api/simulate_api.cpp: see simulate_api.hpp.
#include "simulate_api.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "../data/simulate.hpp"
#include "../data/simulate_graphs.hpp"

namespace helix::api {

using nlohmann::json;

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
    data::SequenceSet set;
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
        o.seed = seed();
        if (errors.empty() && o.length < o.motif.size()) fail("length", "is shorter than the motif");
        if (errors.empty()) set = data::simulate_planted_motif(o);
    } else {
        fail("kind", "'" + kind + "' is not one of: motif-order, planted-motif");
    }
    if (!errors.empty()) return json{{"errors", errors}}.dump();
    return json{{"errors", json::array()}, {"table", data::to_table(set)}}.dump();
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
