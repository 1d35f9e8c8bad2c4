// core/nn/autoencoder.hpp: an autoencoder on a numeric matrix (cells × genes): its network, built from its
// spec (types, reader and writer in core/spec/autoencoder.hpp). The spec is JSON, a separate type from
// sequence and graph models:
//   {"name": "dae-impute", "type": "autoencoder",
//    "encoder": [{"type": "dense", "units": 128, "activation": "relu"}, {"type": "dropout", "rate": 0.1}],
//    "latent": {"units": 32},
//    "decoder": [{"type": "dense", "units": 128, "activation": "relu"}],
//    "corruption": {"type": "mask", "rate": 0.2},
//    "reconstruction": "masked_mse",
//    "imputation": {"mask_fraction": 0.1, "entries": "nonzero"},
//    "preprocess": {"transform": "none"},
//    "optimizer": {"type": "adam", "learning_rate": 0.001},
//    "training": {"epochs": 30, "batch_size": 64, "patience": 5, "monitor": "val_loss", "seed": 1,
//                 "validation_fraction": 0.1, "test_fraction": 0.1}}
// encoder and decoder hold dense, dropout, batch_norm, layer_norm, relu, sigmoid and tanh layers (the layers
// of core/nn/layers.cpp). The network is: standardise each gene with the training cells' mean and standard
// deviation -> encoder -> "latent" (dense, `latent.units`, linear unless `latent.activation`) -> decoder ->
// "reconstruction" (dense, one output per gene, linear). The reconstruction is in the data's own units (after
// `preprocess.transform`, "log1p" for raw counts), its bias starting at the per-gene baseline described
// below, so an untrained model imputes as the baseline does.
//
// Hiding entries. "entries": "all" draws hidden entries among every entry; "nonzero" only among the non-zero
// ones: zeros are then read as "not measured" (dropouts of single-cell data) and the model learns a gene's
// level where it was measured. A hidden entry is given to the encoder as the gene's training mean (0 after
// standardising). The per-gene baseline is the mean over the training cells of the same entries: of all
// values
// ("all") or of the non-zero ones ("nonzero"), so model and baseline answer the same question.
// Corruption (training only): "mask" hides a random `rate` of the entries of each batch as above; "gaussian"
// adds noise of standard deviation `rate` to the standardised input; "none" gives the input as it is.
// Reconstruction: "mse" scores every entry; "masked_mse" (needs corruption "mask") only the hidden entries,
// the denoising objective for imputation. Validation loss: the masked MSE on a fixed, seeded `mask_fraction`
// of the validation cells' entries for "masked_mse", the plain reconstruction MSE of clean input for "mse".
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../spec/autoencoder.hpp"
#include "layer.hpp"

namespace helix::nn {

// The network for `genes` inputs and outputs. Shapes: x (B, G) in the data's units -> codes (B, latent) ->
// reconstruction (B, G).
class Autoencoder {
public:
    // "" or why `spec` on `genes` genes is too large to build ("reconstruction (with 90000 genes): this layer
    // would bring the network to ... parameters; ..."): build() requires "".
    static std::string size_error(const AutoencoderSpec& spec, std::size_t genes);
    static std::unique_ptr<Autoencoder> build(const AutoencoderSpec& spec, std::size_t genes);

    // Per-gene statistics of `rows` of `values` (N × G, row-major, after the transform): the standardising
    // mean and scale and the imputation baseline (see above). Sets the reconstruction bias to the baseline.
    void fit_statistics(const std::vector<float>& values, const std::vector<std::size_t>& rows);

    // Standardised input for rows of `values`, each hidden entry (hidden(r, g) != 0) set to 0.
    // `hidden` may be an empty Tensor (nothing hidden).
    Tensor standardize(const std::vector<float>& values, const std::vector<std::size_t>& rows,
                       const Tensor& hidden) const;
    Var encode(const Tensor& standardized, bool training, Rng& rng);
    Var decode(const Var& codes, bool training, Rng& rng);
    Var forward(const Tensor& standardized, bool training, Rng& rng)
    {
        return decode(encode(standardized, training, rng), training, rng);
    }

    const AutoencoderSpec& spec() const { return spec_; }
    std::size_t genes() const { return genes_; }
    const Tensor& baseline() const { return stats_[2].var.value(); }  // per-gene baseline imputation (G)
    std::vector<Param*> params();
    std::vector<const Param*> params() const;
    std::vector<Tensor> weights() const;
    void set_weights(const std::vector<Tensor>& w);
    nlohmann::json summary_json() const;

private:
    AutoencoderSpec spec_;
    std::size_t genes_ = 0;
    std::vector<Param> stats_;  // input.mean, input.scale, imputation.baseline: saved, never trained
    std::vector<std::unique_ptr<Layer>> encoder_,
        decoder_;  // encoder_ ends in "latent", decoder_ in "reconstruction"
};

}  // namespace helix::nn
