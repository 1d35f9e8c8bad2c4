// core/io/model_file.cpp: see model_file.hpp.
#include "model_file.hpp"

#include "weights_json.hpp"

namespace helix::io {

using nlohmann::json;

std::string save_model(const nn::Model& model, const json& metadata)
{
    json weights = weights_to_json(model.params());
    json file = {{"format", "helix-model"},
                 {"version", kModelFileVersion},
                 {"spec", nn::spec_to_json(model.spec())},
                 {"weights", weights},
                 {"metadata", metadata}};
    return file.dump();
}

LoadedModel load_model(const std::string& text)
{
    LoadedModel out;
    json file = open_model_file(text, "helix-model", kModelFileVersion, "Helix model", out.errors);
    if (file.is_null()) return out;
    nn::SpecResult spec = nn::parse_spec(file["spec"]);
    for (auto& e : spec.errors) out.errors.push_back({"spec." + e.field, "spec." + e.message});
    if (!out.errors.empty()) return out;
    auto model = nn::Model::build(spec.spec, out.errors);
    if (!model) return out;
    weights_from_json(file.contains("weights") ? file["weights"] : json::object(), model->params(), out.errors);
    if (!out.errors.empty()) return out;
    out.metadata = file.contains("metadata") ? file["metadata"] : json::object();
    out.model = std::move(model);
    return out;
}

}  // namespace helix::io
