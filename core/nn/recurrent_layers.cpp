// core/nn/recurrent_layers.cpp: LSTM and GRU layers (ops/recurrent.hpp), one or two directions.
// Parameters are named as PyTorch names them, so exports map one to one: <layer>.weight_ih, .weight_hh,
// .bias (LSTM: bias_ih + bias_hh folded) or .bias_ih, .bias_hh (GRU), and a "_reverse" twin of each for
// the backward direction. Stored (inputs, gates): PyTorch's weight_ih_l0 transposed.
// Initialisation: PyTorch's U(-1/sqrt(H), 1/sqrt(H)) for every weight and bias, except the LSTM's
// forget-gate bias, which starts at 1 (Keras's unit_forget_bias) so early gradients flow through time.
#include <cmath>

#include "../ops/recurrent.hpp"
#include "layer.hpp"

namespace helix::nn {
namespace {

Var uniform_param(const Shape& shape, float limit, Rng& rng)
{
    Tensor t = xt::zeros<float>(shape);
    for (auto& v : t) v = rng.uniform(-limit, limit);
    return Var(std::move(t), true);
}

class Recurrent : public Layer {
public:
    using Layer::Layer;

    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (in.size() != 2) {
            error = spec_.type +
                    " reads a sequence (positions × channels), but its input is flat: put it before "
                    "global pooling, flatten or dense layers";
            return {};
        }
        const std::size_t H = spec_.units * (spec_.bidirectional ? 2 : 1);
        if (spec_.return_sequences) return {in[0], H};
        return {H};
    }

    double parameter_count(const Shape& in) const override
    {
        const double C = static_cast<double>(in[1]), H = static_cast<double>(spec_.units),
                     G = static_cast<double>(gates());
        return (spec_.bidirectional ? 2.0 : 1.0) * G * H * (C + H + (lstm() ? 1.0 : 2.0));
    }
    void build(const Shape& in, Rng& rng) override
    {
        const std::size_t C = in[1], H = spec_.units, G = gates();
        const float limit = 1.0f / std::sqrt(static_cast<float>(H));
        for (const std::string suffix : {std::string(), std::string("_reverse")}) {
            if (!suffix.empty() && !spec_.bidirectional) break;
            params_.push_back({name() + ".weight_ih" + suffix, uniform_param({C, G * H}, limit, rng)});
            params_.push_back({name() + ".weight_hh" + suffix, uniform_param({H, G * H}, limit, rng)});
            if (lstm()) {
                Var b = uniform_param({G * H}, limit, rng);
                for (std::size_t j = H; j < 2 * H; ++j) b.value()(j) = 1.0f;  // forget gate
                params_.push_back({name() + ".bias" + suffix, b});
            } else {
                params_.push_back({name() + ".bias_ih" + suffix, uniform_param({G * H}, limit, rng)});
                params_.push_back({name() + ".bias_hh" + suffix, uniform_param({G * H}, limit, rng)});
            }
        }
    }

    Var forward(const Var& x, ForwardCtx&) override
    {
        const std::size_t per_direction = lstm() ? 3 : 4;
        auto direction = [this, per_direction](std::size_t d) -> ops::RecurrentFn {
            const std::size_t o = d * per_direction;
            if (lstm())
                return [this, o](const Var& v, bool seq) {
                    return ops::lstm(v, params_[o].var, params_[o + 1].var, params_[o + 2].var, seq);
                };
            return [this, o](const Var& v, bool seq) {
                return ops::gru(v, params_[o].var, params_[o + 1].var, params_[o + 2].var, params_[o + 3].var,
                                seq);
            };
        };
        if (!spec_.bidirectional) return direction(0)(x, spec_.return_sequences);
        return ops::bidirectional(x, direction(0), direction(1), spec_.return_sequences);
    }

private:
    bool lstm() const { return spec_.type == "lstm"; }
    std::size_t gates() const { return lstm() ? 4 : 3; }
};

}  // namespace

std::unique_ptr<Layer> make_recurrent_layer(const LayerSpec& spec)
{
    return std::make_unique<Recurrent>(spec);
}

}  // namespace helix::nn
