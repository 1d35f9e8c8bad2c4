// core/spec/sequence.hpp: the sequence model spec, a JSON document read into plain structs and checked field
// by field. A spec names its input, a sequential stack of named layers, the loss, the optimizer and how to
// train:
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
// A profile model (BPNet) has a profile head and a count head reading a table's profile columns:
//    "heads": [{"name": "profile", "layer": "profile_out", "loss": "multinomial_nll",
//               "columns": ["counts_plus", "counts_minus"]},
//              {"name": "counts", "layer": "count_out", "loss": "log1p_mse",
//               "columns": ["counts_plus", "counts_minus"], "weight": 10}]
// Every problem is reported as {field, message} with the field's JSON path ("layers[2].kernel_size").
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common.hpp"
#include "layer.hpp"

namespace helix::nn {

struct InputSpec {
    std::string name = "dna";
    std::string type = "dna";          // dna: one-hot sequences (L, 4); features: numeric table columns (F)
    std::vector<std::string> columns;  // features: the table columns read, in order (F = their count)
    std::size_t length = 0;  // dna: 0 = any length the layers accept (models that end in global pooling)
    // For fixed-length models: "pad_crop" centres each sequence, cropping or padding with N (0.25 per
    // base) on both sides; "exact" refuses other lengths with an error naming the record.
    std::string resize = "pad_crop";
};

// A named output of the model with its own loss and label column.
struct HeadSpec {
    std::string name;                      // unique; "label" for the default head
    std::string layer;                     // the layer whose output is this head's logits
    std::string loss = "bce_with_logits";  // bce_with_logits (1 output, 0/1) or softmax_cross_entropy (K)
    float weight = 1.0f;                   // its share of the total loss
    std::string label;  // the label column; defaults to the head's name ("label" for the default head)
    std::vector<std::string> classes;  // softmax_cross_entropy: one name per output (optional)
    // Profile columns of the table (lists of per-position counts, one column per strand): a multinomial_nll
    // head predicts them (required; one channel of its layer per column); a log1p_mse head's label is their
    // total over the window (else its label column holds the counts).
    std::vector<std::string> columns;
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
SpecResult parse_spec_text(const std::string& text);  // also reports JSON syntax errors with line/column
nlohmann::json spec_to_json(const ModelSpec& spec);

}  // namespace helix::nn
