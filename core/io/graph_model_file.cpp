// core/io/graph_model_file.cpp: see graph_model_file.hpp.
#include "graph_model_file.hpp"

#include "model_file.hpp"

namespace helix::io {

using nlohmann::json;

std::string save_graph_model(const nn::GraphModel& model, const json& metadata)
{
    return write_model_file("graph", {nn::graph_spec_to_json(model.spec()),
                                      model.params(),
                                      {{"features", model.features()}, {"classes", model.classes()}},
                                      metadata});
}

LoadedGraphModel load_graph_model(const std::string& text)
{
    LoadedGraphModel out;
    auto fail = [&](const std::string& field, const std::string& message) {
        out.errors.push_back({field, (field.empty() ? "" : field + ": ") + message});
    };
    json file = open_model_file(text, "graph", out.errors);
    if (file.is_null()) return out;
    for (const char* key : {"features", "classes"})
        if (!file.contains(key) || !file[key].is_number_unsigned() || file[key].get<std::size_t>() == 0)
            fail(key, "must be a positive integer");
    if (!out.errors.empty()) return out;
    const std::size_t features = file["features"].get<std::size_t>(),
                      classes = file["classes"].get<std::size_t>();
    out.model = model_from_file(
        file, [](const json& j) { return nn::parse_graph_spec(j); },
        [&](const nn::GraphSpec& s, std::vector<nn::SpecError>& errors) {
            return nn::GraphModel::build(s, features, classes, errors);
        },
        out.errors);
    if (out.model) out.metadata = metadata_of(file);
    return out;
}

}  // namespace helix::io
