// core/api/explain_api.cpp: see explain_api.hpp.
#include "explain_api.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "../infer/prepared_input.hpp"
#include "../interpret/integrated_gradients.hpp"
#include "../interpret/ism.hpp"
#include "../interpret/saliency.hpp"
#include "../interpret/variants.hpp"
#include "../nn/head_kind.hpp"
#include "json_errors.hpp"

namespace helix::api {

using nlohmann::json;

namespace {

void add_error(json& errors, const std::string& field, const std::string& message)
{
    errors.push_back({{"field", field}, {"message", field + ": " + message}});
}

bool present(const json& opt, const char* key)
{
    return opt.contains(key) && !opt[key].is_null();
}

// "head", "class", "output" -> a Target for `model`.
interpret::Target read_target(const nn::Model& model, const json& opt, bool read_output, json& errors)
{
    interpret::Target t;
    const auto& heads = model.spec().heads;
    if (present(opt, "head")) {
        std::string names;
        for (const auto& h : heads) names += (names.empty() ? "" : ", ") + h.name;
        const auto it =
            opt["head"].is_string()
                ? std::find_if(heads.begin(), heads.end(),
                               [&](const auto& h) { return h.name == opt["head"].get<std::string>(); })
                : heads.end();
        if (it == heads.end())
            add_error(
                errors, "head",
                (opt["head"].is_string() ? "'" + opt["head"].get<std::string>() + "'" : opt["head"].dump()) +
                    " is not a head of this model (heads: " + names + ")");
        else
            t.head = static_cast<std::size_t>(it - heads.begin());
    }
    // A profile head gives positions × strands, not one number to explain: the count head stands for it (the
    // first head that is not a profile is the default).
    const auto profile = [&](std::size_t h) {
        return nn::head_kind(heads[h].loss).labels == nn::LabelKind::profile;
    };
    if (!present(opt, "head"))
        while (t.head + 1 < heads.size() && profile(t.head)) ++t.head;
    if (profile(t.head))
        add_error(
            errors, "head",
            "the head '" + heads[t.head].name +
                "' predicts a profile (positions × strands), which is not explained yet: choose a count "
                "head");
    if (present(opt, "class")) {
        const std::size_t K = model.head_outputs(t.head);
        const bool multiclass = infer::is_multiclass(model, t.head);
        if (!multiclass)
            add_error(
                errors, "class",
                "the head '" + heads[t.head].name + "' has one 0/1 output; class applies to K-class heads");
        else if (!opt["class"].is_number_integer() || opt["class"].get<long long>() < 0 ||
                 opt["class"].get<long long>() >= static_cast<long long>(K))
            add_error(errors, "class",
                      opt["class"].dump() + " is not a class index of the head '" + heads[t.head].name +
                          "' (0.." + std::to_string(K - 1) + ")");
        else
            t.class_index = opt["class"].get<int>();
    }
    if (read_output && present(opt, "output")) {
        const json& o = opt["output"];
        if (o == "logit" || o == "probability")
            t.probability = o == "probability";
        else
            add_error(errors, "output", o.dump() + " is not one of: logit, probability");
    }
    return t;
}

// A positive integer option no larger than `max`, into `out`.
void read_count(const json& opt, const char* key, std::size_t max, std::size_t& out, json& errors)
{
    if (!present(opt, key)) return;
    if (!opt[key].is_number_integer() || opt[key].get<long long>() < 1 ||
        opt[key].get<long long>() > static_cast<long long>(max))
        add_error(errors, key, opt[key].dump() + " is not a whole number from 1 to " + std::to_string(max));
    else
        out = opt[key].get<std::size_t>();
}

// Errors that stop a model from being explained at all (a features-only model, no model).
json model_errors(ModelSession& session)
{
    if (!session.ok()) return one_error("model", "model: the model was not built (see its spec errors)");
    if (session.model()->dna_input() < 0)
        return one_error("model",
                         "model: it reads no DNA input; attributions, mutagenesis and variant effects "
                         "explain DNA sequence models");
    return nullptr;
}

float finite(float v)
{
    return std::isfinite(v) ? v : 0.0f;
}

}  // namespace

std::string explain_session_json(ModelSession& session, const std::string& text,
                                 const std::string& options_json)
{
    if (json e = model_errors(session); !e.is_null()) return error_result(e).dump();
    nn::Model& model = *session.model();
    json errors = json::array();
    const json opt = read_options(
        options_json, {"method", "head", "class", "output", "baseline", "steps", "shuffles", "seed"}, errors);
    if (opt.is_null()) return error_result(errors).dump();
    std::string method = "saliency";
    if (present(opt, "method")) {
        if (opt["method"] == "saliency" || opt["method"] == "ig" || opt["method"] == "ism")
            method = opt["method"].get<std::string>();
        else
            add_error(errors, "method", opt["method"].dump() + " is not one of: saliency, ig, ism");
    }
    const interpret::Target target = read_target(model, opt, /*read_output=*/true, errors);
    interpret::IgOptions ig;
    if (present(opt, "baseline")) {
        if (opt["baseline"] == "uniform" || opt["baseline"] == "shuffled")
            ig.shuffled = opt["baseline"] == "shuffled";
        else
            add_error(errors, "baseline", opt["baseline"].dump() + " is not one of: uniform, shuffled");
    }
    read_count(opt, "steps", 2000, ig.steps, errors);
    read_count(opt, "shuffles", 100, ig.shuffles, errors);
    if (present(opt, "seed")) {
        if (!opt["seed"].is_number_integer() || opt["seed"].get<long long>() < 0)
            add_error(errors, "seed", opt["seed"].dump() + " is not a non-negative whole number");
        else
            ig.seed = opt["seed"].get<std::uint64_t>();
    }
    if (!errors.empty()) return error_result(errors).dump();

    infer::Prepared p =
        infer::prepare(model, text, infer::table_options(model, "", /*require_labels=*/false));
    json out = {{"errors", json::array()}, {"moreErrors", 0}};
    if (!p.errors.is_null()) return out.update(p.errors), out.dump();
    out["method"] = method;
    out["head"] = model.spec().heads[target.head].name;
    out["output"] = target.probability ? "probability" : "logit";
    out["explanations"] = json::array();
    const bool multiclass = infer::is_multiclass(model, target.head);
    interpret::Scorer scorer(model, p.ex, target);
    for (std::size_t i = 0; i < p.ex.size(); ++i) {
        const std::string& seq = p.ex.sequences[i];
        json r = {{"id", p.set.ids[i]}, {"sequence", seq}};
        std::size_t k = 0;
        if (method == "saliency") {
            interpret::Saliency s = interpret::saliency(scorer, seq, i);
            r["score"] = finite(s.score), r["attributions"] = s.attributions, k = s.class_index;
        } else if (method == "ig") {
            interpret::IntegratedGradients g = interpret::integrated_gradients(scorer, seq, i, ig);
            r["score"] = finite(g.score), r["attributions"] = g.attributions, k = g.class_index;
            r["baselineScore"] = finite(g.baseline_score), r["delta"] = finite(g.delta);
        } else {
            interpret::Mutagenesis m = interpret::in_silico_mutagenesis(scorer, seq, i);
            r["score"] = finite(m.score), r["attributions"] = m.attributions, k = m.class_index;
            r["ism"] = json::array();
            for (const auto& row : m.changes) r["ism"].push_back(row);
        }
        if (multiclass) r["class"] = k;
        out["explanations"].push_back(std::move(r));
    }
    return out.dump();
}

std::string variants_session_json(ModelSession& session, const std::string& text,
                                  const std::string& options_json)
{
    if (json e = model_errors(session); !e.is_null()) return error_result(e).dump();
    nn::Model& model = *session.model();
    json errors = json::array();
    const json opt = read_options(options_json, {"head", "class"}, errors);
    if (opt.is_null()) return error_result(errors).dump();
    const interpret::Target target = read_target(model, opt, /*read_output=*/false, errors);
    if (!errors.empty()) return error_result(errors).dump();

    std::vector<std::string> feature_columns;
    for (const auto& in : model.spec().inputs)
        if (in.type == "features")
            feature_columns.insert(feature_columns.end(), in.columns.begin(), in.columns.end());
    auto parsed = interpret::parse_variants(text, feature_columns);
    if (!parsed.ok())
        return json{{"errors", input_errors_to_json(parsed.errors)}, {"moreErrors", parsed.more_errors}}
            .dump();
    std::vector<data::InputError> length_errors;
    std::size_t more = 0;
    const auto effects = interpret::score_variants(model, parsed.value, target, length_errors, more);
    if (!length_errors.empty())
        return json{{"errors", input_errors_to_json(length_errors)}, {"moreErrors", more}}.dump();

    std::vector<std::size_t> order(effects.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::fabs(effects[a].difference) > std::fabs(effects[b].difference);
    });
    const bool multiclass = infer::is_multiclass(model, target.head);
    json out = {{"errors", json::array()},
                {"moreErrors", 0},
                {"head", model.spec().heads[target.head].name},
                {"variants", json::array()}};
    for (std::size_t i : order) {
        const auto& v = parsed.value.variants[i];
        const auto& e = effects[i];
        json r = {{"id", v.id}, {"line", v.line}};
        if (!parsed.value.pairs)
            r["position"] = v.position, r["ref"] = std::string(1, v.ref), r["alt"] = std::string(1, v.alt);
        r["refScore"] = e.ref_score, r["altScore"] = e.alt_score, r["difference"] = e.difference;
        r["logOddsRatio"] = finite(e.log_odds_ratio);
        if (multiclass) r["class"] = e.class_index;
        out["variants"].push_back(std::move(r));
    }
    return out.dump();
}

}  // namespace helix::api
