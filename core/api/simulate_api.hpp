// core/api/simulate_api.hpp: the simulators (core/data/simulate) as text in, JSON text out, for the
// bindings: {"errors": [...], "table": "id\tsequence\tlabel\n..."}.
#pragma once

#include <string>

namespace helix::api {

// The kinds, as listed in the error for an unknown one.
extern const char* const kSimulationKinds;

// kind and its options (each optional; an option a kind does not read is ignored, except "length" for
// splice-features, which has no sequences):
//   motif-order        {"count", "length", "seed", "motifA", "motifB", "minGap"}
//   planted-motif      {"count", "length", "seed", "motif", "motifFraction" (share of carriers)}
//   splice-features    {"count", "seed", "noise"}: intron features and label
//   multitask          {"count", "length", "seed", "missing"}: sequence, gata1, tal1
//   multimodal         {"count", "length", "seed", "noise"}: sequence, accessibility, conservation, label
//   transfer-pretrain  {"count", "length", "seed"}: sequence, label (GATA1 present)
//   transfer-finetune  {"count" (default 200), "length", "seed"}: sequence, label (GATA1 AND TAL1)
// (core/data/simulate_splice_features, simulate_multitask, simulate_multimodal, simulate_transfer).
// "format": "fasta" (sequence kinds) answers "fasta" (data::to_fasta) instead of "table".
std::string simulate_json(const std::string& kind, const std::string& options_json);

// Simulated graphs for graph classification (core/data/simulate_graphs.hpp): kind "graph-motifs"; options
// {"count", "seed", "minGenes", "maxGenes", "minMotifs", "maxMotifs"}, each optional.
// {"errors": [...], "nodes": "node\tgraph\tlabel\n...", "edges": "source\ttarget\n..."}.
std::string simulate_graphs_json(const std::string& kind, const std::string& options_json);

}  // namespace helix::api
