// core/spec/graph.cpp: see graph.hpp.
#include "graph.hpp"

#include <algorithm>
#include <set>

#include "field_reader.hpp"
#include "optimizer_options.hpp"
#include "training_options.hpp"

namespace helix::nn {

using nlohmann::json;

namespace {

struct Reader {
    std::vector<SpecError>& errors;
    void fail(const std::string& field, const std::string& what)
    {
        errors.push_back({field, field + ": " + what});
    }
    // A key of `o` not in `known` is an error: a typo ("epochz") is caught rather than silently ignored.
    void unknown(const json& o, const std::string& at, std::initializer_list<const char*> known)
    {
        if (!o.is_object()) return;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (std::none_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; }))
                fail(at + it.key(), "unknown field (check the spelling)");
    }
    void string(const json& j, const char* key, const std::string& at, std::string& out,
                std::initializer_list<const char*> allowed)
    {
        if (!j.contains(key) || j[key].is_null()) return;
        const std::string field = at + key;
        if (!j[key].is_string()) return fail(field, "must be a string");
        const std::string v = j[key].get<std::string>();
        std::string list;
        for (const char* a : allowed) {
            if (v == a) return void(out = v);
            list += list.empty() ? std::string(a) : ", " + std::string(a);
        }
        fail(field, "'" + v + "' is not one of: " + list);
    }
    template <class T>
    void number(const json& j, const char* key, const std::string& at, T& out, double lo, double hi,
                bool integer)
    {
        if (!j.contains(key) || j[key].is_null()) return;
        const std::string field = at + key;
        if (!j[key].is_number() || (integer && !j[key].is_number_integer()))
            return fail(field, integer ? "must be an integer" : "must be a number");
        // Compared as the type it is stored as (a float), so what a model file saves loads again: 0.999 is
        // stored as 0.99900001 and written so, which as a double is above 0.999.
        const double v = j[key].get<double>();
        const double lo_t = static_cast<double>(static_cast<T>(lo)),
                     hi_t = static_cast<double>(static_cast<T>(hi));
        const bool fits = integer ? v >= lo && v <= hi : v >= lo_t && v <= hi_t;
        if (!fits) return fail(field, "must be between " + json(lo).dump() + " and " + json(hi).dump());
        out = static_cast<T>(integer ? static_cast<double>(j[key].get<long long>())
                                     : v);  // rounding keeps it in range
    }
};

}  // namespace

