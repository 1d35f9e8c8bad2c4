// core/nn/transformer_layers.hpp: the layers of a transformer encoder over a sequence (L, D):
//   positional         x + PE: sinusoidal (a constant) or learned (a parameter (max_length, D), ".weight")
//   transformer_block  pre-norm encoder block (Vaswani et al. with the norm first, as GPT-2 and most
//                      current encoders):
//                        h = x + dropout(MHA(LN1(x)))
//                        y = h + dropout(W2 gelu(W1 LN2(h) + b1) + b2)
//                      MHA = ops::multi_head_attention (heads, optional ALiBi and causal mask), W1 (D,
//                      ff_units), W2 (ff_units, D), ff_units 4 D by default. No key padding: a spec's
//                      sequences are padded or cropped to input.length, and pad positions are attended like
//                      any other (N bases).
//   cls_token, cls_readout  a [CLS] readout: a learned token before the sequence (L+1 positions), and the
//                      output at that position after the encoder, (D); global_avg_pool is the mean readout
// A transformer block can keep its last forward's attention probabilities (B, H, L, L) for the page's
// attention maps: set keep_attention(true) (a copy of B H L^2 floats per forward, so off by default).
#pragma once

#include "layer.hpp"

namespace helix::nn {

// "" when `in` is positions × channels, else "<type> needs positions × channels, but its input is flat" (the
// shape rule of crop and of the layers below).
std::string sequence_input_error(const Shape& in, const std::string& type);

class TransformerBlock : public Layer {
public:
    using Layer::Layer;
    Shape output_shape(const Shape& in, std::string& error) const override;
    double parameter_count(const Shape& in) const override;
    void build(const Shape& in, Rng& rng) override;
    Var forward(const Var& x, ForwardCtx& ctx) override;

    void keep_attention(bool keep) { keep_ = keep; }
    // (B, H, L, L) of the last forward with keep_attention(true): [b, h, i, j] is the weight query i gives
    // key j.
    const Tensor& attention() const { return attention_; }

private:
    std::size_t ff_units(std::size_t width) const { return spec_.ff_units ? spec_.ff_units : 4 * width; }
    bool keep_ = false;
    Tensor attention_;
};

}  // namespace helix::nn
