// core/nn/spec_reader.cpp: the spec sections every kind of spec shares. See spec_reader.hpp.
#include "spec_reader.hpp"

namespace helix::nn {

void read_optimizer(SpecReader& top, const nlohmann::json& spec, OptimizerSpec& out, std::vector<SpecError>& errors)
{
    top.allow("optimizer");
    if (!top.has("optimizer")) return;
    SpecReader o(spec.at("optimizer"), "optimizer", errors);
    static const std::set<std::string> types = {"adam", "sgd"};
    o.text("type", out.type, &types);
    o.number("learning_rate", out.learning_rate, 1e-8f, 10.0f);
    o.number("momentum", out.momentum, 0.0f, 1.0f, true);
    o.number("beta1", out.beta1, 0.0f, 1.0f, true);
    o.number("beta2", out.beta2, 0.0f, 1.0f, true);
    o.number("eps", out.eps, 1e-12f, 1.0f);
    o.number("weight_decay", out.weight_decay, 0.0f, 1.0f);
    o.reject_unknown();
}

void read_training(SpecReader& top, const nlohmann::json& spec, TrainingSpec& out, const std::set<std::string>& monitors,
                   std::vector<SpecError>& errors)
{
    top.allow("training");
    if (!top.has("training")) return;
    SpecReader t(spec.at("training"), "training", errors);
    t.size("epochs", out.epochs);
    t.size("batch_size", out.batch_size);
    t.number("validation_fraction", out.validation_fraction, 0.0f, 0.5f);
    t.number("test_fraction", out.test_fraction, 0.0f, 0.5f);
    t.size("patience", out.patience, 0);
    t.text("monitor", out.monitor, &monitors);
    t.seed("seed", out.seed);
    t.reject_unknown();
}

std::string json_syntax_error(const std::string& text, std::size_t byte, const std::string& what)
{
    // byte is 1-based; turn it into the line and column an editor shows.
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(col) + ": the " + what + " is not valid JSON";
}

}  // namespace helix::nn
