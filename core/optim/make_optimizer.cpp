// core/optim/make_optimizer.cpp: the optimizer factory (optimizer.hpp): a run's optimizer from its options'
// spec
// ("type", "learning_rate", ...), so every family builds it the same way.
#include "optimizer.hpp"

namespace helix::optim {

std::unique_ptr<Optimizer> make_optimizer(const nn::OptimizerSpec& s, std::vector<nn::Param*> params)
{
    if (s.type == "sgd")
        return std::make_unique<Sgd>(std::move(params), s.learning_rate, s.momentum, s.weight_decay);
    return std::make_unique<Adam>(std::move(params), s.learning_rate, s.beta1, s.beta2, s.eps,
                                  s.weight_decay);
}

}  // namespace helix::optim
