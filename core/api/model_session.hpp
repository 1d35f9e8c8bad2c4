// core/api/model_session.hpp: the engine as the outside world uses it: text in, JSON text out.
// The wasm bindings, the CLI (through them) and the page's worker all go through this one facade,
// so what a user can do is the same everywhere and testable natively. Nothing here throws on user
// input: every problem comes back as {"errors": [{"line", "column", "field", "message"}]}.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "../nn/model.hpp"
#include "../train/sequence_task.hpp"
#include "../train/training_run.hpp"

namespace helix::api {

// {"format", "count", "ids", "lengths", "hasLabels", "errors", "moreErrors"} for a paste (FASTA, table,
// or one sequence per line).
// `classes`: how many classes the labels may name (2: labels 0/1; K: class indices 0..K-1).
std::string parse_sequences_json(const std::string& text, const std::string& label_column,
                                 bool require_labels, int classes);

class ModelSession {
public:
    // kind "spec": `text` is a model spec (JSON); kind "file": a saved model file.
    ModelSession(const std::string& text, const std::string& kind);
    std::string errors_json() const;  // [] when the model was built
    bool ok() const { return model_ != nullptr; }
    nn::Model* model() { return model_.get(); }  // null when the spec or file had errors

    std::string spec_json() const;
    std::string summary_json() const;
    void reset(double seed);  // fresh initial weights from `seed` (a double: JS numbers)

    // {"errors", "moreErrors", "predictions": [{"id", "length", "probability"}]}; for a K-class model each
    // prediction is {"id", "length", "class", "label" (when the spec names classes), "probabilities" (K)}.
    std::string predict_json(const std::string& text);
    // {"errors", "loss", "accuracy", "auroc", "auprc", "n"}; K-class: labels are class indices, AUROC and
    // AUPRC one-vs-rest macro averages.
    std::string evaluate_json(const std::string& text, const std::string& label_column);
    // options: {"epochs", "batchSize", "learningRate", "seed", "labelColumn", "validationFraction",
    // "testFraction", "patience"}, each optional (the spec's training section otherwise). A seed
    // re-initialises the weights, so the same seed gives the same run; without one training continues
    // from the current weights. Returns {"errors", "moreErrors", "split": {...}, "records"}.
    std::string start_training(const std::string& text, const std::string& options_json);
    std::string train_step();  // progress JSON (see core/train/training_run.hpp)
    bool training_finished() const { return !run_ || run_->finished(); }
    void cancel_training();
    std::string training_summary();
    std::string save(const std::string& metadata_json) const;
    std::string metadata_json() const { return metadata_.dump(); }

    // Transfer learning. Copies the weights of the named layers (a JSON list; null: every layer whose name
    // and shapes both models share, "skipped" listing same-named layers of other shapes) from a saved model
    // file; they survive a re-seeded fit. {"errors", "layers", "skipped"}.
    std::string load_weights_from(const std::string& file_text, const std::string& layers_json);
    // Freezes (false) or unfreezes the named layers (a JSON list). {"errors"} names unknown layers.
    std::string set_trainable(const std::string& layers_json, bool trainable);

private:
    std::unique_ptr<nn::Model> model_;
    nlohmann::json errors_ = nlohmann::json::array();
    nlohmann::json metadata_ = nlohmann::json::object();
    std::unique_ptr<train::SequenceTask> task_;
    std::unique_ptr<train::TrainingRun> run_;  // drives task_
    nn::TrainingSpec run_training_;
    std::map<std::string, Tensor> transferred_;  // parameter name -> pretrained value
    nlohmann::json transfer_;                    // {"from", "layers"} for the metadata
};

}  // namespace helix::api
