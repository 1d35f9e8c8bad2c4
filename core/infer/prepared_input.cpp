// core/infer/prepared_input.cpp: see prepared_input.hpp.
#include "prepared_input.hpp"

#include <algorithm>
#include <cmath>

#include "../api/json_errors.hpp"
#include "../nn/head_kind.hpp"
#include "evaluate.hpp"

namespace helix::infer {

using nlohmann::json;

bool is_regression(const nn::Model& model, std::size_t h)
{
    return nn::head_kind(model.spec().heads[h].loss).labels == nn::LabelKind::number;
}

// Regression heads read numbers, which only task columns do: one head of numbers reads its column as a task.
bool reads_task_columns(const nn::Model& model)
{
    return model.heads() > 1 || model.spec().graph || is_regression(model, 0);
}

bool is_multiclass(const nn::Model& model, std::size_t h)
{
    return nn::head_kind(model.spec().heads[h].loss).labels == nn::LabelKind::classes;
}

bool reads_profiles(const nn::Model& model, std::size_t h)
{
    return !model.spec().heads[h].columns.empty();
}

data::TableOptions table_options(const nn::Model& model, const std::string& label_column, bool require_labels)
{
    data::TableOptions opt;
    opt.require_labels = require_labels;
    opt.label_column = label_column.empty() ? "label" : label_column;
    opt.sequence = model.dna_input() >= 0;
    if (reads_task_columns(model)) {
        for (std::size_t h = 0; h < model.heads(); ++h) {
            const auto& head = model.spec().heads[h];
            if (reads_profiles(model, h)) {  // profile columns, read only to train or score
                if (!require_labels) continue;
                for (const auto& c : head.columns)
                    if (std::find(opt.profile_columns.begin(), opt.profile_columns.end(), c) ==
                        opt.profile_columns.end())
                        opt.profile_columns.push_back(c);
                continue;
            }
            // A single head's column may be renamed (labelColumn, --label), as for a sequential model.
            opt.tasks.push_back({model.heads() == 1 && !label_column.empty() ? label_column : head.label,
                                 is_multiclass(model, h) ? model.head_outputs(h) : 2,
                                 is_regression(model, h)});
        }
        opt.profile_length = model.profile_length();
    } else if (is_multiclass(model)) {
        opt.classes = model.outputs();
    }
    for (const auto& in : model.spec().inputs)
        if (in.type == "features")
            opt.feature_columns.insert(opt.feature_columns.end(), in.columns.begin(), in.columns.end());
    return opt;
}

namespace {

// One label per record and head: a task column's cell, or for a head of profile columns the total count of
// its columns over the window (a count head's label; a profile head's, to tell records with reads).
std::vector<float> head_labels(const nn::Model& model, const data::SequenceSet& set, const Examples& ex)
{
    const std::size_t H = model.heads(), T = set.task_columns.size();
    std::vector<float> labels(set.size() * H, NAN);
    for (std::size_t h = 0, task = 0; h < H; ++h) {
        if (!reads_profiles(model, h)) {
            if (!set.task_labels.empty())
                for (std::size_t i = 0; i < set.size(); ++i)
                    labels[i * H + h] = set.task_labels[i * T + task];
            ++task;
            continue;
        }
        if (ex.profiles.empty()) continue;  // unlabelled: predicting
        const auto cols = profile_column_indices(ex, model.spec().heads[h].columns);
        const std::size_t L = ex.profile_length, P = ex.profile_columns.size();
        for (std::size_t i = 0; i < set.size(); ++i) {
            double total = 0;
            for (std::size_t c : cols)
                for (std::size_t l = 0; l < L; ++l) total += ex.profiles[(i * P + c) * L + l];
            labels[i * H + h] = static_cast<float>(total);
        }
    }
    return labels;
}

}  // namespace

Prepared prepare(const nn::Model& model, const std::string& text, const data::TableOptions& opt)
{
    Prepared p;
    auto parsed = data::parse_sequences(text, opt);
    if (!parsed.ok()) {
        p.errors = {{"errors", api::input_errors_to_json(parsed.errors)}, {"moreErrors", parsed.more_errors}};
        return p;
    }
    std::vector<data::InputError> errors;
    std::size_t more = 0;
    p.ex.sequences = infer::fit_to_model(model, parsed.value, errors, more);
    if (!errors.empty()) {
        p.errors = {{"errors", api::input_errors_to_json(errors)}, {"moreErrors", more}};
        return p;
    }
    p.set = std::move(parsed.value);
    const data::SequenceSet& set = p.set;
    // The table's feature columns are the inputs' columns in spec order: cut them per features input.
    const auto& inputs = model.spec().inputs;
    p.ex.features.resize(inputs.size());
    const std::size_t total = set.feature_columns.size();
    for (std::size_t i = 0, offset = 0; i < inputs.size(); ++i) {
        if (inputs[i].type != "features") continue;
        const std::size_t F = inputs[i].columns.size();
        auto& f = p.ex.features[i];
        f.resize(set.size() * F);
        for (std::size_t r = 0; r < set.size(); ++r)
            std::copy_n(set.features.data() + r * total + offset, F, f.data() + r * F);
        offset += F;
    }
    p.ex.heads = model.heads();
    p.ex.profile_columns = set.profile_columns;
    p.ex.profile_length = set.profile_length;
    p.ex.profiles = set.profiles;
    const bool profiles = std::any_of(model.spec().heads.begin(), model.spec().heads.end(),
                                      [](const nn::HeadSpec& h) { return !h.columns.empty(); });
    if (profiles)
        p.ex.labels = head_labels(model, set, p.ex);
    else
        p.ex.labels = opt.tasks.empty() ? set.labels : set.task_labels;
    return p;
}

std::vector<std::size_t> all_indices(std::size_t n)
{
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    return all;
}

}  // namespace helix::infer
