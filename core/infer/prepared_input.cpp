// core/infer/prepared_input.cpp: see prepared_input.hpp.
#include "prepared_input.hpp"

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

data::TableOptions table_options(const nn::Model& model, const std::string& label_column, bool require_labels)
{
    data::TableOptions opt;
    opt.require_labels = require_labels;
    opt.label_column = label_column.empty() ? "label" : label_column;
    opt.sequence = model.dna_input() >= 0;
    if (reads_task_columns(model)) {
        for (std::size_t h = 0; h < model.heads(); ++h) {
            const auto& head = model.spec().heads[h];
            // A single head's column may be renamed (labelColumn, --label), as for a sequential model.
            opt.tasks.push_back({model.heads() == 1 && !label_column.empty() ? label_column : head.label,
                                 is_multiclass(model, h) ? model.head_outputs(h) : 2,
                                 is_regression(model, h)});
        }
    } else if (is_multiclass(model)) {
        opt.classes = model.outputs();
    }
    for (const auto& in : model.spec().inputs)
        if (in.type == "features")
            opt.feature_columns.insert(opt.feature_columns.end(), in.columns.begin(), in.columns.end());
    return opt;
}

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
