// core/api/model_session.cpp: see model_session.hpp.
#include "model_session.hpp"
#include "json_errors.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "../data/sequences.hpp"
#include "../io/model_file.hpp"
#include "../train/evaluate.hpp"

namespace helix::api {

using nlohmann::json;

namespace {

// A paste parsed and fitted to the model's input length; `errors` is null when it is usable.
struct Prepared {
    data::SequenceSet set;
    std::vector<std::string> fitted;
    json errors;
};

Prepared prepare(const nn::Model& model, const std::string& text, const data::TableOptions& opt)
{
    Prepared p;
    auto parsed = data::parse_sequences(text, opt);
    if (!parsed.ok()) {
        p.errors = {{"errors", input_errors_to_json(parsed.errors)}, {"moreErrors", parsed.more_errors}};
        return p;
    }
    std::vector<data::InputError> errors;
    std::size_t more = 0;
    p.fitted = train::fit_to_model(model, parsed.value, errors, more);
    if (!errors.empty()) {
        p.errors = {{"errors", input_errors_to_json(errors)}, {"moreErrors", more}};
        return p;
    }
    p.set = std::move(parsed.value);
    return p;
}

bool is_multiclass(const nn::Model& model) { return model.spec().loss == "softmax_cross_entropy"; }

// Labels the model's loss reads: 0/1 for a binary model, class indices for a K-class one.
data::TableOptions label_options(const nn::Model& model, const std::string& label_column)
{
    data::TableOptions opt;
    opt.label_column = label_column.empty() ? "label" : label_column;
    if (is_multiclass(model)) opt.classes = model.outputs();
    return opt;
}

std::vector<std::size_t> all_indices(std::size_t n)
{
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    return all;
}

std::string format_of(const std::string& text)
{
    for (char c : text) {
        if (c == '>') return "fasta";
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '\xEF' && c != '\xBB' && c != '\xBF') break;
    }
    std::size_t end = text.find('\n');
    std::string first = text.substr(0, end);
    return data::looks_like_table_header(first) ? "table" : "lines";
}

}  // namespace

std::string parse_sequences_json(const std::string& text, const std::string& label_column, bool require_labels,
                                 int classes)
{
    data::TableOptions opt;
    opt.classes = static_cast<std::size_t>(classes < 2 ? 2 : classes);
    opt.label_column = label_column.empty() ? "label" : label_column;
    opt.require_labels = require_labels;
    auto parsed = data::parse_sequences(text, opt);
    json lengths = json::array();
    for (const auto& s : parsed.value.sequences) lengths.push_back(s.size());
    return json{{"format", format_of(text)},
                {"count", parsed.value.size()},
                {"ids", parsed.value.ids},
                {"lengths", lengths},
                {"hasLabels", !parsed.value.labels.empty()},
                {"errors", input_errors_to_json(parsed.errors)},
                {"moreErrors", parsed.more_errors}}
        .dump();
}

ModelSession::ModelSession(const std::string& text, const std::string& kind)
{
    if (kind == "file") {
        io::LoadedModel loaded = io::load_model(text);
        errors_ = spec_errors_to_json(loaded.errors);
        model_ = std::move(loaded.model);
        metadata_ = loaded.metadata;
        return;
    }
    nn::SpecResult spec = nn::parse_spec_text(text);
    if (!spec.ok()) {
        errors_ = spec_errors_to_json(spec.errors);
        return;
    }
    std::vector<nn::SpecError> errors;
    model_ = nn::Model::build(spec.spec, errors);
    errors_ = spec_errors_to_json(errors);
}

std::string ModelSession::errors_json() const { return errors_.dump(); }

std::string ModelSession::spec_json() const { return model_ ? nn::spec_to_json(model_->spec()).dump() : "null"; }

std::string ModelSession::summary_json() const { return model_ ? model_->summary_json() : "null"; }

