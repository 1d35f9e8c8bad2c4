// core/nn/transformer_layers.cpp: positional, transformer_block, cls_token and cls_readout. See
// transformer_layers.hpp.
// Parameters of a block, in this order (model files key them by name): <name>.ln1.weight, .ln1.bias,
// .query.weight, .query.bias, .key.weight, .key.bias, .value.weight, .value.bias, .out.weight, .out.bias,
// .ln2.weight, .ln2.bias, .ff1.weight, .ff1.bias, .ff2.weight, .ff2.bias. Weights are stored (in, out):
// torch's nn.Linear and in_proj_weight are their transposes.
#include "transformer_layers.hpp"

#include "../ops/attention.hpp"
#include "../ops/norm.hpp"
#include "../ops/ops.hpp"

namespace helix::nn {

std::string sequence_input_error(const Shape& in, const std::string& type)
{
    return in.size() == 2 ? "" : type + " needs positions × channels, but its input is flat";
}

namespace {

// "" when a sequence of L positions (0 = any) may enter a layer that takes at most max_length (0 = no limit).
std::string length_error(std::size_t L, std::size_t max_length)
{
    if (max_length == 0 || L <= max_length) return "";
    return "its input has " + std::to_string(L) + " positions, more than max_length " +
           std::to_string(max_length);
}

class Positional : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (!(error = sequence_input_error(in, spec_.type)).empty()) return {};
        if (spec_.encoding == "learned" && table_length(in) == 0)
            error = "encoding learned needs max_length (the table's rows) when input.length is free";
        else
            error = length_error(in[0], spec_.encoding == "learned" ? table_length(in) : spec_.max_length);
        return error.empty() ? in : Shape{};
    }
    double parameter_count(const Shape& in) const override
    {
        return spec_.encoding == "learned" ? static_cast<double>(table_length(in)) * in[1] : 0.0;
    }
    void build(const Shape& in, Rng& rng) override
    {
        if (spec_.encoding != "learned") return;
        const std::size_t T = table_length(in), D = in[1];
        params_ = {{name() + ".weight", glorot({T, D}, T, D, rng)}};
    }
    Var forward(const Var& x, ForwardCtx&) override
    {
        return spec_.encoding == "learned" ? ops::add_learned_positions(x, params_[0].var)
                                           : ops::add_sinusoidal_positions(x);
    }

private:
    std::size_t table_length(const Shape& in) const { return spec_.max_length ? spec_.max_length : in[0]; }
};

// cls_token: (L, D) -> (L+1, D), a learned token (".weight", D) before the sequence; cls_readout: (L, D) ->
// (D), the output at position 0. Together a [CLS] readout; global_avg_pool is the mean-pooled one.
class ClsLayer : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override
    {
        if (!(error = sequence_input_error(in, spec_.type)).empty()) return {};
        if (spec_.type == "cls_readout") return {in[1]};
        return {in[0] == 0 ? 0 : in[0] + 1, in[1]};
    }
    double parameter_count(const Shape& in) const override
    {
        return spec_.type == "cls_token" ? static_cast<double>(in[1]) : 0.0;
    }
    void build(const Shape& in, Rng& rng) override
    {
        if (spec_.type == "cls_token") params_ = {{name() + ".weight", glorot({in[1]}, 1, in[1], rng)}};
    }
    Var forward(const Var& x, ForwardCtx&) override
    {
        return spec_.type == "cls_token" ? ops::prepend_token(x, params_[0].var) : ops::first_position(x);
    }
};

}  // namespace

Shape TransformerBlock::output_shape(const Shape& in, std::string& error) const
{
    if (!(error = sequence_input_error(in, spec_.type)).empty()) return {};
    if (spec_.heads == 0 || in[1] % spec_.heads != 0) {
        error = "heads " + std::to_string(spec_.heads) + " does not divide the width of its input (" +
                std::to_string(in[1]) + " channels)";
        return {};
    }
    error = length_error(in[0], spec_.max_length);
    return error.empty() ? in : Shape{};
}

double TransformerBlock::parameter_count(const Shape& in) const
{
    const double D = static_cast<double>(in[1]), F = static_cast<double>(ff_units(in[1]));
    return 4.0 * (D * D + D) + 4.0 * D + (D * F + F) + (F * D + D);
}

void TransformerBlock::build(const Shape& in, Rng& rng)
{
    const std::size_t D = in[1], F = ff_units(D);
    auto ones = [](std::size_t n) { return Var(xt::ones<float>({n}), true); };
    auto zeros = [](std::size_t n) { return Var(xt::zeros<float>({n}), true); };
    const std::string& n = name();
    params_ = {{n + ".ln1.weight", ones(D)}, {n + ".ln1.bias", zeros(D)}};
    for (const char* p : {".query", ".key", ".value", ".out"}) {
        params_.push_back({n + p + ".weight", glorot({D, D}, D, D, rng)});
        params_.push_back({n + p + ".bias", zeros(D)});
    }
    params_.push_back({n + ".ln2.weight", ones(D)});
    params_.push_back({n + ".ln2.bias", zeros(D)});
    params_.push_back({n + ".ff1.weight", glorot({D, F}, D, F, rng)});
    params_.push_back({n + ".ff1.bias", zeros(F)});
    params_.push_back({n + ".ff2.weight", glorot({F, D}, F, D, rng)});
    params_.push_back({n + ".ff2.bias", zeros(D)});
}

Var TransformerBlock::forward(const Var& x, ForwardCtx& ctx)
{
    auto p = [this](std::size_t i) { return params_[i].var; };
    auto drop = [&](const Var& v) {
        return spec_.rate > 0.0f ? ops::dropout(v, spec_.rate, *ctx.rng, ctx.training) : v;
    };
    ops::AttentionOptions o;
    o.heads = spec_.heads, o.alibi = spec_.alibi, o.causal = spec_.causal;
    o.probabilities = keep_ ? &attention_ : nullptr;
    const Var a = ops::multi_head_attention(ops::layer_norm(x, p(0), p(1), spec_.eps),
                                            {p(2), p(3), p(4), p(5), p(6), p(7), p(8), p(9)}, o);
    const Var h = ops::add({x, drop(a)});
    const Var f = ops::linear(
        ops::gelu(ops::linear(ops::layer_norm(h, p(10), p(11), spec_.eps), p(12), p(13))), p(14), p(15));
    return ops::add({h, drop(f)});
}

std::unique_ptr<Layer> make_transformer_layer(const LayerSpec& spec)
{
    if (spec.type == "transformer_block") return std::make_unique<TransformerBlock>(spec);
    if (spec.type == "cls_token" || spec.type == "cls_readout") return std::make_unique<ClsLayer>(spec);
    return std::make_unique<Positional>(spec);
}

}  // namespace helix::nn
