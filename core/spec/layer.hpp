// core/spec/layer.hpp: one layer of a spec, as the sequence model, the autoencoder and the GAN's networks
// list them: {"type": "conv1d", "name": "conv1", "filters": 16, "kernel_size": 12, "activation": "relu"}. A
// new layer kind adds its type to kLayerTypes and its fields to parse_layer and layer_to_json (layer.cpp).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common.hpp"

namespace helix::nn {

struct LayerSpec {
    std::string type;  // dense, conv1d, max_pool1d, avg_pool1d, global_max_pool, global_avg_pool,
                       // flatten, dropout, relu, sigmoid, tanh, lstm, gru, batch_norm, layer_norm,
                       // concatenate, add (merges of two or more inputs)
                       // reshape, upsample1d, softmax (the GAN generator's, core/nn/gan.hpp)
                       // gelu, crop, positional, transformer_block, cls_token, cls_readout
                       // (transformers and profile models)
    std::string name;  // unique; defaults to type + index ("conv1d_0")
    std::vector<std::string> inputs;  // names of inputs or earlier layers; empty = the layer before
    bool trainable = true;            // false: its parameters are frozen (not updated by training)
    std::size_t units = 0;            // dense, lstm, gru
    std::size_t filters = 0;          // conv1d
    std::size_t kernel_size = 0;      // conv1d
    std::string padding = "valid";
    std::size_t pool_size = 0;      // pools
    std::size_t stride = 0;         // pools; 0 = pool_size
    std::string activation;         // dense, conv1d: "", relu, sigmoid, tanh, gelu
    float rate = 0.0f;              // dropout, transformer_block (its two dropouts)
    bool return_sequences = false;  // lstm, gru: every position's state (B, L, H), else the last (B, H)
    bool bidirectional = false;     // lstm, gru: a second direction reading the sequence backwards
    float momentum = 0.1f;          // batch_norm: weight of the batch in the running statistics
    float eps = 1e-5f;              // batch_norm, layer_norm, transformer_block (its layer norms)
    std::vector<std::size_t> target_shape;  // reshape: the shape without the batch axis, as Keras' Reshape
    std::size_t size = 2;      // upsample1d: each position repeated `size` times (Keras' UpSampling1D)
    std::size_t dilation = 1;  // conv1d: taps `dilation` positions apart (span (kernel_size-1) d + 1)
    std::size_t length = 0;    // crop: the central output window, in positions
    std::string encoding = "sinusoidal";  // positional: sinusoidal (a constant) or learned (a parameter)
    std::size_t max_length = 0;  // positional (learned: required), transformer_block: the longest input
    std::size_t heads = 0;       // transformer_block: attention heads, dividing the width
    std::size_t ff_units = 0;    // transformer_block: the feed-forward width; 0 = 4 x the model width
    bool alibi = false;          // transformer_block: ALiBi distance bias on the attention scores
    bool causal = false;         // transformer_block: position i attends to positions <= i only
};

// One layer object at JSON path `path` ("layers[2]", "generator.layers[0]"), as parse_spec reads each.
void parse_layer(const nlohmann::json& j, const std::string& path, LayerSpec& layer,
                 std::vector<SpecError>& errors);
nlohmann::json layer_to_json(const LayerSpec& layer);

}  // namespace helix::nn
