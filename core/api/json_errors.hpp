// core/api/json_errors.hpp: problems as the JS API receives them: [{line, column, field, message}] for
// input text, [{field, message}] for specs and options. Shared by every session of core/api.
#pragma once

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../data/input_error.hpp"
#include "../data/lines.hpp"
#include "../spec/common.hpp"

namespace helix::api {

inline nlohmann::json input_errors_to_json(const std::vector<data::InputError>& errors)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : errors)
        out.push_back({{"line", e.line}, {"column", e.column}, {"field", e.field}, {"message", e.message}});
    return out;
}

// A spec or file error about the text itself (not JSON: no field) starts "line L, column C: ": its place.
inline data::TextPlace place_in_message(const std::string& message)
{
    int line = 0, column = 0;
    if (std::sscanf(message.c_str(), "line %d, column %d:", &line, &column) != 2) return {0, 0};
    return {line, column};
}

inline nlohmann::json spec_errors_to_json(const std::vector<nn::SpecError>& errors)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : errors) {
        out.push_back({{"field", e.field}, {"message", e.message}});
        const data::TextPlace at = e.field.empty() ? place_in_message(e.message) : data::TextPlace{0, 0};
        if (at.line > 0) out.back().update({{"line", at.line}, {"column", at.column}});
    }
    return out;
}

inline nlohmann::json one_error(const std::string& field, const std::string& message)
{
    return nlohmann::json::array({{{"field", field}, {"message", message}}});
}

}  // namespace helix::api
