// core/nn/layers.cpp: the sequential layers a spec may name, each a thin wrapper over ops/.
// Initialisation: Glorot-uniform weights and zero biases (Keras's defaults), drawn from the model's Rng
// in layer order, so one seed fixes the whole initial model.
#include <cmath>
#include <cstdio>

#include "../ops/norm.hpp"
#include "../ops/ops.hpp"
#include "layer.hpp"

namespace helix::nn {

Var glorot(const Shape& shape, std::size_t fan_in, std::size_t fan_out, Rng& rng)
{
    const float limit = std::sqrt(6.0f / static_cast<float>(fan_in + fan_out));
    Tensor w = xt::zeros<float>(shape);
    for (auto& v : w) v = rng.uniform(-limit, limit);
    return Var(std::move(w), true);
}

namespace {

constexpr std::size_t kAny = 0;

std::string any_or(std::size_t l)
{
    return l == kAny ? "any" : std::to_string(l);
}

Var activate(const Var& x, const std::string& activation)
{
    if (activation == "relu") return ops::relu(x);
    if (activation == "sigmoid") return ops::sigmoid(x);
    if (activation == "tanh") return ops::tanh(x);
    if (activation == "gelu") return ops::gelu(x);
    return x;
}

// A layer's op, op(fused), then its activation: relu is fused into the op (ops::Fused); any other activation
// follows as its own op.
template <class Op>
Var with_activation(const std::string& activation, Op op)
{
    if (activation == "relu") return op(ops::Fused::relu);
    return activate(op(ops::Fused::none), activation);
}

class Dense : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (in.size() != 1) {
            error = "dense needs a flat input but gets positions × channels (" + any_or(in[0]) + " × " +
                    std::to_string(in[1]) + "): put flatten or global_max_pool before it";
            return {};
        }
        return {spec_.units};
    }
    double parameter_count(const Shape& in) const override
    {
        return (static_cast<double>(in[0]) + 1.0) * static_cast<double>(spec_.units);
    }
    void build(const Shape& in, Rng& rng) override
    {
        params_ = {{name() + ".weight", glorot({in[0], spec_.units}, in[0], spec_.units, rng)},
                   {name() + ".bias", Var(xt::zeros<float>({spec_.units}), true)}};
    }
    Var forward(const Var& x, ForwardCtx&) override
    {
        return with_activation(spec_.activation, [&](ops::Fused f) {
            return ops::linear(x, params_[0].var, params_[1].var, f);
        });
    }
};

class Conv1D : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (in.size() != 2) {
            error =
                "conv1d needs positions × channels, but its input is flat: remove the flatten or dense "
                "before it";
            return {};
        }
        const std::size_t L = in[0], K = spec_.kernel_size, span = (K - 1) * spec_.dilation + 1;
        if (spec_.padding == "same" || L == kAny) return {L, spec_.filters};
        if (L < span) {
            error = (spec_.dilation == 1
                         ? "kernel_size " + std::to_string(K)
                         : "kernel_size " + std::to_string(K) + " at dilation " +
                               std::to_string(spec_.dilation) + " (" + std::to_string(span) + " positions)") +
                    " is longer than its input (" + std::to_string(L) + " positions)";
            return {};
        }
        return {L - span + 1, spec_.filters};
    }
    double parameter_count(const Shape& in) const override
    {
        return (static_cast<double>(spec_.kernel_size) * static_cast<double>(in[1]) + 1.0) *
               static_cast<double>(spec_.filters);
    }
    void build(const Shape& in, Rng& rng) override
    {
        const std::size_t K = spec_.kernel_size, C = in[1], F = spec_.filters;
        params_ = {{name() + ".weight", glorot({K, C, F}, K * C, K * F, rng)},
                   {name() + ".bias", Var(xt::zeros<float>({F}), true)}};
    }
    Var forward(const Var& x, ForwardCtx&) override
    {
        auto pad = spec_.padding == "same" ? ops::Padding::same : ops::Padding::valid;
        return with_activation(spec_.activation, [&](ops::Fused f) {
            return ops::conv1d(x, params_[0].var, params_[1].var, pad, f, spec_.dilation);
        });
    }
};

class Pool1D : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (in.size() != 2) {
            error = spec_.type + " needs positions × channels, but its input is flat";
            return {};
        }
        const std::size_t L = in[0];
        if (L == kAny) return {kAny, in[1]};
        if (L < spec_.pool_size) {
            error = "pool_size " + std::to_string(spec_.pool_size) + " is longer than its input (" +
                    std::to_string(L) + " positions)";
            return {};
        }
        return {(L - spec_.pool_size) / spec_.stride + 1, in[1]};
    }
    Var forward(const Var& x, ForwardCtx&) override
    {
        return spec_.type == "max_pool1d" ? ops::max_pool1d(x, spec_.pool_size, spec_.stride)
                                          : ops::avg_pool1d(x, spec_.pool_size, spec_.stride);
    }
};

