// core/io/sequence_model_file.cpp: see sequence_model_file.hpp.
#include "sequence_model_file.hpp"

#include "model_file.hpp"

namespace helix::io {

using nlohmann::json;

std::string save_model(const nn::Model& model, const json& metadata)
{
    return write_model_file("sequence",
                            {nn::spec_to_json(model.spec()), model.params(), json::object(), metadata});
}

LoadedModel load_model(const std::string& text)
{
    LoadedModel out;
    json file = open_model_file(text, "sequence", out.errors);
    if (file.is_null()) return out;
    out.model = model_from_file(
        file, [](const json& j) { return nn::parse_spec(j); },
        [](const nn::ModelSpec& s, std::vector<nn::SpecError>& errors) {
            return nn::Model::build(s, errors);
        },
        out.errors);
    if (out.model) out.metadata = metadata_of(file);
    return out;
}

}  // namespace helix::io