void ModelSession::reset(double seed)
{
    HELIX_ASSERT(model_);
    nn::ModelSpec spec = model_->spec();
    spec.training.seed = static_cast<std::uint64_t>(seed);
    std::vector<nn::SpecError> errors;
    auto fresh = nn::Model::build(spec, errors);
    HELIX_ASSERT(fresh);  // the same layers built before
    trainer_.reset();     // it refers to the old model
    model_ = std::move(fresh);
}

std::string ModelSession::predict_json(const std::string& text)
{
    HELIX_ASSERT(model_);
    data::TableOptions opt;
    opt.require_labels = false;
    Prepared p = prepare(*model_, text, opt);
    json out = {{"errors", json::array()}, {"moreErrors", 0}, {"predictions", json::array()}};
    if (!p.errors.is_null()) return out.update(p.errors), out.dump();
    if (is_multiclass(*model_)) {
        const std::size_t K = model_->outputs();
        const auto& names = model_->spec().classes;
        auto prob = train::predict_class_probabilities(*model_, p.fitted, all_indices(p.fitted.size()));
        for (std::size_t i = 0; i < p.set.size(); ++i) {
            const float* row = prob.data() + i * K;
            const auto best = static_cast<std::size_t>(std::max_element(row, row + K) - row);
            json r = {{"id", p.set.ids[i]}, {"length", p.set.sequences[i].size()}, {"class", best},
                      {"probabilities", std::vector<float>(row, row + K)}};
            if (!names.empty()) r["label"] = names[best];
            out["predictions"].push_back(r);
        }
        return out.dump();
    }
    auto prob = train::predict_probabilities(*model_, p.fitted, all_indices(p.fitted.size()));
    for (std::size_t i = 0; i < prob.size(); ++i)
        out["predictions"].push_back(
            {{"id", p.set.ids[i]}, {"length", p.set.sequences[i].size()}, {"probability", prob[i]}});
    return out.dump();
}

std::string ModelSession::evaluate_json(const std::string& text, const std::string& label_column)
{
    HELIX_ASSERT(model_);
    Prepared p = prepare(*model_, text, label_options(*model_, label_column));
    if (!p.errors.is_null()) return p.errors.dump();
    json out = train::scores_json(train::score(*model_, p.fitted, p.set.labels, all_indices(p.fitted.size())));
    out["errors"] = json::array();
    return out.dump();
}

