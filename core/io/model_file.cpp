// core/io/model_file.cpp: see model_file.hpp.
#include "model_file.hpp"

#include "../data/lines.hpp"
#include "weights_json.hpp"

namespace helix::io {

using nlohmann::json;

namespace {

// A family, the tag and version its files had before the envelope, and what messages call its files.
struct Family {
    const char* name;
    const char* old_format;
    int old_version;
    const char* what;
};
constexpr Family kFamilies[] = {{"sequence", "helix-model", 1, "Helix model"},
                                {"graph", "helix-graph-model", 1, "Helix graph model"},
                                {"autoencoder", "helix-autoencoder", 1, "Helix autoencoder"},
                                {"gan", "helix-gan", 1, "Helix GAN"}};

const Family* family_named(const std::string& name)
{
    for (const Family& f : kFamilies)
        if (name == f.name) return &f;
    return nullptr;
}

const Family* family_of_old_format(const std::string& format)
{
    for (const Family& f : kFamilies)
        if (format == f.old_format) return &f;
    return nullptr;
}

std::string family_list()
{
    std::string list;
    for (const Family& f : kFamilies) list += (list.empty() ? "" : ", ") + std::string(f.name);
    return list;
}

// The text as JSON, or null with the reason (where reading stopped) in `errors`.
json parse_file(const std::string& text, const std::string& what, std::vector<nn::SpecError>& errors)
{
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        // Where reading stopped: the end of a truncated file, or the first character that is not JSON.
        const data::TextPlace at = data::place_of(text, e.byte > 0 ? e.byte - 1 : 0);
        const bool at_end = e.byte > text.size();
        errors.push_back({"", "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
                                  ": this is not a " + what + " file: " +
                                  (at_end ? "the text ends in the middle of the JSON (the file is truncated)"
                                          : "it is not valid JSON from here on")});
    } catch (const json::exception& e) {
        // Valid JSON that nlohmann cannot hold, e.g. a number past the double range (found by
        // fuzz_model_file).
        errors.push_back({"", "this " + what + " file has a value that cannot be read: " + e.what()});
    }
    return json();
}

// "" when the file's "version" is `version`, else what is wrong.
std::string version_problem(const json& file, int version)
{
    if (!file.contains("version") || !file["version"].is_number_integer()) return "missing";
    if (file["version"].get<int>() == version) return "";
    return "this file has version " + file["version"].dump() + " but this Helix reads version " +
           std::to_string(version);
}

// "" when the file is one of `want`'s (checked by its format, version and family), else sets `field` and says
// why.
std::string envelope_problem(const json& file, const Family& want, std::string& field)
{
    const std::string format =
        file.contains("format") && file["format"].is_string() ? file["format"].get<std::string>() : "";
    field = "format";
    if (const Family* old = family_of_old_format(format)) {
        if (old != &want)  // another family's file of before: say which it is
            return std::string("expected \"") + want.old_format + "\"; this file is not a " + want.what +
                   " but a \"" + format + "\" file";
        field = "version";
        return version_problem(file, old->old_version);
    }
    if (format != kModelFileFormat) {
        const bool other_helix = format.rfind("helix-", 0) == 0;
        return std::string("expected \"") + kModelFileFormat + "\"; this file is not a " + want.what +
               (other_helix ? " but a \"" + format + "\" file" : "");
    }
    field = "version";
    if (std::string why = version_problem(file, kModelFileVersion); !why.empty()) return why;
    field = "family";
    if (!file.contains("family") || !file["family"].is_string())
        return "missing (one of: " + family_list() + ")";
    const std::string family = file["family"].get<std::string>();
    if (!family_named(family)) return "'" + family + "' is not one of: " + family_list();
    if (family != want.name)
        return std::string("expected \"") + want.name + "\"; this file is not a " + want.what + " but a " +
               family_named(family)->what + " file";
    return "";
}

}  // namespace

std::string write_model_file(const std::string& family, const ModelFileContent& content)
{
    HELIX_ASSERT(family_named(family));
    json file = {{"format", kModelFileFormat},
                 {"version", kModelFileVersion},
                 {"family", family},
                 {"spec", content.spec}};
    for (auto it = content.fields.begin(); it != content.fields.end(); ++it) file[it.key()] = it.value();
    file["weights"] = weights_to_json(content.params);
    file["metadata"] = content.metadata;
    return file.dump();
}

json open_model_file(const std::string& text, const std::string& family, std::vector<nn::SpecError>& errors)
{
    const Family* want = family_named(family);
    HELIX_ASSERT(want);
    json file = parse_file(text, want->what, errors);
    if (!errors.empty()) return json();
    auto fail = [&](const std::string& field, const std::string& message) {
        errors.push_back({field, (field.empty() ? "" : field + ": ") + message});
        return json();
    };
    if (!file.is_object())
        return fail("", std::string("this is not a ") + want->what + " file (not a JSON object)");
    std::string field;
    if (const std::string why = envelope_problem(file, *want, field); !why.empty()) return fail(field, why);
    if (!file.contains("spec")) return fail("spec", "missing");
    return file;
}

void add_spec_errors(const std::vector<nn::SpecError>& spec_errors, std::vector<nn::SpecError>& errors)
{
    for (const auto& e : spec_errors) errors.push_back({"spec." + e.field, "spec." + e.message});
}

void read_weights(const json& file, const std::vector<nn::Param*>& params, std::vector<nn::SpecError>& errors)
{
    weights_from_json(file.contains("weights") ? file["weights"] : json::object(), params, errors);
}

json metadata_of(const json& file)
{
    return file.contains("metadata") ? file["metadata"] : json::object();
}

}  // namespace helix::io
