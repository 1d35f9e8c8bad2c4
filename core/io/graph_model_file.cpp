// core/io/graph_model_file.cpp: see graph_model_file.hpp.
#include "graph_model_file.hpp"

#include "weights_json.hpp"

namespace helix::io {

using nlohmann::json;

std::string save_graph_model(const nn::GraphModel& model, const json& metadata)
{
    json weights = weights_to_json(model.params());
    return json{{"format", "helix-graph-model"},
                {"version", kGraphModelFileVersion},
                {"spec", nn::graph_spec_to_json(model.spec())},
                {"features", model.features()},
                {"classes", model.classes()},
                {"weights", weights},
                {"metadata", metadata}}
        .dump();
}

LoadedGraphModel load_graph_model(const std::string& text)
{
    LoadedGraphModel out;
    auto fail = [&](const std::string& field, const std::string& message) {
        out.errors.push_back({field, (field.empty() ? "" : field + ": ") + message});
    };
    json file = open_model_file(text, "helix-graph-model", kGraphModelFileVersion, "Helix graph model", out.errors);
    if (file.is_null()) return out;
    for (const char* key : {"features", "classes"})
        if (!file.contains(key) || !file[key].is_number_unsigned() || file[key].get<std::size_t>() == 0)
            fail(key, "must be a positive integer");
    if (!out.errors.empty()) return out;
    nn::GraphSpecResult spec = nn::parse_graph_spec(file["spec"]);
    for (auto& e : spec.errors) out.errors.push_back({"spec." + e.field, "spec." + e.message});
    if (!out.errors.empty()) return out;
    auto model = nn::GraphModel::build(spec.spec, file["features"].get<std::size_t>(),
                                       file["classes"].get<std::size_t>(), out.errors);
    if (!model) return out;
    weights_from_json(file.contains("weights") ? file["weights"] : json::object(), model->params(), out.errors);
    if (!out.errors.empty()) return out;
    out.metadata = file.contains("metadata") ? file["metadata"] : json::object();
    out.model = std::move(model);
    return out;
}

}  // namespace helix::io
