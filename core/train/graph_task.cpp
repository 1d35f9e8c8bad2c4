// core/train/graph_task.cpp: see graph_task.hpp.
#include "graph_task.hpp"

#include <algorithm>

#include "../data/graph_batch.hpp"
#include "../ops/graph.hpp"
#include "../ops/ops.hpp"

namespace helix::train {

namespace {

nn::OptimizerSpec without_decay(nn::OptimizerSpec o)
{
    o.weight_decay = 0.0f;  // applied as L2 on the chosen weights in update(), not as AdamW decay
    return o;
}

}  // namespace

GraphTask::GraphTask(nn::GraphModel& model, const GraphInput& input, const nn::GraphTrainingSpec& training,
                     const nn::OptimizerSpec& optimizer)
    : model_(model),
      in_(input),
      spec_(training),
      weight_decay_(optimizer.weight_decay),
      optimizer_(optim::make_optimizer(without_decay(optimizer), model.params())),
      rng_(training.seed ^ 0x9e3779b97f4a7c15ull),
      graph_task_(model.spec().graph_task()),
      validation_size_(labelled_in(input, graph_task_, data::NodeSplit::val))
{
    HELIX_ASSERT(labelled_in(input, graph_task_, data::NodeSplit::train) > 0);
    if (graph_task_) {
        val_graphs_ = graphs_in(input.graph, data::NodeSplit::val);
        validation_size_ = val_graphs_.size();
    }
}

std::size_t GraphTask::start_epoch()
{
    correct_ = seen_ = 0;
    if (!graph_task_) return 1;
    order_ = graphs_in(in_.graph, data::NodeSplit::train);
    rng_.shuffle(order_);
    return (order_.size() + spec_.batch_size - 1) / spec_.batch_size;
}

void GraphTask::update()
{
    // L2 penalty wd/2 |W|^2: its gradient wd * W (see graph_model.hpp).
    if (weight_decay_ > 0.0f)
        for (nn::Param* p : model_.decayed_params()) p->var.grad() += weight_decay_ * p->var.value();
    optimizer_->step();
}

BatchOutcome GraphTask::train_batch(std::size_t batch)
{
    return graph_task_ ? train_graphs(batch) : train_nodes();
}

BatchOutcome GraphTask::train_graphs(std::size_t batch)
{
    const std::size_t begin = batch * spec_.batch_size,
                      end = std::min(begin + spec_.batch_size, order_.size());
    const std::vector<std::size_t> chosen(order_.begin() + static_cast<std::ptrdiff_t>(begin),
                                          order_.begin() + static_cast<std::ptrdiff_t>(end));
    const data::GraphBatch b = data::make_graph_batch(*in_.adj, *in_.features, in_.nodes_of_graph, chosen);
    Tensor labels = Tensor::from_shape({chosen.size()});
    for (std::size_t k = 0; k < chosen.size(); ++k)
        labels(k) = static_cast<float>(in_.graph.graph_labels[chosen[k]]);
    optimizer_->zero_grad();
    Var z = model_.forward(b.adj, b.features, /*training=*/true, rng_, &b.graph_of_node, b.graphs);
    Var loss = ops::softmax_cross_entropy(z, labels);
    BatchOutcome out;
    out.learning_rate = optimizer_->learning_rate;
    out.bad = checked_update(
        loss.value()(0), model_.params(), [&] { backward(loss); }, [&] { update(); }, out.stepped);
    if (!out.bad.empty()) return out;
    // Accuracy with dropout, before the step.
    const std::size_t K = z.dim(1);
    for (std::size_t k = 0; k < chosen.size(); ++k)
        correct_ += argmax_row(z.value().data() + k * K, K) == static_cast<std::size_t>(labels(k));
    seen_ += chosen.size();
    train_accuracy_ = static_cast<double>(correct_) / static_cast<double>(seen_);
    out.loss = loss.value()(0);
    out.count = chosen.size();
    return out;
}

BatchOutcome GraphTask::train_nodes()
{
    optimizer_->zero_grad();
    Var z = model_.forward(in_.adj, in_.features, /*training=*/true, rng_);
    Var loss = ops::softmax_cross_entropy(z, in_.classes, in_.train_mask);
    BatchOutcome out;
    out.learning_rate = optimizer_->learning_rate;
    out.bad = checked_update(
        loss.value()(0), model_.params(), [&] { backward(loss); }, [&] { update(); }, out.stepped);
    if (!out.bad.empty()) return out;
    train_accuracy_ =
        score_nodes(z.value(), in_.graph, data::NodeSplit::train).accuracy;  // with dropout, before the step
    out.loss = loss.value()(0);
    out.count = 1;  // one full-batch step: the epoch's loss is this loss
    return out;
}

std::size_t GraphTask::validate(std::size_t done)
{
    if (!graph_task_) {
        validation_ = score_split(model_, in_, data::NodeSplit::val);
        return validation_size_;
    }
    if (done == 0) val_scoring_.reset();
    const std::size_t end = std::min(done + spec_.batch_size, val_graphs_.size());
    val_scoring_.add(model_, in_,
                     std::vector<std::size_t>(val_graphs_.begin() + static_cast<std::ptrdiff_t>(done),
                                              val_graphs_.begin() + static_cast<std::ptrdiff_t>(end)));
    if (end == val_graphs_.size()) validation_ = val_scoring_.scores();
    return end;
}

ValidationScores GraphTask::validation_scores()
{
    ValidationScores s;
    s.monitored = {validation_.loss, validation_.accuracy, validation_.auroc};
    s.figures = {{"valLoss", validation_.loss}, {"valAccuracy", validation_.accuracy}};
    return s;
}

nlohmann::json GraphTask::epoch_figures()
{
    return {{"trainAccuracy", train_accuracy_}, {"valAccuracy", nullptr}};
}

nlohmann::json GraphTask::test_scores()
{
    const GraphScores test = score_split(model_, in_, data::NodeSplit::test);
    nlohmann::json t = {{"accuracy", test.n ? nlohmann::json(test.accuracy) : nlohmann::json(nullptr)},
                        {"loss", test.n ? nlohmann::json(test.loss) : nlohmann::json(nullptr)},
                        {"n", test.n}};
    if (graph_task_)
        t["auroc"] =
            test.n && std::isfinite(test.auroc) ? nlohmann::json(test.auroc) : nlohmann::json(nullptr);
    return t;
}

}  // namespace helix::train
