// core/optim/sgd.cpp: stochastic gradient descent with momentum. See optimizer.hpp.
#include "optimizer.hpp"

namespace helix::optim {

Sgd::Sgd(std::vector<nn::Param*> params, float lr, float momentum, float weight_decay)
    : Optimizer(std::move(params)), momentum_(momentum), weight_decay_(weight_decay)
{
    learning_rate = lr;
    for (auto* p : params_) velocity_.push_back(xt::zeros<float>(p->var.value().shape()));
}

void Sgd::step()
{
    for (std::size_t i = 0; i < params_.size(); ++i) {
        Var& w = params_[i]->var;
        if (!w.requires_grad()) continue;  // frozen
        float* wv = w.value().data();
        const float* g = w.grad().data();
        float* v = velocity_[i].data();
        const std::size_t n = w.value().size();
        for (std::size_t j = 0; j < n; ++j) {
            const float gj = g[j] + weight_decay_ * wv[j];
            v[j] = momentum_ * v[j] + gj;
            wv[j] -= learning_rate * v[j];
        }
    }
}

}  // namespace helix::optim
