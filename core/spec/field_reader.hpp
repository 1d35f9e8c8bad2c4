// core/spec/field_reader.hpp: the one reader of spec fields. It reads the fields of one JSON object, one
// error per bad field, so every spec (sequence models, graph models, autoencoders, GANs) and every run's
// options say the same thing about the same mistake: the field's JSON path, what it must be and what it was.
// Keys nobody reads are errors too, so a typo ("kernal_size") is caught rather than silently ignored.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "common.hpp"

namespace helix::spec {

using nn::SpecError;

class FieldReader {
public:
    FieldReader(const nlohmann::json& obj, std::string path, std::vector<SpecError>& errors)
        : obj_(obj), path_(std::move(path)), errors_(errors)
    {
        if (!obj_.is_object()) fail(path_, "must be an object");
    }

    bool has(const char* key) const
    {
        return obj_.is_object() && obj_.contains(key) && !obj_.at(key).is_null();
    }
    const nlohmann::json& at(const char* key) const { return obj_.at(key); }

    // An integer in [min, max].
    void size(const char* key, std::size_t& out, std::size_t min, std::size_t max)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_number_integer() || v.get<long long>() < static_cast<long long>(min) ||
            v.get<long long>() > static_cast<long long>(max))
            fail(field(key), "must be an integer in [" + std::to_string(min) + ", " + std::to_string(max) +
                                 "], got " + v.dump());
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

    // A number in [lo, hi] (or [lo, hi) when hi_open), checked as the float it is stored as: a saved file
    // must load again (0.99999999999 rounds to 1).
    void number(const char* key, float& out, float lo, float hi, bool hi_open = false)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        const double d = v.is_number() ? v.get<double>() : std::nan("");
        const float f = d >= lo && d <= hi ? static_cast<float>(d) : std::nanf("");
        if (!(f >= lo && (hi_open ? f < hi : f <= hi)))
            return fail(field(key), "must be a number in [" + float_text(lo) + ", " + float_text(hi) +
                                        (hi_open ? ")" : "]") + ", got " + v.dump());
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
    void text(const char* key, std::string& out, const std::set<std::string>& allowed)
    {
        text(key, out, &allowed);
    }

    void boolean(const char* key, bool& out)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_boolean()) return fail(field(key), "must be true or false, got " + v.dump());
        out = v.get<bool>();
    }

    // A non-negative integer no larger than `max`.
    void seed(const char* key, std::uint64_t& out, std::uint64_t max = UINT64_MAX)
    {
        if (!take(key)) return;
        const nlohmann::json& v = obj_.at(key);
        if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<std::uint64_t>() > max)
            return fail(field(key), "must be a non-negative integer" +
                                        (max == UINT64_MAX ? std::string() : " ≤ " + std::to_string(max)) +
                                        ", got " + v.dump());
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

    // The shortest decimal that reads back as `x` ("1e-08", "0.5", "10.0"), as a JSON number.
    static std::string float_text(float x)
    {
        char buf[32];
        for (int digits = 1; digits <= 9; ++digits) {
            std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(x));
            if (std::strtof(buf, nullptr) == x) break;
        }
        std::string s = buf;
        if (s.find_first_of(".einf") == std::string::npos) s += ".0";
        return s;
    }

    std::string field(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    void fail(const std::string& f, const std::string& m) { errors_.push_back({f, f + ": " + m}); }

private:
    bool take(const char* key)
    {
        seen_.insert(key);
        return has(key);
    }
    const nlohmann::json& obj_;
    std::string path_;
    std::vector<SpecError>& errors_;
    std::set<std::string> seen_;
};

}  // namespace helix::spec
