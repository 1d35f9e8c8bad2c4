// core/infer/prepared_input.hpp: a user's paste (FASTA, table, lines) read for a model: the table columns it
// needs (labels per head, feature columns, the DNA), parsed and fitted to its inputs as infer::Examples.
// Shared by the model session (predict, evaluate, train) and the interpretation API (explain, variants).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../data/sequences.hpp"
#include "../nn/model.hpp"
#include "examples.hpp"

namespace helix::infer {

// Whether the model reads its labels from heads' own columns (several heads, or declared heads).
bool reads_task_columns(const nn::Model& model);
bool is_multiclass(const nn::Model& model, std::size_t h = 0);
bool is_regression(const nn::Model& model, std::size_t h);  // its loss reads numbers (mse)
// Whether head h reads profile columns (a profile head, or a count head whose label is their total).
bool reads_profiles(const nn::Model& model, std::size_t h);

// The table columns the model reads: labels (0/1 or class indices; per head for a multi-head model),
// numeric features of every features input, the profile columns of its profile heads (when labels are
// required; their lists must have the model's output window of values), and the DNA unless it reads none.
data::TableOptions table_options(const nn::Model& model, const std::string& label_column,
                                 bool require_labels);

// A paste parsed and made ready for the model; `errors` is null when it is usable, else
// {"errors": [...], "moreErrors": n}.
struct Prepared {
    data::SequenceSet set;
    infer::Examples ex;
    nlohmann::json errors;
};

Prepared prepare(const nn::Model& model, const std::string& text, const data::TableOptions& opt);

std::vector<std::size_t> all_indices(std::size_t n);

}  // namespace helix::infer
