// core/motifs/motifs_api.hpp: a model's first-layer filters as motifs (core/motifs/filter_motifs), each with
// its best matches in a motif database (core/motifs/motif_compare), as JSON text for the bindings.
#pragma once

#include <string>

#include "../api/model_session.hpp"

namespace helix::motifs {

// options (JSON object, each optional except db):
//   "sequences": a paste (FASTA, table, one per line) whose windows are scanned; default: 2000 seeded
//                uniform random sequences of the model's length (100 for a model of any length)
//   "db":        the motif database, JASPAR or MEME text (motifs::parse_motif_file); the JS API supplies
//                JASPAR 2020 CORE vertebrates when absent
//   "dbName":    the database's name in the answer (default "motifs")
//   "threshold": windows above threshold × the filter's maximum make its motif, in [0, 1) (default 0.5)
//   "top":       matches kept per filter (default 3)
//   "method":    "pearson" (the only one)
//   "seed":      of the random sequences (default 1)
// -> {"errors": [], "moreErrors", "layer", "threshold", "sequencesUsed", "database": {"name", "motifs"},
//     "filters": [{"index", "name", "sites", "maxActivation", "pfm", "ic", "informationContent", "consensus",
//                  "reverseComplement", "matches": [{"id", "name", "score", "offset", "strand", "overlap",
//                  "z"}]}]}
// A filter without sites has no matches. Errors: {"field": "model"} without a conv1d reading the DNA;
// {"line", "column", "field": "db"} for the database text; {"line", "column", "field"} for the sequences
// (field "sequences" when it is not a table column); {"field"} for options.
std::string motifs_session_json(api::ModelSession& session, const std::string& options_json);

}  // namespace helix::motifs
