// core/train/graph_scores.cpp: see graph_scores.hpp.
#include "graph_scores.hpp"

#include "../data/graph_batch.hpp"
#include "metrics.hpp"

namespace helix::train {

std::size_t argmax_row(const float* row, std::size_t k)
{
    std::size_t best = 0;
    for (std::size_t j = 1; j < k; ++j)
        if (row[j] > row[best]) best = j;
    return best;
}

Tensor node_logits(const nn::GraphModel& model, const GraphInput& in)
{
    Rng unused(0);
    return model.forward(in.adj, in.features, /*training=*/false, unused).value();
}

Tensor graph_logits(const nn::GraphModel& model, const GraphInput& in, const std::vector<std::size_t>& graphs)
{
    const data::GraphBatch b = data::make_graph_batch(*in.adj, *in.features, in.nodes_of_graph, graphs);
    Rng unused(0);
    return model.forward(b.adj, b.features, /*training=*/false, unused, &b.graph_of_node, b.graphs).value();
}

std::vector<std::size_t> graphs_in(const data::GraphData& graph, data::NodeSplit which)
{
    std::vector<std::size_t> out;
    for (std::size_t g = 0; g < graph.graphs(); ++g)
        if (graph.graph_split[g] == which && graph.graph_labels[g] >= 0) out.push_back(g);
    return out;
}

std::size_t labelled_in(const GraphInput& in, bool graph_task, data::NodeSplit which)
{
    return graph_task ? in.graph.count_graphs(which) : in.graph.count(which);
}

namespace {

// Adds row's cross-entropy against class `cls` to s.loss and its hit to `correct`; the softmax into `prob` if
// given.
void score_row(const float* row, std::size_t K, std::size_t cls, GraphScores& s, std::size_t& correct,
               float* prob)
{
    const float mx = row[argmax_row(row, K)];
    double e = 0.0;
    for (std::size_t j = 0; j < K; ++j) e += std::exp(static_cast<double>(row[j] - mx));
    if (prob)
        for (std::size_t j = 0; j < K; ++j)
            prob[j] = static_cast<float>(std::exp(static_cast<double>(row[j] - mx)) / e);
    s.loss += mx + std::log(e) - row[cls];
    correct += argmax_row(row, K) == cls;
    ++s.n;
}

void finish_means(GraphScores& s, std::size_t correct)
{
    if (s.n == 0) return;
    s.loss /= static_cast<double>(s.n);
    s.accuracy = static_cast<double>(correct) / static_cast<double>(s.n);
}

}  // namespace

GraphScores score_nodes(const Tensor& z, const data::GraphData& graph, data::NodeSplit which)
{
    GraphScores s;
    const std::size_t K = z.shape()[1];
    std::size_t correct = 0;
    for (std::size_t i = 0; i < graph.size(); ++i) {
        if (graph.split[i] != which || graph.labels[i] < 0) continue;
        score_row(z.data() + i * K, K, static_cast<std::size_t>(graph.labels[i]), s, correct, nullptr);
    }
    finish_means(s, correct);
    return s;
}

GraphScores score_graphs(const nn::GraphModel& model, const GraphInput& in, data::NodeSplit which)
{
    GraphScoring scoring;
    const std::vector<std::size_t> graphs = graphs_in(in.graph, which);
    if (!graphs.empty()) scoring.add(model, in, graphs);
    return scoring.scores();
}

void GraphScoring::reset()
{
    sum_ = {};
    correct_ = 0;
    prob_.clear();
    label_.clear();
}

void GraphScoring::add(const nn::GraphModel& model, const GraphInput& in,
                       const std::vector<std::size_t>& graphs)
{
    if (graphs.empty()) return;
    const Tensor z = graph_logits(model, in, graphs);
    const std::size_t K = z.shape()[1], first = label_.size();
    classes_ = K;
    prob_.resize((first + graphs.size()) * K);
    label_.resize(first + graphs.size());
    for (std::size_t k = 0; k < graphs.size(); ++k) {
        const auto cls = static_cast<std::size_t>(in.graph.graph_labels[graphs[k]]);
        score_row(z.data() + k * K, K, cls, sum_, correct_, prob_.data() + (first + k) * K);
        label_[first + k] = static_cast<float>(cls);
    }
}

GraphScores GraphScoring::scores() const
{
    GraphScores s = sum_;
    if (s.n == 0) return s;
    finish_means(s, correct_);
    s.auroc = macro_auroc(prob_, label_, classes_);
    return s;
}

GraphScores score_split(const nn::GraphModel& model, const GraphInput& in, data::NodeSplit which)
{
    return model.spec().graph_task() ? score_graphs(model, in, which)
                                     : score_nodes(node_logits(model, in), in.graph, which);
}

}  // namespace helix::train
