// core/api/autoencoder_session.cpp: see autoencoder_session.hpp.
#include "autoencoder_session.hpp"

#include <cmath>
#include <set>
#include <unordered_map>

#include "../io/autoencoder_file.hpp"
#include "../train/autoencoder_task.hpp"
#include "../train/imputation.hpp"
#include "../train/knn.hpp"
#include "json_errors.hpp"

namespace helix::api {

using nlohmann::json;

namespace {

constexpr std::size_t kNeighbours = 15;

json load_errors(const std::vector<data::InputError>& errors, std::size_t more, const char* source)
{
    return json{{"errors", input_errors_to_json(errors)}, {"moreErrors", more}, {"source", source}};
}

}  // namespace

AutoencoderSession::AutoencoderSession(const std::string& text, const std::string& kind)
{
    if (kind == "file") {
        io::LoadedAutoencoder loaded = io::load_autoencoder(text);
        errors_ = spec_errors_to_json(loaded.errors);
        if (!loaded.model) return;
        model_ = std::move(loaded.model);
        spec_ = model_->spec();
        genes_ = std::move(loaded.genes);
        trained_count_ = loaded.cells.count;
        trained_hash_ = loaded.cells.hash;
        metadata_ = loaded.metadata;
        from_file_ = true;
        return;
    }
    nn::AutoencoderSpecResult spec = nn::parse_autoencoder_spec_text(text);
    errors_ = spec_errors_to_json(spec.errors);
    spec_ = spec.spec;
}

std::string AutoencoderSession::summary_json() const
{
    return model_ ? model_->summary_json().dump() : "null";
}

void AutoencoderSession::rebuild()
{
    HELIX_ASSERT(loaded());
    drop_training();  // it refers to the old weights
    split_ = train::autoencoder_split(ids_.size(), spec_.training);
    model_ = nn::Autoencoder::build(spec_, genes_.size());
    if (!split_.train.empty()) model_->fit_statistics(values_, split_.train);
    same_cells_ = true;
    trained_count_ = ids_.size();
    trained_hash_ = io::hash_ids(ids_);
}

std::string AutoencoderSession::load(const std::string& matrix_text, const std::string& labels_text,
                                     const std::string& label_column)
{
    HELIX_ASSERT(ok());
    drop_training();
    ids_.clear();
    reconstruction_.clear();
    auto parsed = data::parse_matrix(matrix_text);
    if (!parsed.ok()) return load_errors(parsed.errors, parsed.more_errors, "matrix").dump();
    data::Matrix& m = parsed.value;
    // Columns: a file-built model takes its genes by name, in its order; a spec-built one takes them all.
    std::vector<std::size_t> column_of;
    std::vector<std::string> genes = from_file_ ? genes_ : m.columns;  // kept only if the whole load succeeds
    std::size_t ignored = 0;
    if (from_file_) {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t c = 0; c < m.cols(); ++c) index.emplace(m.columns[c], c);
        std::string missing;
        std::size_t n_missing = 0;
        for (const auto& g : genes_) {
            auto it = index.find(g);
            if (it == index.end()) {
                if (++n_missing <= 5) missing += (missing.empty() ? "'" : ", '") + g + "'";
                continue;
            }
            column_of.push_back(it->second);
        }
        if (n_missing)
            return json{
                {"errors", json::array({{{"line", 1},
                                         {"column", 1},
                                         {"field", ""},
                                         {"message", "line 1, column 1: the matrix lacks " +
                                                         std::to_string(n_missing) + " of the model's " +
                                                         std::to_string(genes_.size()) + " columns (" +
                                                         missing + (n_missing > 5 ? ", ..." : "") + ")"}}})},
                {"source", "matrix"}}
                .dump();
        ignored = m.cols() - genes_.size();
    } else {
        for (std::size_t c = 0; c < m.cols(); ++c) column_of.push_back(c);
    }
    const std::size_t N = m.rows(), G = column_of.size();
    std::vector<float> values(N * G);
    for (std::size_t i = 0; i < N; ++i) {
        const float* row = m.row(i);
        for (std::size_t g = 0; g < G; ++g) {
            float v = row[column_of[g]];
            if (spec_.transform == "log1p") {
                if (v < 0.0f) {
                    const std::string msg = "line " + std::to_string(m.lines[i]) + ", column 1: row '" +
                                            m.ids[i] + "' has " + json(v).dump() + " in column '" + genes[g] +
                                            "'; the transform log1p needs counts >= 0";
                    return json{
                        {"errors",
                         json::array(
                             {{{"line", m.lines[i]}, {"column", 1}, {"field", genes[g]}, {"message", msg}}})},
                        {"source", "matrix"}}
                        .dump();
                }
                v = std::log1p(v);
            }
            values[i * G + g] = v;
        }
    }
    std::vector<std::string> labels(N);
    if (!labels_text.empty()) {
        auto parsed_labels = data::parse_row_labels(labels_text, label_column, m);
        if (!parsed_labels.ok())
            return load_errors(parsed_labels.errors, parsed_labels.more_errors, "labels").dump();
        labels = std::move(parsed_labels.value);
    }
    if (const std::string e = nn::Autoencoder::size_error(spec_, genes.size()); !from_file_ && !e.empty())
        return json{
            {"errors", one_error("matrix", "matrix: " + e + " (keep fewer genes, e.g. the most variable)")}};
    genes_ = std::move(genes);
    ids_ = std::move(m.ids);
    labels_ = std::move(labels);
    values_ = std::move(values);
    if (from_file_) {
        same_cells_ = N == trained_count_ && io::hash_ids(ids_) == trained_hash_;
        if (same_cells_) {
            split_ = train::autoencoder_split(N, spec_.training);
        } else {
            split_ = {};
            for (std::size_t i = 0; i < N; ++i) split_.test.push_back(i);
        }
    } else {
        rebuild();
    }
    std::set<std::string> classes;
    std::size_t labelled = 0;
    for (const auto& l : labels_)
        if (!l.empty()) {
            classes.insert(l);
            ++labelled;
        }
    return json{{"errors", json::array()},
                {"cells", N},
                {"genes", G},
                {"split",
                 {{"train", split_.train.size()},
                  {"validation", split_.validation.size()},
                  {"test", split_.test.size()}}},
                {"sameCells", same_cells_},
                {"labelled", labelled},
                {"classes", classes.size()},
                {"ignoredColumns", ignored}}
        .dump();
}

