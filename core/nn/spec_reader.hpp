// core/nn/spec_reader.hpp: reading the fields of one JSON object of a spec, one error per bad field, so every
// spec (sequence models, autoencoders) says the same thing about the same mistake: the field's JSON path, what
// it must be and what it was. Keys nobody reads are errors too, so a typo ("kernal_size") is caught rather
// than silently ignored.
#pragma once

#include <cstdint>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "spec.hpp"

namespace helix::nn {

// Reads fields of one JSON object, recording an error per bad field; unknown keys are errors too,
// so a typo ("kernal_size") is caught rather than silently ignored.
class SpecReader {
public:
    SpecReader(const nlohmann::json& obj, std::string path, std::vector<SpecError>& errors)
        : obj_(obj), path_(std::move(path)), errors_(errors)
    {
        if (!obj_.is_object()) fail(path_, "must be an object");
    }

    bool has(const char* key) const { return obj_.is_object() && obj_.contains(key) && !obj_.at(key).is_null(); }

    // max: an upper bound too ("must be an integer in [min, max]").
    void size(const char* key, std::size_t& out, std::size_t min, std::size_t max)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_number_integer() || v.get<long long>() < static_cast<long long>(min) ||
            v.get<long long>() > static_cast<long long>(max))
            fail(field(key), "must be an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "], got " +
                                 v.dump());
        else
            out = static_cast<std::size_t>(v.get<long long>());
    }

    void size(const char* key, std::size_t& out, std::size_t min = 1)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_number_integer() || v.get<long long>() < static_cast<long long>(min))
            fail(field(key), "must be an integer ≥ " + std::to_string(min) + ", got " + v.dump());
        else
            out = static_cast<std::size_t>(v.get<long long>());
    }

    void number(const char* key, float& out, float lo, float hi, bool hi_open = false)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_number()) return fail(field(key), "must be a number, got " + v.dump());
        // Checked as the float it is stored as (a saved file must load again: 0.99999999999 rounds to 1).
        const double d = v.get<double>();
        const float f = d >= lo && d <= hi ? static_cast<float>(d) : std::nanf("");
        if (!(f >= lo && (hi_open ? f < hi : f <= hi)))
            return fail(field(key), "must be in [" + num(lo) + ", " + num(hi) + (hi_open ? ")" : "]") +
                                        ", got " + v.dump());
        out = f;
    }

    void text(const char* key, std::string& out, const std::set<std::string>* allowed = nullptr)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_string()) return fail(field(key), "must be a string, got " + v.dump());
        std::string s = v.get<std::string>();
        if (allowed && !allowed->count(s)) {
            std::string list;
            for (const auto& a : *allowed)
                if (!a.empty()) list += (list.empty() ? "" : ", ") + a;
            return fail(field(key), "'" + s + "' is not one of: " + list);
        }
        out = s;
    }

    void boolean(const char* key, bool& out)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_boolean()) return fail(field(key), "must be true or false, got " + v.dump());
        out = v.get<bool>();
    }

    void seed(const char* key, std::uint64_t& out)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_number_integer() || v.get<long long>() < 0)
            return fail(field(key), "must be a non-negative integer, got " + v.dump());
        out = static_cast<std::uint64_t>(v.get<long long>());
    }

    // Marks keys read without a typed reader (nested objects, comments).
    void allow(const char* key) { seen_.insert(key); }

    void reject_unknown()
    {
        if (!obj_.is_object()) return;
        for (auto it = obj_.begin(); it != obj_.end(); ++it)
            if (!seen_.count(it.key())) fail(field(it.key().c_str()), "unknown field (check the spelling)");
    }

    std::string field(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    void fail(const std::string& f, const std::string& m) { errors_.push_back({f, f + ": " + m}); }

private:
    bool take(const char* key)
    {
        seen_.insert(key);
        return has(key);
    }
    static std::string num(float x)
    {
        std::string s = std::to_string(x);
        while (s.size() > 1 && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    }
    const nlohmann::json& obj_;
    std::string path_;
    std::vector<SpecError>& errors_;
    std::set<std::string> seen_;
};

}  // namespace helix::nn
