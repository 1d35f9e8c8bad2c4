// core/nn/model.cpp: building a Model from its spec and running it. See model.hpp.
#include "model.hpp"

#include <nlohmann/json.hpp>

namespace helix::nn {

namespace {
constexpr std::size_t kChannels = 4;
constexpr std::size_t kLongestChecked = 100000;  // longer minimum lengths are reported as an error
}  // namespace

std::unique_ptr<Model> Model::build(const ModelSpec& spec, std::vector<SpecError>& errors)
{
    auto m = std::unique_ptr<Model>(new Model());
    m->spec_ = spec;
    Shape shape{spec.input.length, kChannels};  // length 0: any
    Rng init_rng(spec.training.seed);
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        auto layer = make_layer(spec.layers[i]);
        std::string error;
        Shape out = layer->output_shape(shape, error);
        if (!error.empty()) {
            std::string f = "layers[" + std::to_string(i) + "]";
            errors.push_back({f, f + " (" + spec.layers[i].name + "): " + error});
            return nullptr;
        }
        layer->build(shape, init_rng);
        shape = out;
        m->shapes_.push_back(shape);
        m->layers_.push_back(std::move(layer));
    }
    if (shape.size() != 1) {
        errors.push_back({"layers", "layers: the last layer must give one number per output, but it gives "
                                    "positions × channels: end with global_max_pool or flatten and a dense layer"});
        return nullptr;
    }
    m->outputs_ = shape[0];
    if (spec.loss == "bce_with_logits" && m->outputs_ != 1) {
        errors.push_back({"layers", "layers: the last layer has " + std::to_string(m->outputs_) +
                                        " outputs but a 0/1 label needs 1 (dense with units: 1)"});
        return nullptr;
    }
    const LayerSpec& last = spec.layers.back();
    if (last.type == "softmax") {
        std::string f = "layers[" + std::to_string(spec.layers.size() - 1) + "]";
        errors.push_back({f, f + ": remove the softmax layer: the loss " + spec.loss +
                                 " applies it to the last layer's outputs"});
        return nullptr;
    }
    if (spec.loss == "bce_with_logits" && (last.activation == "sigmoid" || last.type == "sigmoid")) {
        std::string f = "layers[" + std::to_string(spec.layers.size() - 1) + "]";
        errors.push_back({f, f + ": remove the sigmoid from the last layer: the loss bce_with_logits applies "
                                 "it (predictions are reported as probabilities)"});
        return nullptr;
    }
    if (spec.loss == "softmax_cross_entropy") {
        if (m->outputs_ < 2) {
            errors.push_back({"layers", "layers: the last layer has " + std::to_string(m->outputs_) +
                                            " output but softmax_cross_entropy needs one per class, at least 2 "
                                            "(dense with units: K)"});
            return nullptr;
        }
        if (last.activation == "sigmoid" || last.type == "sigmoid") {
            std::string f = "layers[" + std::to_string(spec.layers.size() - 1) + "]";
            errors.push_back({f, f + ": remove the sigmoid from the last layer: the loss softmax_cross_entropy "
                                     "applies a softmax to its outputs (predictions are reported as probabilities)"});
            return nullptr;
        }
        if (!spec.classes.empty() && spec.classes.size() != m->outputs_) {
            errors.push_back({"classes", "classes: " + std::to_string(spec.classes.size()) +
                                             " names, but the last layer has " + std::to_string(m->outputs_) +
                                             " outputs (one name per output)"});
            return nullptr;
        }
    }
    if (spec.input.length) {
        m->min_length_ = spec.input.length;
    } else {
        std::size_t L = 1;
        while (L <= kLongestChecked && !m->check_length(L).empty()) ++L;
        if (L > kLongestChecked) {
            errors.push_back({"layers", "layers: no sequence length up to 100000 fits these layers"});
            return nullptr;
        }
        m->min_length_ = L;
    }
    return m;
}

std::string Model::check_length(std::size_t L) const
{
    if (L == 0) return "the sequence is empty";
    if (spec_.input.length && L != spec_.input.length && spec_.input.resize == "exact")
        return "the model takes sequences of exactly " + std::to_string(spec_.input.length) + " bases, this one has " +
               std::to_string(L);
    if (spec_.input.length) return "";  // pad_crop: every length is fitted to input.length
    Shape shape{L, kChannels};
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        std::string error;
        shape = layers_[i]->output_shape(shape, error);
        if (!error.empty())
            return "a sequence of " + std::to_string(L) + " bases is too short for layer " + layers_[i]->name() +
                   " (" + error + ")";
    }
    return "";
}

Var Model::forward(const Tensor& x, bool training, Rng& rng)
{
    HELIX_ASSERT(x.dimension() == 3 && x.shape()[2] == kChannels);
    ForwardCtx ctx{training, &rng};
    Var h(x, false);
    for (auto& layer : layers_) h = layer->forward(h, ctx);
    return h;
}

std::vector<Param*> Model::params()
{
    std::vector<Param*> out;
    for (auto& l : layers_)
        for (auto& p : l->params()) out.push_back(&p);
    return out;
}

std::vector<const Param*> Model::params() const
{
    std::vector<const Param*> out;
    for (const auto& l : layers_)
        for (const auto& p : l->params()) out.push_back(&p);
    return out;
}

std::size_t Model::parameter_count() const
{
    std::size_t n = 0;
    for (const Param* p : params()) n += p->var.value().size();
    return n;
}

std::string Model::summary_json() const
{
    nlohmann::json layers = nlohmann::json::array();
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        nlohmann::json shape = nlohmann::json::array();
        for (std::size_t d = 0; d < shapes_[i].size(); ++d)
            shape.push_back(shapes_[i].size() == 2 && d == 0 && shapes_[i][0] == 0 ? nlohmann::json("L")
                                                                                    : nlohmann::json(shapes_[i][d]));
        std::size_t n = 0;
        for (const auto& p : layers_[i]->params()) n += p.var.value().size();
        layers.push_back({{"name", layers_[i]->name()}, {"type", layers_[i]->spec().type}, {"output", shape},
                          {"parameters", n}});
    }
    return nlohmann::json{{"layers", layers},
                          {"parameters", parameter_count()},
                          {"min_length", min_length_},
                          {"fixed_length", spec_.input.length},
                          {"outputs", outputs_}}
        .dump();
}

std::vector<Tensor> Model::weights() const
{
    std::vector<Tensor> w;
    for (const Param* p : params()) w.push_back(p->var.value());
    return w;
}

void Model::set_weights(const std::vector<Tensor>& w)
{
    auto ps = params();
    HELIX_ASSERT(w.size() == ps.size());
    for (std::size_t i = 0; i < ps.size(); ++i) {
        HELIX_ASSERT(w[i].shape() == ps[i]->var.value().shape());
        ps[i]->var.value() = w[i];
    }
}

}  // namespace helix::nn