spec::RunOptions AutoencoderSession::run_defaults() const
{
    return spec::run_defaults(spec_.training, spec_.optimizer);
}

Session::Training AutoencoderSession::prepare_training(const std::string& /*input_text*/,
                                                       const json& /*options*/, const spec::RunOptions& run)
{
    if (!loaded()) return refused("", "load a matrix before training");
    nn::TrainingSpec t = spec_.training;
    nn::OptimizerSpec o = spec_.optimizer;
    spec::apply_run_options(run, t, o);
    if (run.seed_given) {
        spec_.training.seed = t.seed;
        rebuild();
    }
    if (split_.train.empty())
        return refused("", same_cells_ ? "too few cells to train on (the split leaves none for training)"
                                       : "these cells are not the ones this model was trained on: "
                                         "give a seed to train it afresh on them");
    Training training;
    training.task = std::make_unique<train::AutoencoderTask>(*model_, values_, split_, t, o);
    training.options = train::autoencoder_run_options(t);
    metadata_["training"] = {{"epochs", t.epochs},
                             {"batchSize", t.batch_size},
                             {"learningRate", o.learning_rate},
                             {"seed", spec_.training.seed},
                             {"patience", t.patience}};
    metadata_["trainedOn"] = {{"cells", ids_.size()},
                              {"genes", genes_.size()},
                              {"train", split_.train.size()},
                              {"validation", split_.validation.size()},
                              {"test", split_.test.size()}};
    return training;
}

