// core/api/model_session.hpp: a sequence model (DNA and feature inputs, one or more heads) as the outside
// world uses it: the shared Session (session.hpp: ok, errors, spec, summary, training, save, metadata) plus
// reset, predict, evaluate and transfer learning. Text in, JSON text out; every problem comes back as
// {"errors": [{"line", "column", "field", "message"}]}.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "../nn/model.hpp"
#include "session.hpp"

namespace helix::api {

// {"format", "count", "ids", "lengths", "hasLabels", "errors", "moreErrors"} for a paste (FASTA, table,
// or one sequence per line).
// `classes`: how many classes the labels may name (2: labels 0/1; K: class indices 0..K-1).
std::string parse_sequences_json(const std::string& text, const std::string& label_column,
                                 bool require_labels, int classes);

class ModelSession : public Session {
public:
    // kind "spec": `text` is a model spec (JSON); kind "file": a saved model file.
    ModelSession(const std::string& text, const std::string& kind);
    bool ok() const override { return model_ != nullptr; }
    nn::Model* model() { return model_.get(); }  // null when the spec or file had errors

    std::string spec_json() const override;
    std::string summary_json() const override;
    void reset(double seed);  // fresh initial weights from `seed` (a double: JS numbers)

    // {"errors", "moreErrors", "predictions": [{"id", "length", "probability"}]}; for a K-class model each
    // prediction is {"id", "length", "class", "label" (when the spec names classes), "probabilities" (K)}.
    std::string predict_json(const std::string& text);
    // {"errors", "loss", "accuracy", "auroc", "auprc", "n"}; K-class: labels are class indices, AUROC and
    // AUPRC one-vs-rest macro averages.
    std::string evaluate_json(const std::string& text, const std::string& label_column);
    // start_training(text, options) (Session): text holds the labelled records; options: the run's
    // {"epochs", "batchSize", "learningRate", "seed", "validationFraction", "testFraction", "patience"} and
    // "labelColumn", each optional (the spec's training section otherwise). Returns {"errors", "moreErrors",
    // "records", and "positives" | "classCounts" | "labelCounts"}.

    // Transfer learning. Copies the weights of the named layers (a JSON list; null: every layer whose name
    // and shapes both models share, "skipped" listing same-named layers of other shapes) from a saved model
    // file; they survive a re-seeded fit. {"errors", "layers", "skipped"}.
    std::string load_weights_from(const std::string& file_text, const std::string& layers_json);
    // Freezes (false) or unfreezes the named layers (a JSON list). {"errors"} names unknown layers.
    std::string set_trainable(const std::string& layers_json, bool trainable);

protected:
    spec::RunOptions run_defaults() const override;
    Training prepare_training(const std::string& text, const nlohmann::json& options,
                              const spec::RunOptions& run) override;
    std::string write_file(const nlohmann::json& metadata) const override;

private:
    std::unique_ptr<nn::Model> model_;
    std::map<std::string, Tensor> transferred_;  // parameter name -> pretrained value
    nlohmann::json transfer_;                    // {"from", "layers"} for the metadata
};

}  // namespace helix::api
