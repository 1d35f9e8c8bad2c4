// core/nn/norm_layers.cpp: batch and layer normalisation over the last axis (features or channels).
// Batch norm keeps running statistics as parameters that take no gradient (<layer>.running_mean,
// .running_var), so model files, early stopping and exports carry them like weights; optimizers skip them.
#include "../ops/norm.hpp"
#include "layer.hpp"

namespace helix::nn {
namespace {

class Norm : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string&) const override { return in; }
    double parameter_count(const Shape& in) const override
    {
        return (spec_.type == "batch_norm" ? 4.0 : 2.0) * static_cast<double>(in.back());
    }
    void build(const Shape& in, Rng&) override
    {
        const std::size_t F = in.back();
        params_ = {{name() + ".weight", Var(xt::ones<float>({F}), true)},
                   {name() + ".bias", Var(xt::zeros<float>({F}), true)}};
        if (spec_.type == "batch_norm") {
            params_.push_back({name() + ".running_mean", Var(xt::zeros<float>({F}), false)});
            params_.push_back({name() + ".running_var", Var(xt::ones<float>({F}), false)});
        }
    }
    Var forward(const Var& x, ForwardCtx& ctx) override
    {
        if (spec_.type == "layer_norm") return ops::layer_norm(x, params_[0].var, params_[1].var, spec_.eps);
        return ops::batch_norm(x, params_[0].var, params_[1].var, params_[2].var.value(),
                               params_[3].var.value(), ctx.training, spec_.momentum, spec_.eps);
    }
};

}  // namespace

std::unique_ptr<Layer> make_norm_layer(const LayerSpec& spec)
{
    return std::make_unique<Norm>(spec);
}

}  // namespace helix::nn
