// core/api/graph_session.hpp: node classification with a GCN as the outside world uses it, the graph twin of
// ModelSession: text in, JSON text out, nothing thrown on user input. Usage: construct from a spec (or a
// saved file), load(nodes, edges), then start_training + train_step until training_finished (one full-batch
// epoch per step), evaluate (accuracy on the test nodes), predict, save.
// A graph_classification spec predicts one class per graph of a nodes table with a `graph` column: an epoch
// then walks the train graphs in shuffled mini-batches (training.batch_size graphs each, one block-diagonal
// graph per batch), and evaluate/predict report graphs instead of nodes. A spec-built session creates its
// weights at load(), when the feature and class counts are known; a file-built one keeps its weights and
// checks that the graph fits them.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../data/graph.hpp"
#include "../nn/graph_model.hpp"
#include "../train/graph_scores.hpp"
#include "session.hpp"

namespace helix::api {

class GraphSession : public Session {
public:
    // kind "spec": `text` is a graph model spec (JSON); kind "file": a saved graph model file.
    GraphSession(const std::string& text, const std::string& kind);
    std::string spec_json() const override { return nn::graph_spec_to_json(spec_).dump(); }
    std::string summary_json() const override;  // null before a spec-built model has seen data

    // {"errors", "moreErrors", "source": "nodes" | "edges"} or {"errors": [], "nodes", "edges", "features",
    // "classes", "split": {"train", "val", "test", "unlabelled"}, "splitGiven", "selfLoops",
    // "duplicateEdges"}.
    std::string load(const std::string& nodes_text, const std::string& edges_text);
    bool loaded() const { return in_.adj != nullptr; }

    // start_training("", options) (Session) on the loaded graph: options {"epochs", "seed", "patience",
    // "learningRate"}, each optional (the spec's otherwise). The events of core/train/training_run.hpp:
    // {"type": "batch", ...} after a training step (node classification: the epoch's one full-batch step;
    // graph classification: a mini-batch of graphs), then {"type": "epoch", "epoch", "epochs", "loss",
    // "trainAccuracy", "valLoss", "valAccuracy", ...} after the validation; {"type": "error", "message",
    // "epoch", "batch"} when training diverged. The summary: {"epochsRun", "bestEpoch", "stoppedEarly",
    // "cancelled", "history", "monitor", "test": {...}}, and "error" and "diverged": {"epoch", "batch",
    // "message"} when training diverged.
    using Session::start_training;
    std::string start_training(const std::string& options_json) { return start_training("", options_json); }

    // {"errors", "accuracy", "loss", "n"} on the labelled test nodes; graph models add the macro AUROC
    // ("auroc", one-vs-rest; null when the test graphs hold one class) and count graphs in "n".
    std::string evaluate_json() const;
    // {"errors", "predictions": [{"id", "class", "probabilities"}]}: one row per node, or per graph (the
    // graph's id) for a graph model.
    std::string predict_json() const;

protected:
    spec::RunOptions run_defaults() const override;
    Training prepare_training(const std::string& input_text, const nlohmann::json& options,
                              const spec::RunOptions& run) override;
    std::string write_file(const nlohmann::json& metadata) const override;

private:
    void rebuild(std::uint64_t seed);

    nn::GraphSpec spec_;
    std::unique_ptr<nn::GraphModel> model_;
    bool from_file_ = false;
    train::GraphInput in_;  // the loaded graph
};

}  // namespace helix::api
