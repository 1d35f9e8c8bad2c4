// core/nn/spec.hpp: the model spec, a JSON document read into plain structs and checked field by field.
// A spec names its input, a sequential stack of named layers, the loss, the optimizer and how to train:
//   {"name": "cnn-binding", "input": {"name": "dna", "length": null},
//    "layers": [{"type": "conv1d", "name": "conv1", "filters": 16, "kernel_size": 12, "activation": "relu"},
//               {"type": "global_max_pool"}, {"type": "dense", "units": 1}],
//    "loss": "bce_with_logits", "optimizer": {"type": "adam", "learning_rate": 0.001},
//    "training": {"epochs": 20, "batch_size": 64, "patience": 5, "monitor": "val_auroc", "seed": 1}}
// A multi-class model ends in K outputs with "loss": "softmax_cross_entropy" and may name its classes:
//   "classes": ["EI", "IE", "N"] (one name per output; Model::build checks the count).
// A model may also be a graph: several named inputs, layers that name what they read, merges, and
// several named heads, each with its own loss, weight and label column (multi-task, multimodal):
//   {"inputs": [{"name": "dna", "type": "dna"}, {"name": "features", "type": "features", "columns":
//   ["accessibility"]}],
//    "layers": [{"type": "conv1d", "name": "conv1", "inputs": "dna", ...}, {"type": "global_max_pool",
//    "name": "pool"},
//               {"type": "concatenate", "name": "merge", "inputs": ["pool", "features"]},
//               {"type": "dense", "name": "gata1_out", "units": 1}, {"type": "dense", "name": "tal1_out",
//               "inputs": "merge", "units": 1}],
//    "heads": [{"name": "gata1", "layer": "gata1_out"}, {"name": "tal1", "layer": "tal1_out", "weight":
//    0.5}]}
// A layer without "inputs" reads the layer before it (the first layer reads the first input). A head's
// label column defaults to its name; an empty cell is a missing label, left out of that head's loss.
// Without "heads" the last layer is the one head, its loss the spec's "loss" and its label column "label".
// "trainable": false on a layer freezes its parameters (transfer learning).
// Every problem is reported as {field, message} with the field's JSON path ("layers[2].kernel_size").
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace helix::nn {

struct SpecError {
    std::string field;
    std::string message;  // starts with the field: "layers[2].kernel_size: must be a positive integer"
};

struct LayerSpec {
    std::string type;  // dense, conv1d, max_pool1d, avg_pool1d, global_max_pool, global_avg_pool,
                       // flatten, dropout, relu, sigmoid, tanh, lstm, gru, batch_norm, layer_norm,
                       // concatenate, add (merges of two or more inputs)
                       // reshape, upsample1d, softmax (the GAN generator's, core/nn/gan.hpp)
    std::string name;  // unique; defaults to type + index ("conv1d_0")
    std::vector<std::string> inputs;  // names of inputs or earlier layers; empty = the layer before
    bool trainable = true;            // false: its parameters are frozen (not updated by training)
    std::size_t units = 0;            // dense, lstm, gru
    std::size_t filters = 0;          // conv1d
    std::size_t kernel_size = 0;      // conv1d
    std::string padding = "valid";
    std::size_t pool_size = 0;      // pools
    std::size_t stride = 0;         // pools; 0 = pool_size
    std::string activation;         // dense, conv1d: "", relu, sigmoid, tanh
    float rate = 0.0f;              // dropout
    bool return_sequences = false;  // lstm, gru: every position's state (B, L, H), else the last (B, H)
    bool bidirectional = false;     // lstm, gru: a second direction reading the sequence backwards
    float momentum = 0.1f;          // batch_norm: weight of the batch in the running statistics
    float eps = 1e-5f;              // batch_norm, layer_norm
    std::vector<std::size_t> target_shape;  // reshape: the shape without the batch axis, as Keras' Reshape
    std::size_t size = 2;  // upsample1d: each position repeated `size` times (Keras' UpSampling1D)
};

struct InputSpec {
    std::string name = "dna";
    std::string type = "dna";          // dna: one-hot sequences (L, 4); features: numeric table columns (F)
    std::vector<std::string> columns;  // features: the table columns read, in order (F = their count)
    std::size_t length = 0;  // dna: 0 = any length the layers accept (models that end in global pooling)
    // For fixed-length models: "pad_crop" centres each sequence, cropping or padding with N (0.25 per
    // base) on both sides; "exact" refuses other lengths with an error naming the record.
    std::string resize = "pad_crop";
};

struct OptimizerSpec {
    std::string type = "adam";  // adam, sgd
    float learning_rate = 1e-3f;
    float momentum = 0.9f;  // sgd
    float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-7f;
    float weight_decay = 0.0f;  // decoupled (AdamW) for adam, L2 for sgd
};

struct TrainingSpec {
    std::size_t epochs = 20;
    std::size_t batch_size = 64;
    float validation_fraction = 0.1f;
    float test_fraction = 0.1f;
    std::size_t patience = 5;           // epochs without improvement before stopping; 0 = never stop early
    std::string monitor = "val_auroc";  // val_loss, val_auroc, val_accuracy
    std::uint64_t seed = 1;
};

// A named output of the model with its own loss and label column.
struct HeadSpec {
    std::string name;                      // unique; "label" for the default head
    std::string layer;                     // the layer whose output is this head's logits
    std::string loss = "bce_with_logits";  // bce_with_logits (1 output, 0/1) or softmax_cross_entropy (K)
    float weight = 1.0f;                   // its share of the total loss
    std::string label;  // the label column; defaults to the head's name ("label" for the default head)
    std::vector<std::string> classes;  // softmax_cross_entropy: one name per output (optional)
};

struct ModelSpec {
    std::string name = "model";
    std::string description;
    InputSpec input;                // the first of `inputs` (the DNA input of a sequential model)
    std::vector<InputSpec> inputs;  // always at least one after parsing
    std::vector<LayerSpec> layers;
    std::vector<HeadSpec> heads;  // always at least one after parsing
    bool graph = false;           // written with "inputs"/"heads" (kept so a file round-trips as written)
    // bce_with_logits: one output, a 0/1 label. softmax_cross_entropy: K >= 2 outputs (logits; the loss
    // applies the softmax), a class index 0..K-1.
    std::string loss = "bce_with_logits";
    std::vector<std::string> classes;  // names of the K classes, in output order (softmax_cross_entropy only)
    OptimizerSpec optimizer;
    TrainingSpec training;
};

struct SpecResult {
    ModelSpec spec;
    std::vector<SpecError> errors;
    bool ok() const { return errors.empty(); }
};

SpecResult parse_spec(const nlohmann::json& j);
// One layer object at JSON path `path` ("layers[2]", "generator.layers[0]"), as parse_spec reads each.
void parse_layer(const nlohmann::json& j, const std::string& path, LayerSpec& layer,
                 std::vector<SpecError>& errors);
nlohmann::json layer_to_json(const LayerSpec& layer);
SpecResult parse_spec_text(const std::string& text);  // also reports JSON syntax errors with line/column
nlohmann::json spec_to_json(const ModelSpec& spec);

}  // namespace helix::nn
