// core/api/json_errors.hpp: problems as the JS API receives them: [{line, column, field, message}] for
// input text, [{field, message}] for specs and options. Shared by every session of core/api.
#pragma once

#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>
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

// {"errors": errors, "moreErrors": 0}: the answer of a call that stops at its options or its model.
inline nlohmann::json error_result(const nlohmann::json& errors)
{
    return nlohmann::json{{"errors", errors}, {"moreErrors", 0}};
}

// An options object (text; "" = {}), with each field outside `allowed` reported in `errors`; null when the
// text is not a JSON object (then `errors` says so).
inline nlohmann::json read_options(const std::string& text, const std::set<std::string>& allowed,
                                   nlohmann::json& errors)
{
    nlohmann::json opt =
        text.empty() ? nlohmann::json::object() : nlohmann::json::parse(text, nullptr, false);
    if (opt.is_discarded() || !opt.is_object()) {
        errors.push_back({{"field", "options"}, {"message", "options: not a JSON object"}});
        return nullptr;
    }
    for (const auto& [key, value] : opt.items()) {
        if (allowed.count(key)) continue;
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        errors.push_back({{"field", key}, {"message", key + ": unknown option (allowed: " + list + ")"}});
    }
    return opt;
}

}  // namespace helix::api
