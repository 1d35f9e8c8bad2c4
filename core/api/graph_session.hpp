// core/api/graph_session.hpp: node classification with a GCN as the outside world uses it, the graph twin of
// ModelSession: text in, JSON text out, nothing thrown on user input. Usage: construct from a spec (or a
// saved file), load(nodes, edges), then start_training + train_step until training_finished (one full-batch
// epoch per step), evaluate (accuracy on the test nodes), predict, save.
// A graph_classification spec predicts one class per graph of a nodes table with a `graph` column: an epoch then
// walks the train graphs in shuffled mini-batches (training.batch_size graphs each, one block-diagonal graph per
// batch), and evaluate/predict report graphs instead of nodes.
// A spec-built session creates its weights at load(), when the feature and class counts are known; a file-built
// one keeps its weights and checks that the graph fits them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../data/graph.hpp"
#include "../tensor_reuse.hpp"
#include "../nn/graph_model.hpp"
#include "../optim/optimizer.hpp"
#include "../train/divergence.hpp"

namespace helix::api {

class GraphSession {
public:
    // kind "spec": `text` is a graph model spec (JSON); kind "file": a saved graph model file.
    GraphSession(const std::string& text, const std::string& kind);
    bool ok() const { return errors_.empty(); }
    std::string errors_json() const { return errors_.dump(); }
    std::string spec_json() const { return nn::graph_spec_to_json(spec_).dump(); }
    std::string summary_json() const;  // null before a spec-built model has seen data

    // {"errors", "moreErrors", "source": "nodes" | "edges"} or {"errors": [], "nodes", "edges", "features",
    // "classes", "split": {"train", "val", "test", "unlabelled"}, "splitGiven", "selfLoops", "duplicateEdges"}.
    std::string load(const std::string& nodes_text, const std::string& edges_text);
    bool loaded() const { return adj_ != nullptr; }

    // options {"epochs", "seed", "patience", "learningRate"}, each optional (the spec's otherwise). A seed gives
    // fresh weights (same seed, same run); without one training continues from the current weights.
    std::string start_training(const std::string& options_json);
    // {"type": "epoch", "epoch", "epochs", "loss", "trainAccuracy", "valLoss", "valAccuracy"} at an epoch's end;
    // {"type": "batch", "epoch", "epochs", "batch", "batches", "loss"} after a graph mini-batch that does not end
    // one; {"type": "error", "message", "epoch", "batch"} when training diverged.
    std::string train_step();
    bool training_finished() const { return !run_ || run_->finished; }
    void cancel_training();
    // {"epochsRun", "bestEpoch", "stoppedEarly", "cancelled", "test": {...}}, and "error" and "diverged":
    // {"epoch", "batch", "message"} when training diverged.
    std::string training_summary();

    // {"errors", "accuracy", "loss", "n"} on the labelled test nodes; graph models add the macro AUROC
    // ("auroc", one-vs-rest; null when the test graphs hold one class) and count graphs in "n".
    std::string evaluate_json() const;
    // {"errors", "predictions": [{"id", "class", "probabilities"}]}: one row per node, or per graph (the graph's
    // id) for a graph model.
    std::string predict_json() const;
    std::string save(const std::string& metadata_json) const;
    std::string metadata_json() const { return metadata_.dump(); }

private:
    struct Run {
        std::unique_ptr<optim::Optimizer> optimizer;
        Rng rng;
        std::size_t epoch = 0, epochs = 0, patience = 0, best_epoch = 0, since_best = 0;
        double best = 0.0;
        bool finished = false, cancelled = false, stopped_early = false;
        std::vector<Tensor> best_weights;
        std::unique_ptr<train::DivergenceGuard> guard;
        TensorReuse reuse;  // last step's tensor buffers, taken back by the next
        bool stepped = false;  // this step's update was applied (a bad weight then comes from it)
        nlohmann::json diverged;  // {"epoch", "batch", "message"} once training diverged
        // Graph classification: the epoch's shuffled train graphs, the next one's index, and the running figures.
        std::vector<std::size_t> order;
        std::size_t cursor = 0, batch = 0, correct = 0;
        double loss_sum = 0.0;
    };
    struct Scores {
        double loss = 0.0, accuracy = 0.0, auroc = 0.0;  // auroc: graph models only; NaN when undefined
        std::size_t n = 0;
    };
    Scores score(const Tensor& logits, data::NodeSplit which) const;
    Tensor logits() const;  // inference (no dropout), (N, classes)
    void rebuild(std::uint64_t seed);

    // Graph classification (spec_.graph_task()).
    std::vector<std::size_t> graphs_in(data::NodeSplit which) const;  // labelled graphs of a split
    Tensor graph_logits(const std::vector<std::size_t>& graphs) const;  // inference, (graphs, classes)
    Scores score_graphs(data::NodeSplit which) const;
    Scores score_split(data::NodeSplit which) const;  // score_graphs or score(logits(), which)
    // One mini-batch of the epoch's train graphs (shuffled at the epoch's start); "" or what became NaN / infinite.
    std::string train_graph_batch();
    std::string train_nodes(Scores& train);  // one full-batch step of node classification; "" or what went bad
    std::string stop_diverged(const std::string& what);  // the last good weights back; the error event
    void update();  // weight decay, then one optimizer step
    std::vector<std::vector<std::uint32_t>> nodes_of_graph_;

    nn::GraphSpec spec_;
    std::unique_ptr<nn::GraphModel> model_;
    bool from_file_ = false;
    nlohmann::json errors_ = nlohmann::json::array();
    nlohmann::json metadata_ = nlohmann::json::object();
    data::GraphData graph_;
    std::shared_ptr<const SparseMatrix> adj_, features_;
    Tensor classes_, train_mask_;
    std::unique_ptr<Run> run_;
};

}  // namespace helix::api
