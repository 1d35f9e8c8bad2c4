// core/api/explain_api.hpp: attributions, in-silico mutagenesis and variant effects for a ModelSession's
// model, as the JS API receives them: text in, JSON text out, never throwing on user input.
//
// explain: `text` is a paste as for predict (FASTA, table, one per line; a multimodal model needs a table
// with its feature columns, held at each record's values). options {"method": "saliency"|"ig"|"ism",
// "head" (name; default the first), "class" (K-class heads; default each sequence's predicted class),
// "output": "logit"|"probability", "baseline": "uniform"|"shuffled", "steps" (ig, 50), "shuffles" (5),
// "seed" (1)} ->
//   {"errors", "moreErrors", "method", "head", "output", "explanations": [{"id", "sequence", "score",
//    "class" (K-class heads), "attributions": [L], "ism": [[dA, dC, dG, dT] × L] (ism),
//    "baselineScore", "delta" (ig)}]}
// variants: a variant table (core/interpret/variants.hpp); options {"head", "class"} ->
//   {"errors", "moreErrors", "head", "variants": [{"id", "line", "position", "ref", "alt" (substitution
//    layout), "refScore", "altScore", "difference", "logOddsRatio", "class" (K-class heads)}]}, sorted by
//   |difference|, largest first.
#pragma once

#include <string>

#include "model_session.hpp"

namespace helix::api {

std::string explain_session_json(ModelSession& session, const std::string& text,
                                 const std::string& options_json);
std::string variants_session_json(ModelSession& session, const std::string& text,
                                  const std::string& options_json);

}  // namespace helix::api