json AutoencoderSession::knn_json()
{
    // Neighbours among the training cells; a matrix of new cells is scored leave-one-out among its own cells.
    const std::vector<std::size_t> queries = test_rows();
    const std::vector<std::size_t>& reference = split_.train.empty() ? queries : split_.train;
    std::vector<std::size_t> all(ids_.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const Tensor codes = train::encode(*model_, values_, all);
    const train::KnnScores s = train::knn_accuracy(codes, labels_, reference, queries, kNeighbours);
    if (s.n == 0) return nullptr;
    return {{"accuracy", s.accuracy}, {"majorityRate", s.majority_rate}, {"k", s.k}, {"n", s.n}};
}

std::vector<std::size_t> AutoencoderSession::test_rows() const
{
    return split_.test;
}

void AutoencoderSession::complete_summary(json& summary)
{
    summary["latentKnn"] = knn_json();
    Session::complete_summary(summary);
    metadata_["latentKnn"] = summary["latentKnn"];
}

std::string AutoencoderSession::evaluate_json()
{
    HELIX_ASSERT(ok());
    if (!loaded()) return json{{"errors", one_error("", "load a matrix before evaluating")}}.dump();
    const std::vector<std::size_t> rows = test_rows();
    if (rows.empty())
        return json{{"errors", one_error("", "no test cells (training.test_fraction is 0)")}}.dump();
    const train::ImputationScores s =
        train::score_imputation(*model_, values_, rows, train::test_mask_seed(spec_.training));
    return json{{"errors", json::array()},
                {"maskedMse", s.model_mse},
                {"meanImputationMse", s.baseline_mse},
                {"improvement", s.baseline_mse > 0 ? 1.0 - s.model_mse / s.baseline_mse : 0.0},
                {"hidden", s.hidden},
                {"cells", s.cells},
                {"sameCells", same_cells_},
                {"entries", spec_.imputation.entries},
                {"maskFraction", std::round(spec_.imputation.mask_fraction * 1e6) / 1e6},
                {"reconstructionMse", train::reconstruction_mse(*model_, values_, rows)},
                {"latentKnn", knn_json()}}
        .dump();
}

std::string AutoencoderSession::encode_json()
{
    HELIX_ASSERT(ok());
    if (!loaded()) return json{{"errors", one_error("", "load a matrix before encoding")}}.dump();
    std::vector<std::size_t> all(ids_.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const Tensor codes = train::encode(*model_, values_, all);
    const std::size_t K = codes.shape()[1];
    std::vector<std::string> part(ids_.size(), "train");
    for (std::size_t i : split_.validation) part[i] = "validation";
    for (std::size_t i : split_.test) part[i] = "test";
    json rows = json::array();
    for (std::size_t i = 0; i < ids_.size(); ++i)
        rows.push_back(std::vector<float>(codes.data() + i * K, codes.data() + (i + 1) * K));
    json out = {{"errors", json::array()}, {"ids", ids_}, {"codes", rows}, {"split", part}};
    bool any = false;
    for (const auto& l : labels_) any = any || !l.empty();
    if (any) out["labels"] = labels_;
    return out.dump();
}

std::string AutoencoderSession::reconstruct(bool zeros_only)
{
    HELIX_ASSERT(ok());
    if (!loaded()) return json{{"errors", one_error("", "load a matrix before reconstructing")}}.dump();
    std::vector<std::size_t> all(ids_.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const Tensor out = train::reconstruct(*model_, values_, all);
    reconstruction_.assign(out.data(), out.data() + out.size());
    if (zeros_only)
        for (std::size_t i = 0; i < values_.size(); ++i)
            if (values_[i] != 0.0f) reconstruction_[i] = values_[i];
    return json{{"errors", json::array()},
                {"rows", ids_.size()},
                {"cols", genes_.size()},
                {"ids", ids_},
                {"columns", genes_}}
        .dump();
}

std::string AutoencoderSession::write_file(const json& metadata) const
{
    HELIX_ASSERT(model_);
    return io::save_autoencoder(*model_, genes_, {trained_count_, trained_hash_}, metadata);
}

}  // namespace helix::api
