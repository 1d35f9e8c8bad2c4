// core/api/simulate_api.hpp: the simulators (core/data/simulate) as text in, JSON text out, for the
// bindings: {"errors": [...], "table": "id\tsequence\tlabel\n..."}.
#pragma once

#include <string>

namespace helix::api {

// kind: "motif-order" or "planted-motif"; options: {"count", "length", "seed", "motifA", "motifB",
// "motif", "minGap", "motifFraction" (planted-motif), "format": "table" | "fasta"}, each optional.
// With "format": "fasta" the answer holds "fasta" (data::to_fasta) instead of "table".
std::string simulate_json(const std::string& kind, const std::string& options_json);

}  // namespace helix::api
