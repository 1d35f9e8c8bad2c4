// core/spec/optimizer_options.cpp: see optimizer_options.hpp.
#include "optimizer_options.hpp"

#include <set>

namespace helix::spec {

void read_learning_rate(FieldReader& o, const char* key, float& out)
{
    o.number(key, out, kMinLearningRate, kMaxLearningRate);
}

void read_optimizer(FieldReader& o, nn::OptimizerSpec& out)
{
    static const std::set<std::string> types = {"adam", "sgd"};
    o.text("type", out.type, &types);
    read_learning_rate(o, "learning_rate", out.learning_rate);
    o.number("momentum", out.momentum, 0.0f, kMaxMomentum, /*hi_open=*/true);
    o.number("beta1", out.beta1, 0.0f, kMaxBeta, true);
    o.number("beta2", out.beta2, 0.0f, kMaxBeta, true);
    o.number("eps", out.eps, kMinEps, kMaxEps);
    o.number("weight_decay", out.weight_decay, 0.0f, kMaxWeightDecay);
    o.reject_unknown();
}

nlohmann::json optimizer_to_json(const nn::OptimizerSpec& o)
{
    return {{"type", o.type},
            {"learning_rate", o.learning_rate},
            {"momentum", o.momentum},
            {"beta1", o.beta1},
            {"beta2", o.beta2},
            {"eps", o.eps},
            {"weight_decay", o.weight_decay}};
}

}  // namespace helix::spec
