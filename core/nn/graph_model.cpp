// core/nn/graph_model.cpp: see graph_model.hpp.
#include "graph_model.hpp"

#include <algorithm>
#include <cmath>

#include "../ops/graph.hpp"
#include "../ops/ops.hpp"
#include "layer.hpp"

namespace helix::nn {

using nlohmann::json;

namespace {

Tensor glorot_uniform(std::size_t in, std::size_t out, Rng& rng)
{
    const float limit = std::sqrt(6.0f / static_cast<float>(in + out));
    Tensor w = Tensor::from_shape({in, out});
    for (auto& v : w) v = rng.uniform(-limit, limit);
    return w;
}

// Inverted dropout of the nonzeros of sparse features (Kipf & Welling drop input features this way).
std::shared_ptr<const SparseMatrix> sparse_dropout(const SparseMatrix& x, float rate, Rng& rng)
{
    auto out = std::make_shared<SparseMatrix>(x);
    const float keep = 1.0f - rate;
    for (float& v : out->val) v = rng.uniform() < rate ? 0.0f : v / keep;
    return out;
}

}  // namespace

std::unique_ptr<GraphModel> GraphModel::build(const GraphSpec& spec, std::size_t features,
                                              std::size_t classes, std::vector<SpecError>& errors)
{
    HELIX_ASSERT(features > 0 && classes > 0);
    auto m = std::unique_ptr<GraphModel>(new GraphModel());
    m->spec_ = spec;
    m->features_ = features;
    m->classes_ = classes;
    const std::string output_type = spec.graph_task() ? "dense" : "graph_conv";
    std::size_t last = 0;
    for (std::size_t i = 0; i < spec.layers.size(); ++i)
        if (spec.layers[i].type == output_type) last = i;
    GraphLayerSpec& out = m->spec_.layers[last];
    if (out.units != 0 && out.units != classes) {
        errors.push_back({"layers[" + std::to_string(last) + "].units",
                          "layers[" + std::to_string(last) + "].units: the last " + output_type + " has " +
                              std::to_string(out.units) + " units but the data has " +
                              std::to_string(classes) + " classes (leave units out to match them)"});
        return nullptr;
    }
    out.units = classes;
    double parameters = 0.0;
    std::size_t width = features;
    for (std::size_t i = 0; i < m->spec_.layers.size(); ++i) {
        const GraphLayerSpec& l = m->spec_.layers[i];
        if (l.type != "graph_conv" && l.type != "dense") continue;
        parameters += (static_cast<double>(width) + 1.0) * static_cast<double>(l.units);
        width = l.units;
        if (const std::string e = parameter_budget_error(parameters); !e.empty()) {
            const std::string f = "layers[" + std::to_string(i) + "]";
            errors.push_back(
                {f, f + " (" + l.name + ", on " + std::to_string(features) + " features): " + e});
            return nullptr;
        }
    }
    Rng rng(spec.training.seed);
    std::size_t in = features;
    for (const auto& l : m->spec_.layers) {
        if (l.type != "graph_conv" && l.type != "dense") continue;
        m->weights_.push_back({l.name + ".weight", Var(glorot_uniform(in, l.units, rng), true)});
        m->biases_.push_back({l.name + ".bias", Var(Tensor(xt::zeros<float>({l.units})), true)});
        in = l.units;
    }
    return m;
}

namespace {

Var activate(const Var& h, const std::string& activation)
{
    if (activation == "relu") return ops::relu(h);
    if (activation == "tanh") return ops::tanh(h);
    if (activation == "sigmoid") return ops::sigmoid(h);
    return h;
}

}  // namespace

Var GraphModel::forward(const std::shared_ptr<const SparseMatrix>& adj,
                        const std::shared_ptr<const SparseMatrix>& x, bool training, Rng& rng,
                        const std::vector<std::uint32_t>* graph_of_node, std::size_t graphs) const
{
    HELIX_ASSERT(x->cols == features_ && adj->rows == x->rows);
    HELIX_ASSERT(!spec_.graph_task() || (graph_of_node && graph_of_node->size() == x->rows));
    std::shared_ptr<const SparseMatrix> sparse = x;  // the input until the first graph_conv
    Var h;
    std::size_t param = 0;
    for (const auto& l : spec_.layers) {
        if (l.type == "dropout") {
            if (!training || l.rate == 0.0f) continue;
            if (!h)
                sparse = sparse_dropout(*sparse, l.rate, rng);
            else
                h = ops::dropout(h, l.rate, rng, training);
            continue;
        }
        if (l.type == "graph_readout") {
            // (N, H) node rows -> (graphs, H): the rest of the network sees one row per graph.
            const ops::Readout kind = l.mode == "sum"   ? ops::Readout::sum
                                      : l.mode == "max" ? ops::Readout::max
                                                        : ops::Readout::mean;
            h = ops::graph_readout(h, *graph_of_node, graphs, kind);
            continue;
        }
        const Var& w = weights_[param].var;
        const Var& b = biases_[param].var;
        ++param;
        if (l.type == "dense") {
            h = activate(ops::linear(h, w, b), l.activation);
            continue;
        }
        // First layer: adj (x w) with x sparse (sparse_matmul); later ones on dense h (graph_conv).
        h = h ? ops::graph_conv(adj, h, w, b)
              : ops::add_bias(ops::spmm(adj, ops::sparse_matmul(sparse, w)), b);
        h = activate(h, l.activation);
    }
    return h;
}

std::vector<Param*> GraphModel::params()
{
    std::vector<Param*> out;
    for (std::size_t i = 0; i < weights_.size(); ++i) {
        out.push_back(&weights_[i]);
        out.push_back(&biases_[i]);
    }
    return out;
}

std::vector<const Param*> GraphModel::params() const
{
    std::vector<const Param*> out;
    for (std::size_t i = 0; i < weights_.size(); ++i) {
        out.push_back(&weights_[i]);
        out.push_back(&biases_[i]);
    }
    return out;
}

std::vector<Param*> GraphModel::decayed_params()
{
    std::vector<Param*> out;
    for (auto& w : weights_) {
        out.push_back(&w);
        if (spec_.weight_decay_on == "first_layer") break;
    }
    return out;
}

json GraphModel::summary_json() const
{
    json layers = json::array();
    std::size_t in = features_, total = 0;
    std::string rows = "N";  // node rows until graph_readout, then one row per graph (G)
    for (const auto& l : spec_.layers) {
        if (l.type == "graph_conv" || l.type == "dense") {
            const std::size_t n = in * l.units + l.units;
            layers.push_back(
                {{"name", l.name}, {"type", l.type}, {"output", {rows, l.units}}, {"params", n}});
            total += n;
            in = l.units;
        } else {
            if (l.type == "graph_readout") rows = "G";
            layers.push_back({{"name", l.name}, {"type", l.type}, {"output", {rows, in}}, {"params", 0}});
        }
    }
    return {{"name", spec_.name},  {"task", spec_.task}, {"features", features_},
            {"classes", classes_}, {"layers", layers},   {"params", total}};
}

}  // namespace helix::nn
