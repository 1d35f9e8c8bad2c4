// core/api/model_session.cpp: see model_session.hpp.
#include "model_session.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "../data/sequences.hpp"
#include "../infer/evaluate.hpp"
#include "../infer/prepared_input.hpp"
#include "../io/sequence_model_file.hpp"
#include "../nn/head_kind.hpp"
#include "../train/sequence_task.hpp"
#include "json_errors.hpp"

namespace helix::api {

using nlohmann::json;

namespace {

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

// One head's prediction for record k: a probability (0/1 head), the number (regression head) or the class,
// its name and the K probabilities.
json head_prediction(const nn::Model& model, std::size_t h, const Tensor& prob, std::size_t k)
{
    const std::size_t K = model.head_outputs(h);
    const float* row = prob.data() + k * K;
    const nn::HeadKind& kind = nn::head_kind(model.spec().heads[h].loss);
    if (kind.labels == nn::LabelKind::profile) {  // per strand, the L probabilities of the window
        const std::size_t L = model.head_positions(h), S = K / L;
        json strands = json::array();
        for (std::size_t s = 0; s < S; ++s) {
            std::vector<float> p(L);
            for (std::size_t l = 0; l < L; ++l) p[l] = row[l * S + s];
            strands.push_back(p);
        }
        return json{{"profile", strands}};
    }
    if (kind.observed) return json{{"value", row[0]}, {"count", std::expm1(row[0])}};  // log1p_mse
    if (infer::is_regression(model, h)) return json{{"value", row[0]}};
    if (!infer::is_multiclass(model, h)) return json{{"probability", row[0]}};
    const auto best = static_cast<std::size_t>(std::max_element(row, row + K) - row);
    json r = {{"class", best}, {"probabilities", std::vector<float>(row, row + K)}};
    const auto& names = model.spec().heads[h].classes;
    if (!names.empty()) r["label"] = names[best];
    return r;
}

// "" when head h has enough labels to learn from, else why not (naming its column).
std::string check_labels(const nn::Model& model, const infer::Examples& ex, std::size_t h,
                         const std::string& column, json& counts)
{
    const std::string where = model.heads() > 1 ? " in column '" + column + "'" : "";
    if (nn::head_kind(model.spec().heads[h].loss).labels == nn::LabelKind::profile) {
        std::size_t n = 0;  // the label of a profile head is its total count
        for (std::size_t i = 0; i < ex.size(); ++i) n += ex.label(i, h) > 0;
        counts = n;
        if (n >= 10) return "";
        return "training needs at least 10 regions with reads in " + column + " (found " + std::to_string(n) +
               ")";
    }
    if (infer::is_regression(model, h)) {  // numbers: enough of them, and not all the same
        std::size_t n = 0;
        float lo = INFINITY, hi = -INFINITY;
        for (std::size_t i = 0; i < ex.size(); ++i) {
            const float y = ex.label(i, h);
            if (std::isnan(y)) continue;
            ++n, lo = std::min(lo, y), hi = std::max(hi, y);
        }
        counts = n;
        if (n >= 10 && hi > lo) return "";
        return "training needs at least 10 sequences with a target number" + where +
               ", not all equal (found " + std::to_string(n) + ")";
    }
    const std::size_t K = infer::is_multiclass(model, h) ? model.head_outputs(h) : 2;
    std::vector<std::size_t> per_class(K, 0);
    std::size_t n = 0;
    for (std::size_t i = 0; i < ex.size(); ++i) {
        const float y = ex.label(i, h);
        if (std::isnan(y)) continue;
        ++per_class[static_cast<std::size_t>(y)];
        ++n;
    }
    counts = per_class;
    const auto present =
        std::count_if(per_class.begin(), per_class.end(), [](std::size_t c) { return c > 0; });
    if (n >= 10 && present >= 2) return "";
    if (K == 2)
        return "training needs at least 10 labelled sequences with both labels 0 and 1" + where + " (found " +
               std::to_string(n) + ", " + std::to_string(per_class[1]) + " of them labelled 1)";
    return "training needs at least 10 labelled sequences of at least 2 classes" + where + " (found " +
           std::to_string(n) + " in " + std::to_string(present) + (present == 1 ? " class)" : " classes)");
}

}  // namespace

std::string parse_sequences_json(const std::string& text, const std::string& label_column,
                                 bool require_labels, int classes)
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

std::string ModelSession::spec_json() const
{
    return model_ ? nn::spec_to_json(model_->spec()).dump() : "null";
}

std::string ModelSession::summary_json() const
{
    return model_ ? model_->summary_json() : "null";
}

void ModelSession::reset(double seed)
{
    HELIX_ASSERT(model_);
    nn::ModelSpec spec = model_->spec();
    spec.training.seed = static_cast<std::uint64_t>(seed);
    std::vector<nn::SpecError> errors;
    auto fresh = nn::Model::build(spec, errors);
    HELIX_ASSERT(fresh);  // the same layers built before
    drop_training();      // it refers to the old model
    model_ = std::move(fresh);
    // Weights brought from a pretrained model stay: a seed draws only the others afresh.
    for (nn::Param* p : model_->params()) {
        auto it = transferred_.find(p->name);
        if (it != transferred_.end()) p->var.value() = it->second;
    }
}

std::string ModelSession::predict_json(const std::string& text)
{
    HELIX_ASSERT(model_);
    infer::Prepared p =
        infer::prepare(*model_, text, infer::table_options(*model_, "", /*require_labels=*/false));
    json out = {{"errors", json::array()}, {"moreErrors", 0}, {"predictions", json::array()}};
    if (!p.errors.is_null()) return out.update(p.errors), out.dump();
    std::vector<Tensor> prob = infer::predict_heads(*model_, p.ex, infer::all_indices(p.ex.size()));
    const bool dna = model_->dna_input() >= 0;
    for (std::size_t i = 0; i < p.set.size(); ++i) {
        json r = {{"id", p.set.ids[i]}};
        if (dna) r["length"] = p.set.sequences[i].size();
        if (model_->heads() == 1) {
            r.update(head_prediction(*model_, 0, prob[0], i));
        } else {
            r["heads"] = json::object();
            for (std::size_t h = 0; h < model_->heads(); ++h)
                r["heads"][model_->spec().heads[h].name] = head_prediction(*model_, h, prob[h], i);
        }
        out["predictions"].push_back(r);
    }
    return out.dump();
}

std::string ModelSession::evaluate_json(const std::string& text, const std::string& label_column)
{
    HELIX_ASSERT(model_);
    infer::Prepared p =
        infer::prepare(*model_, text, infer::table_options(*model_, label_column, /*require_labels=*/true));
    if (!p.errors.is_null()) return p.errors.dump();
    json out =
        infer::scores_json(*model_, infer::score_heads(*model_, p.ex, infer::all_indices(p.ex.size())));
    out["errors"] = json::array();
    return out.dump();
}

spec::RunOptions ModelSession::run_defaults() const
{
    return spec::run_defaults(model_->spec().training, model_->spec().optimizer);
}

Session::Training ModelSession::prepare_training(const std::string& text, const json& options,
                                                 const spec::RunOptions& run)
{
    nn::TrainingSpec t = model_->spec().training;
    nn::OptimizerSpec o = model_->spec().optimizer;
    spec::apply_run_options(run, t, o);
    if (run.seed_given) reset(static_cast<double>(t.seed));

    const std::string label_column = options.value("labelColumn", std::string());
    const data::TableOptions topt = infer::table_options(*model_, label_column, /*require_labels=*/true);
    infer::Prepared p = infer::prepare(*model_, text, topt);
    if (!p.errors.is_null()) return refused(p.errors);
    json label_counts = json::object(), columns = json::array();
    for (std::size_t h = 0, task = 0; h < model_->heads(); ++h) {
        std::string column;
        if (infer::reads_profiles(*model_, h)) {  // "counts_plus+counts_minus"
            for (const auto& c : model_->spec().heads[h].columns) column += (column.empty() ? "" : "+") + c;
        } else {
            column = topt.tasks.empty()
                         ? (p.set.label_column.empty() ? topt.label_column : p.set.label_column)
                         : p.set.task_columns[task++];
        }
        json counts;
        std::string why = check_labels(*model_, p.ex, h, column, counts);
        if (!why.empty()) return refused(column, why);
        label_counts[model_->spec().heads[h].name] = counts;
        columns.push_back(column);
    }
    const std::size_t records = p.ex.size();
    auto task = std::make_unique<train::SequenceTask>(*model_, std::move(p.ex), t, o);
    if (task->split().train.empty())
        return refused("", "too few records to train on (the split leaves none for training)");
    Training training;
    training.task = std::move(task);
    training.options = train::run_options(t);
    // The counts of a single head keep their historical names (positives; classCounts).
    json& result = training.result;
    result["records"] = records;
    json trained_on = {{"records", records}, {"labelColumn", columns[0]}};
    if (model_->heads() > 1) {
        trained_on["labelColumns"] = columns;
        trained_on["labelCounts"] = label_counts;
        result["labelCounts"] = label_counts;
    } else if (infer::is_regression(*model_, 0)) {
        trained_on["targets"] = label_counts.begin().value();
        result["targets"] = label_counts.begin().value();
    } else if (infer::is_multiclass(*model_)) {
        trained_on["classCounts"] = label_counts.begin().value();
        result["classCounts"] = label_counts.begin().value();
    } else {
        trained_on["positives"] = label_counts.begin().value()[1];
        result["positives"] = label_counts.begin().value()[1];
    }
    metadata_ = {{"trainedOn", trained_on},
                 {"training",
                  {{"epochs", t.epochs},
                   {"batchSize", t.batch_size},
                   {"learningRate", o.learning_rate},
                   {"seed", t.seed}}}};
    if (!transfer_.is_null()) metadata_["transfer"] = transfer_;
    return training;
}

std::string ModelSession::write_file(const json& metadata) const
{
    HELIX_ASSERT(model_);
    return io::save_model(*model_, metadata);
}

std::string ModelSession::load_weights_from(const std::string& file_text, const std::string& layers_json)
{
    HELIX_ASSERT(model_);
    json layers = json::parse(layers_json, nullptr, false);
    if (layers.is_discarded() || !(layers.is_array() || layers.is_null()))
        return json{
            {"errors",
             one_error(
                 "layers",
                 "layers: must be a list of layer names, or null for every layer the two models share")}}
            .dump();
    io::LoadedModel source = io::load_model(file_text);
    if (!source.errors.empty()) return json{{"errors", spec_errors_to_json(source.errors)}}.dump();
    std::map<std::string, const nn::Param*> theirs;
    for (const nn::Param* p : static_cast<const nn::Model&>(*source.model).params()) theirs[p->name] = p;
    auto layer_of = [](const std::string& param) { return param.substr(0, param.rfind('.')); };
    std::set<std::string> wanted, found, skipped;
    if (layers.is_array())
        for (const auto& l : layers) {
            if (!l.is_string())
                return json{{"errors", one_error("layers", "layers: names must be strings, got " + l.dump())}}
                    .dump();
            wanted.insert(l.get<std::string>());
        }
    // A layer is copied whole or not at all: every one of its tensors must exist in both with one shape.
    std::map<std::string, std::vector<nn::Param*>> ours;
    for (nn::Param* p : model_->params()) ours[layer_of(p->name)].push_back(p);
    json errors = json::array();
    std::map<std::string, Tensor> copy;
    for (const auto& [layer, params] : ours) {
        if (!wanted.empty() && !wanted.count(layer)) continue;
        std::string mismatch;
        bool shared = true;
        for (const nn::Param* p : params) {
            auto it = theirs.find(p->name);
            if (it == theirs.end()) {
                shared = false;
                break;
            }
            if (mismatch.empty() && it->second->var.value().shape() != p->var.value().shape())
                mismatch = p->name + ": the pretrained model's tensor has shape " +
                           json(shape_of(it->second->var.value())).dump() + ", this model's " +
                           json(p->var.shape()).dump() + " (the layers must match to share weights)";
        }
        if (!shared) continue;
        if (!mismatch.empty()) {
            if (wanted.empty())
                skipped.insert(layer);  // every shared name was asked for: one that differs stays as it is
            else
                errors.push_back({{"field", layer}, {"message", mismatch}});
            continue;
        }
        found.insert(layer);
        for (const nn::Param* p : params) copy[p->name] = theirs.at(p->name)->var.value();
    }
    for (const auto& w : wanted)
        if (!found.count(w) &&
            !std::any_of(errors.begin(), errors.end(), [&](const json& e) { return e["field"] == w; }))
            errors.push_back(
                {{"field", w},
                 {"message",
                  w + ": neither this model nor the pretrained one has a layer of that name with weights"}});
    if (wanted.empty() && found.empty())
        errors.push_back(
            {{"field", "layers"},
             {"message", "the two models share no layer of the same name and shape: nothing to transfer"}});
    if (!errors.empty()) return json{{"errors", errors}}.dump();
    for (nn::Param* p : model_->params()) {
        auto it = copy.find(p->name);
        if (it != copy.end()) {
            p->var.value() = it->second;
            transferred_[p->name] = it->second;
        }
    }
    transfer_ = {{"from", source.model->spec().name}, {"layers", json(found)}};
    return json{{"errors", json::array()}, {"layers", json(found)}, {"skipped", json(skipped)}}.dump();
}

std::string ModelSession::set_trainable(const std::string& layers_json, bool trainable)
{
    HELIX_ASSERT(model_);
    json layers = json::parse(layers_json, nullptr, false);
    std::vector<std::string> names;
    if (!layers.is_discarded() && layers.is_array())
        for (const auto& l : layers)
            if (l.is_string()) names.push_back(l.get<std::string>());
    if (names.empty() || layers.size() != names.size())
        return json{{"errors", one_error("layers", "layers: must be a non-empty list of layer names")}}
            .dump();
    std::vector<std::string> missing = model_->set_trainable(names, trainable);
    json errors = json::array();
    for (const auto& m : missing)
        errors.push_back({{"field", m}, {"message", m + ": no layer of that name"}});
    return json{{"errors", errors}}.dump();
}

}  // namespace helix::api