GraphSpecResult parse_graph_spec(const json& j)
{
    GraphSpecResult r;
    Reader rd{r.errors};
    GraphSpec& s = r.spec;
    if (!j.is_object()) {
        rd.fail("spec", "must be a JSON object");
        return r;
    }
    if (j.contains("name") && j["name"].is_string()) s.name = j["name"].get<std::string>();
    if (j.contains("description") && j["description"].is_string())
        s.description = j["description"].get<std::string>();
    rd.unknown(j, "",
               {"name", "description", "task", "loss", "features", "structural_features", "layers",
                "optimizer", "training", "comment", "format", "version"});
    if (!j.contains("task"))
        rd.fail("task",
                "missing; a graph model needs \"task\": \"node_classification\" or \"graph_classification\"");
    rd.string(j, "task", "", s.task, {"node_classification", "graph_classification"});
    rd.string(j, "loss", "", s.loss, {"softmax_cross_entropy"});
    rd.string(j, "features", "", s.features, {"row_normalize", "as_is"});
    rd.string(j, "structural_features", "", s.structural_features, {"degree", "constant"});
    const bool graph_task = s.graph_task();
    if (!j.contains("layers") || !j["layers"].is_array() || j["layers"].empty()) {
        rd.fail("layers",
                graph_task ? "must be a non-empty list of layers (graph_conv, dropout, graph_readout, dense)"
                           : "must be a non-empty list of layers (graph_conv, dropout)");
    } else {
        std::size_t convs = 0, readouts = 0, denses = 0;
        for (std::size_t i = 0; i < j["layers"].size(); ++i) {
            const json& l = j["layers"][i];
            const std::string at = "layers[" + std::to_string(i) + "].";
            if (!l.is_object() || !l.contains("type") || !l["type"].is_string()) {
                rd.fail("layers[" + std::to_string(i) + "]", "must be an object with a \"type\"");
                continue;
            }
            GraphLayerSpec ls;
            ls.type = l["type"].get<std::string>();
            rd.unknown(l, at, {"type", "name", "units", "activation", "mode", "rate", "comment"});
            if (ls.type == "graph_conv" || (graph_task && ls.type == "dense")) {
                if (ls.type == "graph_conv" && readouts > 0)
                    rd.fail(at + "type",
                            "graph_conv after graph_readout (it works on nodes; use dense on graphs)");
                if (ls.type == "dense" && readouts == 0)
                    rd.fail(at + "type",
                            "dense before graph_readout (it works on graphs; use graph_conv on nodes)");
                ++(ls.type == "dense" ? denses : convs);
                rd.number(l, "units", at, ls.units, 1, 1e5, true);
                rd.string(l, "activation", at, ls.activation, {"", "relu", "tanh", "sigmoid"});
            } else if (graph_task && ls.type == "graph_readout") {
                ++readouts;
                ls.mode = "mean";
                rd.string(l, "mode", at, ls.mode, {"mean", "sum", "max"});
            } else if (ls.type == "dropout") {
                if (!l.contains("rate")) rd.fail(at + "rate", "missing (a number in [0, 1))");
                rd.number(l, "rate", at, ls.rate, 0.0, 0.99, false);
            } else {
                rd.fail(at + "type", "'" + ls.type + "' is not a graph layer (allowed: " +
                                         (graph_task ? "graph_conv, dropout, graph_readout, dense"
                                                     : "graph_conv, dropout") +
                                         (!graph_task && (ls.type == "graph_readout" || ls.type == "dense")
                                              ? "; " + ls.type + " needs \"task\": \"graph_classification\""
                                              : std::string()) +
                                         ")");
            }
            ls.name = l.contains("name") && l["name"].is_string() ? l["name"].get<std::string>()
                                                                  : ls.type + "_" + std::to_string(i);
            s.layers.push_back(ls);
        }
        if (convs == 0) rd.fail("layers", "needs at least one graph_conv");
        if (graph_task && readouts != 1)
            rd.fail("layers", "a graph_classification model needs exactly one graph_readout (found " +
                                  std::to_string(readouts) + ")");
        if (graph_task && readouts == 1 && denses == 0)
            rd.fail("layers",
                    "needs at least one dense layer after graph_readout (the last one outputs the classes)");
        // Only the output layer (the last graph_conv, or the last dense of a graph model) may leave units
        // out.
        const std::string output_type = graph_task ? "dense" : "graph_conv";
        std::size_t output = s.layers.size();
        for (std::size_t i = 0; i < s.layers.size(); ++i)
            if (s.layers[i].type == output_type) output = i;
        for (std::size_t i = 0; i < s.layers.size(); ++i)
            if ((s.layers[i].type == "graph_conv" || s.layers[i].type == "dense") && s.layers[i].units == 0 &&
                i != output)
                rd.fail("layers[" + std::to_string(i) + "].units",
                        "missing (only the last " + output_type + " may leave it out)");
    }
    s.optimizer.learning_rate = 0.01f;
    s.optimizer.weight_decay = 5e-4f;
    if (j.contains("optimizer")) {
        spec::FieldReader o(j["optimizer"], "optimizer", r.errors);
        static const std::set<std::string> types = {"adam", "sgd"}, decay_on = {"first_layer", "all"};
        o.text("type", s.optimizer.type, types);
        spec::read_learning_rate(o, "learning_rate", s.optimizer.learning_rate);
        o.number("weight_decay", s.optimizer.weight_decay, 0.0f, spec::kMaxWeightDecay);
        o.number("momentum", s.optimizer.momentum, 0.0f, 0.999f);
        o.text("weight_decay_on", s.weight_decay_on, decay_on);
        o.reject_unknown();
    }
    s.optimizer.eps = 1e-8f;
    if (j.contains("training")) {
        spec::FieldReader t(j["training"], "training", r.errors);
        static const std::set<std::string> monitors = {"val_loss", "val_accuracy"};
        t.size("epochs", s.training.epochs, spec::kMinEpochs, spec::kMaxEpochs);
        t.size("patience", s.training.patience, spec::kMinPatience, spec::kMaxPatience);
        t.text("monitor", s.training.monitor, monitors);
        t.seed("seed", s.training.seed, spec::kMaxSeed);
        // A graph's labelled nodes are split: more may go to validation and test than a table's rows.
        t.number("validation_fraction", s.training.validation_fraction, spec::kMinFraction,
                 spec::kMaxNodeFraction);
        t.number("test_fraction", s.training.test_fraction, spec::kMinFraction, spec::kMaxNodeFraction);
        t.size("batch_size", s.training.batch_size, spec::kMinBatchSize, spec::kMaxBatchSize);
        t.reject_unknown();
        if (s.training.validation_fraction + s.training.test_fraction >= 0.95f)
            rd.fail("training.test_fraction",
                    "validation_fraction + test_fraction must leave nodes to train on");
    }
    return r;
}

GraphSpecResult parse_graph_spec_text(const std::string& text)
{
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        GraphSpecResult r;
        r.errors.push_back({"spec", "spec: not valid JSON"});
        return r;
    }
    return parse_graph_spec(j);
}

json graph_spec_to_json(const GraphSpec& s)
{
    json layers = json::array();
    for (const auto& l : s.layers) {
        json j = {{"type", l.type}, {"name", l.name}};
        if (l.type == "graph_conv" || l.type == "dense") {
            if (l.units) j["units"] = l.units;
            if (!l.activation.empty()) j["activation"] = l.activation;
        } else if (l.type == "graph_readout") {
            j["mode"] = l.mode;
        } else {
            j["rate"] = l.rate;
        }
        layers.push_back(j);
    }
    json out = {{"name", s.name},
                {"description", s.description},
                {"task", s.task},
                {"layers", layers},
                {"features", s.features},
                {"loss", s.loss},
                {"optimizer",
                 {{"type", s.optimizer.type},
                  {"learning_rate", s.optimizer.learning_rate},
                  {"weight_decay", s.optimizer.weight_decay},
                  {"momentum", s.optimizer.momentum},
                  {"weight_decay_on", s.weight_decay_on}}},
                {"training",
                 {{"epochs", s.training.epochs},
                  {"patience", s.training.patience},
                  {"monitor", s.training.monitor},
                  {"seed", s.training.seed},
                  {"validation_fraction", s.training.validation_fraction},
                  {"test_fraction", s.training.test_fraction}}}};
    if (s.graph_task()) {
        out["structural_features"] = s.structural_features;
        out["training"]["batch_size"] = s.training.batch_size;
    }
    return out;
}

}  // namespace helix::nn
