// core/api/simulate_api.hpp: the simulators (core/data/simulate) as text in, JSON text out, for the
// bindings: {"errors": [...], "table": "id\tsequence\tlabel\n..."}.
#pragma once

#include <string>

namespace helix::api {

// kind: "motif-order" or "planted-motif"; options: {"count", "length", "seed", "motifA", "motifB",
// "motif", "minGap"}, each optional.
std::string simulate_json(const std::string& kind, const std::string& options_json);

// Simulated graphs for graph classification (core/data/simulate_graphs.hpp): kind "graph-motifs"; options
// {"count", "seed", "minGenes", "maxGenes", "minMotifs", "maxMotifs"}, each optional.
// {"errors": [...], "nodes": "node\tgraph\tlabel\n...", "edges": "source\ttarget\n..."}.
std::string simulate_graphs_json(const std::string& kind, const std::string& options_json);

}  // namespace helix::api
