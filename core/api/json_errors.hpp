// core/api/json_errors.hpp: problems as the JS API receives them: [{line, column, field, message}] for
// input text, [{field, message}] for specs and options. Shared by every session of core/api.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../data/input_error.hpp"
#include "../nn/spec.hpp"

namespace helix::api {

inline nlohmann::json input_errors_to_json(const std::vector<data::InputError>& errors)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : errors)
        out.push_back({{"line", e.line}, {"column", e.column}, {"field", e.field}, {"message", e.message}});
    return out;
}

inline nlohmann::json spec_errors_to_json(const std::vector<nn::SpecError>& errors)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : errors) out.push_back({{"field", e.field}, {"message", e.message}});
    return out;
}

inline nlohmann::json one_error(const std::string& field, const std::string& message)
{
    return nlohmann::json::array({{{"field", field}, {"message", message}}});
}

}  // namespace helix::api
