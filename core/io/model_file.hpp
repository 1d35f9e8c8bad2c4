// core/io/model_file.hpp: the one model-file envelope, read and written here for every family:
//   {"format": "helix", "version": 2, "family": "sequence" | "graph" | "autoencoder" | "gan",
//    "spec": {...the family's spec, as its spec writer writes it...},
//    "weights": {"conv1.weight": {"shape": [12, 4, 16], "dtype": "float32", "data": "<base64,
//    little-endian>"}}, "metadata": {...}}   // free-form: what it was trained on, its test scores
// A family may add its own top-level fields beside these (a graph model: "features", "classes"; an
// autoencoder: "genes", "cells"). Files saved before the envelope load unchanged in meaning, by their own tag
// and version: "helix-model" (1) is a sequence model, "helix-graph-model" (1) a graph model,
// "helix-autoencoder" (1) an autoencoder, "helix-gan" (1) a GAN. Loading checks the format, version and
// family, the spec and every weight's presence and shape, and names the field of each problem; nothing is
// silently skipped.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../nn/layer.hpp"
#include "../spec/common.hpp"

namespace helix::io {

constexpr const char* kModelFileFormat = "helix";
constexpr int kModelFileVersion = 2;

// What a family puts in the envelope.
struct ModelFileContent {
    nlohmann::json spec;                               // the family's spec JSON
    std::vector<const nn::Param*> params;              // its weights, by name
    nlohmann::json fields = nlohmann::json::object();  // its own top-level fields (in this order), or none
    nlohmann::json metadata = nlohmann::json::object();
};
// family: "sequence", "graph", "autoencoder" or "gan".
std::string write_model_file(const std::string& family, const ModelFileContent& content);

// Parses `text` and checks that it is a file of `family` (the envelope, or the family's tag of before) with a
// "spec". Returns the document, or null with the reasons in `errors`.
nlohmann::json open_model_file(const std::string& text, const std::string& family,
                               std::vector<nn::SpecError>& errors);

// The spec's errors, as errors of the file ("spec.layers[0].units").
void add_spec_errors(const std::vector<nn::SpecError>& spec_errors, std::vector<nn::SpecError>& errors);
// Fills `params` from the file's "weights" (an error per missing, extra or misfit tensor).
void read_weights(const nlohmann::json& file, const std::vector<nn::Param*>& params,
                  std::vector<nn::SpecError>& errors);
nlohmann::json metadata_of(const nlohmann::json& file);

// A family's model from an opened file: its spec read by `parse_spec` (json -> a result with .spec and
// .errors), the model made by `build(spec, errors)` (null when it cannot be), then its weights filled. Null
// with the reasons in `errors` when any step fails. Every family's loader is open_model_file, its own fields,
// then this.
template <class ParseSpec, class Build>
auto model_from_file(const nlohmann::json& file, ParseSpec parse_spec, Build build,
                     std::vector<nn::SpecError>& errors)
    -> decltype(build(parse_spec(file.at("spec")).spec, errors))
{
    auto spec = parse_spec(file.at("spec"));
    add_spec_errors(spec.errors, errors);
    if (!errors.empty()) return nullptr;
    auto model = build(spec.spec, errors);
    if (!model) return nullptr;
    read_weights(file, model->params(), errors);
    if (!errors.empty()) return nullptr;
    return model;
}

}  // namespace helix::io
