// core/api/graph_session.cpp: see graph_session.hpp.
#include "graph_session.hpp"
#include "json_errors.hpp"

#include <cmath>

#include "../data/graph_batch.hpp"
#include "../io/graph_model_file.hpp"
#include "../spec/training_options.hpp"
#include "../train/metrics.hpp"
#include "../ops/graph.hpp"
#include "../ops/ops.hpp"

namespace helix::api {

using nlohmann::json;

namespace {

std::size_t argmax_row(const float* row, std::size_t k)
{
    std::size_t best = 0;
    for (std::size_t j = 1; j < k; ++j)
        if (row[j] > row[best]) best = j;
    return best;
}

}  // namespace

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

std::string GraphSession::summary_json() const { return model_ ? model_->summary_json().dump() : "null"; }

void GraphSession::rebuild(std::uint64_t seed)
{
    HELIX_ASSERT(loaded());
    nn::GraphSpec spec = spec_;
    spec.training.seed = seed;
    std::vector<nn::SpecError> errors;
    auto fresh = nn::GraphModel::build(spec, features_->cols, model_ ? model_->classes() : graph_.classes, errors);
    HELIX_ASSERT(fresh);  // the same spec and sizes built before
    run_.reset();         // it refers to the old weights
    model_ = std::move(fresh);
}

std::string GraphSession::load(const std::string& nodes_text, const std::string& edges_text)
{
    HELIX_ASSERT(ok());
    run_.reset();
    adj_.reset();
    features_.reset();
    data::GraphOptions options;
    if (from_file_) options.feature_count = model_->features();
    auto nodes = data::parse_graph_nodes(nodes_text, options);
    if (!nodes.ok())
        return json{{"errors", input_errors_to_json(nodes.errors)}, {"moreErrors", nodes.more_errors}, {"source", "nodes"}}
            .dump();
    data::GraphData graph = std::move(nodes.value);
    if (spec_.graph_task() != graph.has_graphs())
        return json{{"errors", one_error("graph", spec_.graph_task()
                                                      ? "graph: a graph_classification model needs a 'graph' column "
                                                        "in the nodes table (which graph each node is in)"
                                                      : "graph: the nodes table has a 'graph' column (one label per "
                                                        "graph); use a graph_classification model such as gcn-graph")},
                    {"source", "nodes"}}
            .dump();
    auto edges = data::parse_graph_edges(edges_text, graph);
    if (!edges.ok())
        return json{{"errors", input_errors_to_json(edges.errors)}, {"moreErrors", edges.more_errors}, {"source", "edges"}}
            .dump();
    if (graph.structural_features) data::set_structural_features(graph, spec_.structural_features == "degree");
    if (from_file_ && graph.classes > model_->classes())
        return json{{"errors", one_error("label", "label: the nodes have " + std::to_string(graph.classes) +
                                                      " classes but this model predicts " +
                                                      std::to_string(model_->classes()))},
                    {"source", "nodes"}}
            .dump();
    if (from_file_ && graph.features.cols != model_->features())
        return json{{"errors", one_error("", "the nodes have " + std::to_string(graph.features.cols) +
                                                 " features but this model takes " + std::to_string(model_->features()))},
                    {"source", "nodes"}}
            .dump();
    if (!graph.split_given && graph.has_graphs())
        data::assign_stratified_graph_split(graph, spec_.training.validation_fraction, spec_.training.test_fraction,
                                            spec_.training.seed);
    else if (!graph.split_given)
        data::assign_stratified_split(graph, spec_.training.validation_fraction, spec_.training.test_fraction,
                                      spec_.training.seed);
    if (!from_file_ && graph.classes < 2)
        return json{{"errors", one_error("label", "label: training needs labelled nodes of at least 2 classes")},
                    {"source", "nodes"}}
            .dump();
    graph_ = std::move(graph);
    const std::size_t N = graph_.size();
    adj_ = std::make_shared<const SparseMatrix>(ops::gcn_normalized_adjacency(N, graph_.edges));
    auto features = std::make_shared<SparseMatrix>(graph_.features);
    if (spec_.features == "row_normalize")
        for (std::size_t i = 0; i < N; ++i) {
            double total = 0.0;
            for (std::uint32_t k = features->row_ptr[i]; k < features->row_ptr[i + 1]; ++k) total += features->val[k];
            if (total == 0.0) continue;  // a node without features keeps its zeros
            for (std::uint32_t k = features->row_ptr[i]; k < features->row_ptr[i + 1]; ++k)
                features->val[k] = static_cast<float>(features->val[k] / total);
        }
    features_ = features;
    nodes_of_graph_ = data::nodes_by_graph(graph_.graph_of_node, graph_.graphs());
    classes_ = xt::zeros<float>({N});
    train_mask_ = xt::zeros<float>({N});
    for (std::size_t i = 0; i < N; ++i) {
        classes_(i) = graph_.labels[i] >= 0 ? static_cast<float>(graph_.labels[i]) : 0.0f;
        train_mask_(i) = graph_.labels[i] >= 0 && graph_.split[i] == data::NodeSplit::train;
    }
    if (!from_file_) {
        std::vector<nn::SpecError> errors;
        model_ = nn::GraphModel::build(spec_, features_->cols, graph_.classes, errors);
        if (!model_) {
            adj_.reset();
            features_.reset();
            return json{{"errors", spec_errors_to_json(errors)}, {"source", "spec"}}.dump();
        }
    }
    std::size_t unlabelled = 0;
    for (int l : graph_.labels) unlabelled += l < 0;
    if (spec_.graph_task()) {
        std::size_t unlabelled_graphs = 0;
        for (int l : graph_.graph_labels) unlabelled_graphs += l < 0;
        return json{{"errors", json::array()},
                    {"graphs", graph_.graphs()},
                    {"nodes", N},
                    {"edges", graph_.edges.size()},
                    {"features", graph_.features.cols},
                    {"structuralFeatures", graph_.structural_features},
                    {"classes", model_->classes()},
                    {"split", {{"train", graph_.count_graphs(data::NodeSplit::train)},
                               {"val", graph_.count_graphs(data::NodeSplit::val)},
                               {"test", graph_.count_graphs(data::NodeSplit::test)},
                               {"unlabelled", unlabelled_graphs}}},
                    {"splitGiven", graph_.split_given},
                    {"selfLoops", graph_.self_loops},
                    {"duplicateEdges", graph_.duplicate_edges}}
            .dump();
    }
    return json{{"errors", json::array()},
                {"nodes", N},
                {"edges", graph_.edges.size()},
                {"features", graph_.features.cols},
                {"classes", model_->classes()},
                {"split", {{"train", graph_.count(data::NodeSplit::train)},
                           {"val", graph_.count(data::NodeSplit::val)},
                           {"test", graph_.count(data::NodeSplit::test)},
                           {"unlabelled", unlabelled}}},
                {"splitGiven", graph_.split_given},
                {"selfLoops", graph_.self_loops},
                {"duplicateEdges", graph_.duplicate_edges}}
        .dump();
}

Tensor GraphSession::logits() const
{
    Rng unused(0);
    return model_->forward(adj_, features_, /*training=*/false, unused).value();
}

GraphSession::Scores GraphSession::score(const Tensor& z, data::NodeSplit which) const
{
    Scores s;
    const std::size_t K = z.shape()[1];
    std::size_t correct = 0;
    for (std::size_t i = 0; i < graph_.size(); ++i) {
        if (graph_.split[i] != which || graph_.labels[i] < 0) continue;
        const float* row = z.data() + i * K;
        const auto cls = static_cast<std::size_t>(graph_.labels[i]);
        float mx = row[argmax_row(row, K)];
        double e = 0.0;
        for (std::size_t j = 0; j < K; ++j) e += std::exp(static_cast<double>(row[j] - mx));
        s.loss += mx + std::log(e) - row[cls];
        correct += argmax_row(row, K) == cls;
        ++s.n;
    }
    if (s.n > 0) {
        s.loss /= static_cast<double>(s.n);
        s.accuracy = static_cast<double>(correct) / static_cast<double>(s.n);
    }
    return s;
}

std::vector<std::size_t> GraphSession::graphs_in(data::NodeSplit which) const
{
    std::vector<std::size_t> out;
    for (std::size_t g = 0; g < graph_.graphs(); ++g)
        if (graph_.graph_split[g] == which && graph_.graph_labels[g] >= 0) out.push_back(g);
    return out;
}

Tensor GraphSession::graph_logits(const std::vector<std::size_t>& graphs) const
{
    const data::GraphBatch b = data::make_graph_batch(*adj_, *features_, nodes_of_graph_, graphs);
    Rng unused(0);
    return model_->forward(b.adj, b.features, /*training=*/false, unused, &b.graph_of_node, b.graphs).value();
}

GraphSession::Scores GraphSession::score_graphs(data::NodeSplit which) const
{
    Scores s;
    const std::vector<std::size_t> graphs = graphs_in(which);
    if (graphs.empty()) return s;
    const Tensor z = graph_logits(graphs);
    const std::size_t K = z.shape()[1];
    std::vector<float> prob(graphs.size() * K), label(graphs.size());
    std::size_t correct = 0;
    for (std::size_t k = 0; k < graphs.size(); ++k) {
        const float* row = z.data() + k * K;
        const auto cls = static_cast<std::size_t>(graph_.graph_labels[graphs[k]]);
        const float mx = row[argmax_row(row, K)];
        double e = 0.0;
        for (std::size_t j = 0; j < K; ++j) e += std::exp(static_cast<double>(row[j] - mx));
        for (std::size_t j = 0; j < K; ++j)
            prob[k * K + j] = static_cast<float>(std::exp(static_cast<double>(row[j] - mx)) / e);
        label[k] = static_cast<float>(cls);
        s.loss += mx + std::log(e) - row[cls];
        correct += argmax_row(row, K) == cls;
    }
    s.n = graphs.size();
    s.loss /= static_cast<double>(s.n);
    s.accuracy = static_cast<double>(correct) / static_cast<double>(s.n);
    s.auroc = train::macro_auroc(prob, label, K);
    return s;
}

GraphSession::Scores GraphSession::score_split(data::NodeSplit which) const
{
    return spec_.graph_task() ? score_graphs(which) : score(logits(), which);
}

void GraphSession::update()
{
    // L2 penalty wd/2 |W|^2: its gradient wd * W (see graph_model.hpp).
    const float wd = spec_.optimizer.weight_decay;
    if (wd > 0.0f)
        for (nn::Param* p : model_->decayed_params()) p->var.grad() += wd * p->var.value();
    run_->optimizer->step();
}

std::string GraphSession::train_graph_batch()
{
    Run& r = *run_;
    if (r.cursor == 0) {
        r.order = graphs_in(data::NodeSplit::train);
        r.rng.shuffle(r.order);
        r.batch = r.correct = 0;
        r.loss_sum = 0.0;
    }
    const std::size_t B = spec_.training.batch_size;
    const std::vector<std::size_t> chosen(r.order.begin() + static_cast<std::ptrdiff_t>(r.cursor),
                                          r.order.begin() + static_cast<std::ptrdiff_t>(std::min(r.cursor + B, r.order.size())));
    const data::GraphBatch b = data::make_graph_batch(*adj_, *features_, nodes_of_graph_, chosen);
    Tensor labels = Tensor::from_shape({chosen.size()});
    for (std::size_t k = 0; k < chosen.size(); ++k) labels(k) = static_cast<float>(graph_.graph_labels[chosen[k]]);
    r.reuse.next_step();
    r.guard->save();
    r.stepped = false;
    r.optimizer->zero_grad();
    Var z = model_->forward(b.adj, b.features, /*training=*/true, r.rng, &b.graph_of_node, b.graphs);
    Var loss = ops::softmax_cross_entropy(z, labels);
    const std::string bad = train::checked_update(
        loss.value()(0), r.guard->params(), [&] { backward(loss); }, [&] { update(); }, r.stepped);
    if (!bad.empty()) return bad;
    // Loss and accuracy with dropout, before the step.
    const std::size_t K = z.dim(1);
    for (std::size_t k = 0; k < chosen.size(); ++k)
        r.correct += argmax_row(z.value().data() + k * K, K) == static_cast<std::size_t>(labels(k));
    r.loss_sum += static_cast<double>(loss.value()(0)) * static_cast<double>(chosen.size());
    r.cursor += chosen.size();
    ++r.batch;
    return "";
}

std::string GraphSession::start_training(const std::string& options_json)
{
    HELIX_ASSERT(ok());
    run_.reset();
    if (!loaded()) return json{{"errors", one_error("", "load a graph (nodes and edges) before training")}}.dump();
    nn::GraphTrainingSpec t = spec_.training;
    nn::OptimizerSpec o = spec_.optimizer;
    spec::RunOptions defaults;
    defaults.epochs = t.epochs;
    defaults.batch_size = t.batch_size;
    defaults.patience = t.patience;
    defaults.learning_rate = o.learning_rate;
    defaults.seed = t.seed;
    const spec::RunOptionsResult given = spec::parse_run_options(options_json, defaults);
    if (!given.ok()) return json{{"errors", spec_errors_to_json(given.errors)}}.dump();
    t.epochs = given.options.epochs;
    t.patience = given.options.patience;
    o.learning_rate = given.options.learning_rate;
    const bool reseed = given.options.seed_given;
    const std::uint64_t seed = given.options.seed;
    if (spec_.graph_task() ? graph_.count_graphs(data::NodeSplit::train) == 0 : graph_.count(data::NodeSplit::train) == 0)
        return json{{"errors", one_error("split", spec_.graph_task() ? "split: no labelled graph is in the train split"
                                                                      : "split: no labelled node is in the train split")}}
            .dump();
    if (reseed) rebuild(seed);
    if (reseed) t.seed = seed;
    auto run = std::make_unique<Run>();
    o.weight_decay = 0.0f;  // applied as L2 on the chosen weights in train_step, not as AdamW decay
    run->optimizer = optim::make_optimizer(o, model_->params());
    run->guard = std::make_unique<train::DivergenceGuard>(model_->params());
    run->rng.reseed(t.seed ^ 0x9e3779b97f4a7c15ull);  // dropout masks
    run->epochs = t.epochs;
    run->patience = t.patience;
    run->best = spec_.training.monitor == "val_accuracy" ? -1.0 : HUGE_VAL;
    run_ = std::move(run);
    metadata_["training"] = {{"epochs", t.epochs}, {"learningRate", o.learning_rate}, {"seed", t.seed},
                             {"patience", t.patience}, {"monitor", spec_.training.monitor}};
    metadata_["trainedOn"] = {{"nodes", graph_.size()}, {"edges", graph_.edges.size()},
                              {"train", graph_.count(data::NodeSplit::train)},
                              {"val", graph_.count(data::NodeSplit::val)}};
    if (spec_.graph_task())
        metadata_["trainedOn"].update({{"graphs", graph_.graphs()},
                                       {"train", graph_.count_graphs(data::NodeSplit::train)},
                                       {"val", graph_.count_graphs(data::NodeSplit::val)}});
    return json{{"errors", json::array()}}.dump();
}

std::string GraphSession::stop_diverged(const std::string& what)
{
    Run& r = *run_;
    // The last good weights stay: not the best epoch's.
    const std::size_t batch = spec_.graph_task() ? r.batch + 1 : 1;
    train::Divergence d =
        train::stop_at_divergence(*r.guard, r.stepped, r.epoch + 1, batch, what, r.optimizer->learning_rate);
    r.finished = true;
    r.diverged = std::move(d.at);
    return d.event.dump();
}

std::string GraphSession::train_nodes(Scores& train)
{
    Run& r = *run_;
    r.reuse.next_step();
    r.guard->save();
    r.stepped = false;
    r.optimizer->zero_grad();
    Var z = model_->forward(adj_, features_, /*training=*/true, r.rng);
    Var loss = ops::softmax_cross_entropy(z, classes_, train_mask_);
    const std::string bad = train::checked_update(
        loss.value()(0), r.guard->params(), [&] { backward(loss); }, [&] { update(); }, r.stepped);
    if (!bad.empty()) return bad;
    train = score(z.value(), data::NodeSplit::train);  // with dropout, before the step
    train.loss = loss.value()(0);
    return "";
}

std::string GraphSession::train_step()
{
    HELIX_ASSERT(run_ && !run_->finished);
    Run& r = *run_;
    Scores train;
    const std::string bad = spec_.graph_task() ? train_graph_batch() : train_nodes(train);
    if (!bad.empty()) return stop_diverged(bad);
    if (spec_.graph_task()) {
        const std::size_t B = spec_.training.batch_size;
        if (r.cursor < r.order.size())
            return json{{"type", "batch"},
                        {"epoch", r.epoch + 1},
                        {"epochs", r.epochs},
                        {"batch", r.batch},
                        {"batches", (r.order.size() + B - 1) / B},
                        {"loss", r.loss_sum / static_cast<double>(r.cursor)}}
                .dump();
        train.n = r.order.size();
        train.loss = r.loss_sum / static_cast<double>(train.n);
        train.accuracy = static_cast<double>(r.correct) / static_cast<double>(train.n);
        r.cursor = 0;  // the next step starts the next epoch
    }
    ++r.epoch;
    const Scores val = score_split(data::NodeSplit::val);
    const bool by_accuracy = spec_.training.monitor == "val_accuracy";
    const double metric = by_accuracy ? val.accuracy : val.loss;
    if (val.n > 0 && (by_accuracy ? metric > r.best : metric < r.best)) {
        r.best = metric;
        r.best_epoch = r.epoch;
        r.since_best = 0;
        r.best_weights.clear();
        for (const nn::Param* p : model_->params()) r.best_weights.push_back(p->var.value());
    } else {
        ++r.since_best;
    }
    if (r.patience > 0 && val.n > 0 && r.since_best >= r.patience) r.stopped_early = true;
    if (r.epoch >= r.epochs || r.stopped_early) r.finished = true;
    if (r.finished && !r.best_weights.empty()) {
        auto params = model_->params();
        for (std::size_t i = 0; i < params.size(); ++i) params[i]->var.value() = r.best_weights[i];
    }
    return json{{"type", "epoch"},
                {"epoch", r.epoch},
                {"epochs", r.epochs},
                {"loss", train.loss},
                {"trainAccuracy", train.accuracy},
                {"valLoss", val.n ? json(val.loss) : json(nullptr)},
                {"valAccuracy", val.n ? json(val.accuracy) : json(nullptr)}}
        .dump();
}

void GraphSession::cancel_training()
{
    if (!run_ || run_->finished) return;
    run_->cancelled = run_->finished = true;
    if (!run_->best_weights.empty()) {
        auto params = model_->params();
        for (std::size_t i = 0; i < params.size(); ++i) params[i]->var.value() = run_->best_weights[i];
    }
}

std::string GraphSession::training_summary()
{
    HELIX_ASSERT(run_);
    const Scores test = score_split(data::NodeSplit::test);
    json t = {{"accuracy", test.n ? json(test.accuracy) : json(nullptr)},
              {"loss", test.n ? json(test.loss) : json(nullptr)},
              {"n", test.n}};
    if (spec_.graph_task()) t["auroc"] = test.n && std::isfinite(test.auroc) ? json(test.auroc) : json(nullptr);
    json s = {{"epochsRun", run_->epoch}, {"bestEpoch", run_->best_epoch}, {"stoppedEarly", run_->stopped_early},
              {"cancelled", run_->cancelled}, {"test", t}};
    if (!run_->diverged.is_null()) {
        s["error"] = run_->diverged["message"];
        s["diverged"] = run_->diverged;
    }
    metadata_["test"] = t;
    metadata_["bestEpoch"] = run_->best_epoch;
    return s.dump();
}

std::string GraphSession::evaluate_json() const
{
    HELIX_ASSERT(ok());
    if (!loaded()) return json{{"errors", one_error("", "load a graph (nodes and edges) before evaluating")}}.dump();
    const Scores s = score_split(data::NodeSplit::test);
    if (s.n == 0)
        return json{{"errors", one_error("split", spec_.graph_task() ? "split: no labelled graph is in the test split"
                                                                     : "split: no labelled node is in the test split")}}
            .dump();
    json out = {{"errors", json::array()}, {"accuracy", s.accuracy}, {"loss", s.loss}, {"n", s.n}};
    if (spec_.graph_task()) out["auroc"] = std::isfinite(s.auroc) ? json(s.auroc) : json(nullptr);
    return out.dump();
}

std::string GraphSession::predict_json() const
{
    HELIX_ASSERT(ok());
    if (!loaded()) return json{{"errors", one_error("", "load a graph (nodes and edges) before predicting")}}.dump();
    std::vector<std::size_t> all(graph_.graphs());
    for (std::size_t g = 0; g < all.size(); ++g) all[g] = g;
    const bool per_graph = spec_.graph_task();
    const Tensor z = per_graph ? graph_logits(all) : logits();
    const std::size_t K = z.shape()[1];
    json predictions = json::array();
    std::vector<float> p(K);
    for (std::size_t i = 0; i < z.shape()[0]; ++i) {
        const float* row = z.data() + i * K;
        const float mx = row[argmax_row(row, K)];
        double total = 0.0;
        for (std::size_t j = 0; j < K; ++j) total += std::exp(static_cast<double>(row[j] - mx));
        for (std::size_t j = 0; j < K; ++j) p[j] = static_cast<float>(std::exp(static_cast<double>(row[j] - mx)) / total);
        predictions.push_back({{"id", per_graph ? graph_.graph_ids[i] : graph_.ids[i]},
                               {"class", argmax_row(row, K)},
                               {"probabilities", p}});
    }
    return json{{"errors", json::array()}, {"predictions", predictions}}.dump();
}

std::string GraphSession::save(const std::string& metadata_json) const
{
    HELIX_ASSERT(model_);
    json extra = json::parse(metadata_json, nullptr, false);
    json meta = metadata_;
    if (extra.is_object()) meta.update(extra);
    return io::save_graph_model(*model_, meta);
}

}  // namespace helix::api