class GlobalPool : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (in.size() != 2) {
            error = spec_.type + " needs positions × channels, but its input is flat";
            return {};
        }
        return {in[1]};
    }
    Var forward(const Var& x, ForwardCtx&) override
    {
        return spec_.type == "global_max_pool" ? ops::global_max_pool(x) : ops::global_avg_pool(x);
    }
};

class Flatten : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (in.size() == 2 && in[0] == kAny) {
            error =
                "flatten needs a fixed sequence length: set input.length (sequences are then padded or "
                "cropped to it), or use global_max_pool instead";
            return {};
        }
        return {numel(in)};
    }
    Var forward(const Var& x, ForwardCtx&) override { return ops::flatten(x); }
};

class Dropout : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string&) const override { return in; }
    Var forward(const Var& x, ForwardCtx& ctx) override
    {
        return ops::dropout(x, spec_.rate, *ctx.rng, ctx.training);
    }
};

class Activation : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string&) const override { return in; }
    Var forward(const Var& x, ForwardCtx&) override { return activate(x, spec_.type); }
};

// Keras' Reshape: a fixed-size input (no "any" length) laid out again as target_shape, same row-major data.
// A GAN generator's dense output becomes positions × channels this way.
class Reshape : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (in.size() == 2 && in[0] == kAny) {
            error = "reshape needs a fixed-size input, but the sequence length is free: set input.length";
            return {};
        }
        const std::size_t target = numel(spec_.target_shape);
        if (target != numel(in)) {
            error = "target_shape holds " + std::to_string(target) + " values but its input has " +
                    std::to_string(numel(in));
            return {};
        }
        return spec_.target_shape;
    }
    Var forward(const Var& x, ForwardCtx&) override { return ops::reshape(x, spec_.target_shape); }
};

class Upsample1D : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (in.size() != 2) {
            error = "upsample1d needs positions × channels, but its input is flat: put a reshape before it";
            return {};
        }
        return {in[0] == kAny ? kAny : in[0] * spec_.size, in[1]};
    }
    Var forward(const Var& x, ForwardCtx&) override { return ops::upsample1d(x, spec_.size); }
};

// Softmax over the last axis: per position over the channels of (L, C), or over the features of (F).
class Softmax : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string&) const override { return in; }
    Var forward(const Var& x, ForwardCtx&) override { return ops::softmax(x); }
};

}  // namespace

std::string parameter_budget_error(double total)
{
    if (total <= kMaxParameters) return "";
    char count[32];
    std::snprintf(count, sizeof count, total < 1e12 ? "%.0f" : "%.2g", total);
    return std::string("this layer would bring the network to ") + count + " parameters; at most " +
           std::to_string(static_cast<long long>(kMaxParameters)) +
           " (64 M) fit in a browser's memory: use fewer filters or units";
}

std::unique_ptr<Layer> make_layer(const LayerSpec& spec)
{
    const std::string& t = spec.type;
    if (t == "dense") return std::make_unique<Dense>(spec);
    if (t == "conv1d") return std::make_unique<Conv1D>(spec);
    if (t == "max_pool1d" || t == "avg_pool1d") return std::make_unique<Pool1D>(spec);
    if (t == "global_max_pool" || t == "global_avg_pool") return std::make_unique<GlobalPool>(spec);
    if (t == "flatten") return std::make_unique<Flatten>(spec);
    if (t == "dropout") return std::make_unique<Dropout>(spec);
    if (t == "relu" || t == "sigmoid" || t == "tanh" || t == "gelu")
        return std::make_unique<Activation>(spec);
    if (t == "crop") return make_crop_layer(spec);
    if (t == "positional" || t == "transformer_block" || t == "cls_token" || t == "cls_readout")
        return make_transformer_layer(spec);
    if (t == "lstm" || t == "gru") return make_recurrent_layer(spec);
    if (t == "batch_norm" || t == "layer_norm") return make_norm_layer(spec);
    if (t == "reshape") return std::make_unique<Reshape>(spec);
    if (t == "upsample1d") return std::make_unique<Upsample1D>(spec);
    if (t == "softmax") return std::make_unique<Softmax>(spec);
    HELIX_ASSERT(false && "parse_spec admits only known layer types");
    return nullptr;
}

}  // namespace helix::nn