std::string ModelSession::start_training(const std::string& text, const std::string& options_json)
{
    HELIX_ASSERT(model_);
    trainer_.reset();
    json opt = json::parse(options_json, nullptr, false);
    if (opt.is_discarded() || !opt.is_object()) return json{{"errors", one_error("options", "options: not a JSON object")}}.dump();
    nn::TrainingSpec t = model_->spec().training;
    nn::OptimizerSpec o = model_->spec().optimizer;
    json errors = json::array();
    auto positive = [&](const char* key, auto& out) {
        if (!opt.contains(key) || opt[key].is_null()) return;
        if (!opt[key].is_number() || opt[key].get<double>() <= 0)
            errors.push_back({{"field", key}, {"message", std::string(key) + ": must be a positive number"}});
        else
            out = static_cast<std::remove_reference_t<decltype(out)>>(opt[key].get<double>());
    };
    positive("epochs", t.epochs);
    positive("batchSize", t.batch_size);
    positive("learningRate", o.learning_rate);
    if (opt.contains("patience") && opt["patience"].is_number()) t.patience = opt["patience"].get<std::size_t>();
    if (opt.contains("validationFraction") && opt["validationFraction"].is_number())
        t.validation_fraction = opt["validationFraction"].get<float>();
    if (opt.contains("testFraction") && opt["testFraction"].is_number()) t.test_fraction = opt["testFraction"].get<float>();
    if (opt.contains("seed") && !opt["seed"].is_null()) {
        if (!opt["seed"].is_number_integer() || opt["seed"].get<long long>() < 0)
            errors.push_back({{"field", "seed"}, {"message", "seed: must be a non-negative integer"}});
        else
            t.seed = opt["seed"].get<std::uint64_t>();
    }
    if (!errors.empty()) return json{{"errors", errors}}.dump();
    if (opt.contains("seed") && !opt["seed"].is_null()) reset(static_cast<double>(t.seed));

    const data::TableOptions topt = label_options(*model_, opt.value("labelColumn", std::string("label")));
    Prepared p = prepare(*model_, text, topt);
    if (!p.errors.is_null()) return p.errors.dump();
    if (is_multiclass(*model_)) return start_classes(std::move(p.set), std::move(p.fitted), t, o);
    std::size_t positives = 0;
    for (float y : p.set.labels) positives += y > 0.5f;
    if (p.set.size() < 10 || positives == 0 || positives == p.set.size())
        return json{{"errors", one_error(topt.label_column,
                                         "training needs at least 10 labelled sequences with both labels 0 and 1 "
                                         "(found " + std::to_string(p.set.size()) + ", " +
                                             std::to_string(positives) + " of them labelled 1)")}}
            .dump();
    run_training_ = t;
    trainer_ = std::make_unique<train::Trainer>(*model_, std::move(p.fitted), p.set.labels, t, o);
    metadata_ = {{"trainedOn", {{"records", p.set.size()}, {"positives", positives},
                                {"labelColumn", p.set.label_column}}},
                 {"training", {{"epochs", t.epochs}, {"batchSize", t.batch_size},
                               {"learningRate", o.learning_rate}, {"seed", t.seed}}}};
    return json{{"errors", json::array()}, {"records", p.set.size()}, {"positives", positives}}.dump();
}

std::string ModelSession::start_classes(data::SequenceSet set, std::vector<std::string> fitted,
                                        const nn::TrainingSpec& t, const nn::OptimizerSpec& o)
{
    std::vector<std::size_t> counts(model_->outputs(), 0);
    for (float y : set.labels) ++counts[static_cast<std::size_t>(y)];
    const auto present = std::count_if(counts.begin(), counts.end(), [](std::size_t c) { return c > 0; });
    if (set.size() < 10 || present < 2)
        return json{{"errors", one_error(set.label_column,
                                         "training needs at least 10 labelled sequences of at least 2 classes "
                                         "(found " + std::to_string(set.size()) + " in " +
                                             std::to_string(present) + (present == 1 ? " class)" : " classes)"))}}
            .dump();
    run_training_ = t;
    trainer_ = std::make_unique<train::Trainer>(*model_, std::move(fitted), set.labels, t, o);
    metadata_ = {{"trainedOn", {{"records", set.size()}, {"classCounts", counts},
                                {"labelColumn", set.label_column}}},
                 {"training", {{"epochs", t.epochs}, {"batchSize", t.batch_size},
                               {"learningRate", o.learning_rate}, {"seed", t.seed}}}};
    return json{{"errors", json::array()}, {"records", set.size()}, {"classCounts", counts}}.dump();
}

std::string ModelSession::train_step()
{
    HELIX_ASSERT(trainer_ && !trainer_->finished());
    return trainer_->step().dump();
}

void ModelSession::cancel_training()
{
    if (trainer_) trainer_->cancel();
}

std::string ModelSession::training_summary()
{
    HELIX_ASSERT(trainer_);
    json s = trainer_->summary();
    metadata_["test"] = s["test"];
    metadata_["bestEpoch"] = s["bestEpoch"];
    return s.dump();
}

std::string ModelSession::save(const std::string& metadata_json) const
{
    HELIX_ASSERT(model_);
    json extra = json::parse(metadata_json, nullptr, false);
    json meta = metadata_;
    if (extra.is_object()) meta.update(extra);
    return io::save_model(*model_, meta);
}

}  // namespace helix::api
