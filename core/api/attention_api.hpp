// core/api/attention_api.hpp: the attention maps of a sequence model's transformer blocks for one record, as
// the page's attention view and the JS API (Model.attention) receive them: text in, JSON text out, never
// throwing on user input.
//
// attention: `text` is a paste as for predict (FASTA, table, one per line); options {"record" (index of the
// record to read, default 0)} ->
//   {"errors", "moreErrors", "id", "sequence", "score" (the first head's prediction: a probability, a
//    value, or a class row), "layers": [{"name", "heads" (H), "length" (L, the block's positions: after any
//    pooling before it, and with a [CLS] token when there is one), "weights": [H][L][L] ([h][i][j]: the
//    weight query position i gives key position j; each row sums to 1)}]}
// A model without transformer blocks answers the error {"field": "model"}.
#pragma once

#include <string>

#include "model_session.hpp"

namespace helix::api {

std::string attention_session_json(ModelSession& session, const std::string& text,
                                   const std::string& options_json);

}  // namespace helix::api
