// core/api/graph_session.cpp: see graph_session.hpp.
#include "graph_session.hpp"

#include <cmath>

#include "../data/graph_batch.hpp"
#include "../io/graph_model_file.hpp"
#include "../ops/graph.hpp"
#include "../ops/ops.hpp"
#include "../train/graph_task.hpp"
#include "json_errors.hpp"

namespace helix::api {

using nlohmann::json;

using train::argmax_row;

GraphSession::GraphSession(const std::string& text, const std::string& kind)
{
    if (kind == "file") {
        io::LoadedGraphModel loaded = io::load_graph_model(text);
        errors_ = spec_errors_to_json(loaded.errors);
        if (!loaded.model) return;
        model_ = std::move(loaded.model);
        spec_ = model_->spec();
        metadata_ = loaded.metadata;
        from_file_ = true;
        return;
    }
    nn::GraphSpecResult spec = nn::parse_graph_spec_text(text);
    errors_ = spec_errors_to_json(spec.errors);
    spec_ = spec.spec;
}

std::string GraphSession::summary_json() const
{
    return model_ ? model_->summary_json().dump() : "null";
}

void GraphSession::rebuild(std::uint64_t seed)
{
    HELIX_ASSERT(loaded());
    nn::GraphSpec spec = spec_;
    spec.training.seed = seed;
    std::vector<nn::SpecError> errors;
    auto fresh = nn::GraphModel::build(spec, in_.features->cols,
                                       model_ ? model_->classes() : in_.graph.classes, errors);
    HELIX_ASSERT(fresh);  // the same spec and sizes built before
    drop_training();      // it refers to the old weights
    model_ = std::move(fresh);
}

std::string GraphSession::load(const std::string& nodes_text, const std::string& edges_text)
{
    HELIX_ASSERT(ok());
    drop_training();
    in_.adj.reset();
    in_.features.reset();
    data::GraphOptions options;
    if (from_file_) options.feature_count = model_->features();
    auto nodes = data::parse_graph_nodes(nodes_text, options);
    if (!nodes.ok())
        return json{{"errors", input_errors_to_json(nodes.errors)},
                    {"moreErrors", nodes.more_errors},
                    {"source", "nodes"}}
            .dump();
    data::GraphData graph = std::move(nodes.value);
    if (spec_.graph_task() != graph.has_graphs())
        return json{{"errors",
                     one_error("graph", spec_.graph_task()
                                            ? "graph: a graph_classification model needs a 'graph' column "
                                              "in the nodes table (which graph each node is in)"
                                            : "graph: the nodes table has a 'graph' column (one label per "
                                              "graph); use a graph_classification model such as gcn-graph")},
                    {"source", "nodes"}}
            .dump();
    auto edges = data::parse_graph_edges(edges_text, graph);
    if (!edges.ok())
        return json{{"errors", input_errors_to_json(edges.errors)},
                    {"moreErrors", edges.more_errors},
                    {"source", "edges"}}
            .dump();
    if (graph.structural_features)
        data::set_structural_features(graph, spec_.structural_features == "degree");
    if (from_file_ && graph.classes > model_->classes())
        return json{{"errors", one_error("label", "label: the nodes have " + std::to_string(graph.classes) +
                                                      " classes but this model predicts " +
                                                      std::to_string(model_->classes()))},
                    {"source", "nodes"}}
            .dump();
    if (from_file_ && graph.features.cols != model_->features())
        return json{{"errors", one_error("", "the nodes have " + std::to_string(graph.features.cols) +
                                                 " features but this model takes " +
                                                 std::to_string(model_->features()))},
                    {"source", "nodes"}}
            .dump();
    if (!graph.split_given && graph.has_graphs())
        data::assign_stratified_graph_split(graph, spec_.training.validation_fraction,
                                            spec_.training.test_fraction, spec_.training.seed);
    else if (!graph.split_given)
        data::assign_stratified_split(graph, spec_.training.validation_fraction, spec_.training.test_fraction,
                                      spec_.training.seed);
    if (!from_file_ && graph.classes < 2)
        return json{
            {"errors", one_error("label", "label: training needs labelled nodes of at least 2 classes")},
            {"source", "nodes"}}
            .dump();
    in_.graph = std::move(graph);
    const std::size_t N = in_.graph.size();
    in_.adj = std::make_shared<const SparseMatrix>(ops::gcn_normalized_adjacency(N, in_.graph.edges));
    auto features = std::make_shared<SparseMatrix>(in_.graph.features);
    if (spec_.features == "row_normalize")
        for (std::size_t i = 0; i < N; ++i) {
            double total = 0.0;
            for (std::uint32_t k = features->row_ptr[i]; k < features->row_ptr[i + 1]; ++k)
                total += features->val[k];
            if (total == 0.0) continue;  // a node without features keeps its zeros
            for (std::uint32_t k = features->row_ptr[i]; k < features->row_ptr[i + 1]; ++k)
                features->val[k] = static_cast<float>(features->val[k] / total);
        }
    in_.features = features;
    in_.nodes_of_graph = data::nodes_by_graph(in_.graph.graph_of_node, in_.graph.graphs());
    in_.classes = xt::zeros<float>({N});
    in_.train_mask = xt::zeros<float>({N});
    for (std::size_t i = 0; i < N; ++i) {
        in_.classes(i) = in_.graph.labels[i] >= 0 ? static_cast<float>(in_.graph.labels[i]) : 0.0f;
        in_.train_mask(i) = in_.graph.labels[i] >= 0 && in_.graph.split[i] == data::NodeSplit::train;
    }
    if (!from_file_) {
        std::vector<nn::SpecError> errors;
        model_ = nn::GraphModel::build(spec_, in_.features->cols, in_.graph.classes, errors);
        if (!model_) {
            in_.adj.reset();
            in_.features.reset();
            return json{{"errors", spec_errors_to_json(errors)}, {"source", "spec"}}.dump();
        }
    }
    std::size_t unlabelled = 0;
    for (int l : in_.graph.labels) unlabelled += l < 0;
    if (spec_.graph_task()) {
        std::size_t unlabelled_graphs = 0;
        for (int l : in_.graph.graph_labels) unlabelled_graphs += l < 0;
        return json{{"errors", json::array()},
                    {"graphs", in_.graph.graphs()},
                    {"nodes", N},
                    {"edges", in_.graph.edges.size()},
                    {"features", in_.graph.features.cols},
                    {"structuralFeatures", in_.graph.structural_features},
                    {"classes", model_->classes()},
                    {"split",
                     {{"train", in_.graph.count_graphs(data::NodeSplit::train)},
                      {"val", in_.graph.count_graphs(data::NodeSplit::val)},
                      {"test", in_.graph.count_graphs(data::NodeSplit::test)},
                      {"unlabelled", unlabelled_graphs}}},
                    {"splitGiven", in_.graph.split_given},
                    {"selfLoops", in_.graph.self_loops},
                    {"duplicateEdges", in_.graph.duplicate_edges}}
            .dump();
    }
    return json{{"errors", json::array()},
                {"nodes", N},
                {"edges", in_.graph.edges.size()},
                {"features", in_.graph.features.cols},
                {"classes", model_->classes()},
                {"split",
                 {{"train", in_.graph.count(data::NodeSplit::train)},
                  {"val", in_.graph.count(data::NodeSplit::val)},
                  {"test", in_.graph.count(data::NodeSplit::test)},
                  {"unlabelled", unlabelled}}},
                {"splitGiven", in_.graph.split_given},
                {"selfLoops", in_.graph.self_loops},
                {"duplicateEdges", in_.graph.duplicate_edges}}
        .dump();
}

spec::RunOptions GraphSession::run_defaults() const
{
    spec::RunOptions defaults;
    defaults.epochs = spec_.training.epochs;
    defaults.batch_size = spec_.training.batch_size;
    defaults.patience = spec_.training.patience;
    defaults.learning_rate = spec_.optimizer.learning_rate;
    defaults.seed = spec_.training.seed;
    return defaults;
}

Session::Training GraphSession::prepare_training(const std::string& /*input_text*/, const json& /*options*/,
                                                 const spec::RunOptions& run)
{
    if (!loaded()) return refused("", "load a graph (nodes and edges) before training");
    nn::GraphTrainingSpec t = spec_.training;
    nn::OptimizerSpec o = spec_.optimizer;
    t.epochs = run.epochs;
    t.patience = run.patience;
    o.learning_rate = run.learning_rate;
    if (spec_.graph_task() ? in_.graph.count_graphs(data::NodeSplit::train) == 0
                           : in_.graph.count(data::NodeSplit::train) == 0)
        return refused("split", spec_.graph_task() ? "split: no labelled graph is in the train split"
                                                   : "split: no labelled node is in the train split");
    if (run.seed_given) {
        rebuild(run.seed);
        t.seed = run.seed;
    }
    Training training;
    training.task = std::make_unique<train::GraphTask>(*model_, in_, t, o);
    training.options = train::graph_run_options(t);
    metadata_["training"] = {{"epochs", t.epochs},
                             {"learningRate", o.learning_rate},
                             {"seed", t.seed},
                             {"patience", t.patience},
                             {"monitor", spec_.training.monitor}};
    metadata_["trainedOn"] = {{"nodes", in_.graph.size()},
                              {"edges", in_.graph.edges.size()},
                              {"train", in_.graph.count(data::NodeSplit::train)},
                              {"val", in_.graph.count(data::NodeSplit::val)}};
    if (spec_.graph_task())
        metadata_["trainedOn"].update({{"graphs", in_.graph.graphs()},
                                       {"train", in_.graph.count_graphs(data::NodeSplit::train)},
                                       {"val", in_.graph.count_graphs(data::NodeSplit::val)}});
    return training;
}

std::string GraphSession::evaluate_json() const
{
    HELIX_ASSERT(ok());
    if (!loaded())
        return json{{"errors", one_error("", "load a graph (nodes and edges) before evaluating")}}.dump();
    const train::GraphScores s = train::score_split(*model_, in_, data::NodeSplit::test);
    if (s.n == 0)
        return json{{"errors",
                     one_error("split", spec_.graph_task() ? "split: no labelled graph is in the test split"
                                                           : "split: no labelled node is in the test split")}}
            .dump();
    json out = {{"errors", json::array()}, {"accuracy", s.accuracy}, {"loss", s.loss}, {"n", s.n}};
    if (spec_.graph_task()) out["auroc"] = std::isfinite(s.auroc) ? json(s.auroc) : json(nullptr);
    return out.dump();
}

std::string GraphSession::predict_json() const
{
    HELIX_ASSERT(ok());
    if (!loaded())
        return json{{"errors", one_error("", "load a graph (nodes and edges) before predicting")}}.dump();
    std::vector<std::size_t> all(in_.graph.graphs());
    for (std::size_t g = 0; g < all.size(); ++g) all[g] = g;
    const bool per_graph = spec_.graph_task();
    const Tensor z = per_graph ? train::graph_logits(*model_, in_, all) : train::node_logits(*model_, in_);
    const std::size_t K = z.shape()[1];
    json predictions = json::array();
    std::vector<float> p(K);
    for (std::size_t i = 0; i < z.shape()[0]; ++i) {
        const float* row = z.data() + i * K;
        const float mx = row[argmax_row(row, K)];
        double total = 0.0;
        for (std::size_t j = 0; j < K; ++j) total += std::exp(static_cast<double>(row[j] - mx));
        for (std::size_t j = 0; j < K; ++j)
            p[j] = static_cast<float>(std::exp(static_cast<double>(row[j] - mx)) / total);
        predictions.push_back({{"id", per_graph ? in_.graph.graph_ids[i] : in_.graph.ids[i]},
                               {"class", argmax_row(row, K)},
                               {"probabilities", p}});
    }
    return json{{"errors", json::array()}, {"predictions", predictions}}.dump();
}

std::string GraphSession::write_file(const json& metadata) const
{
    HELIX_ASSERT(model_);
    return io::save_graph_model(*model_, metadata);
}

}  // namespace helix::api
