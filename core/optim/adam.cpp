// core/optim/adam.cpp: Adam / AdamW. See optimizer.hpp.
#include <cmath>

#include "optimizer.hpp"

namespace helix::optim {

Adam::Adam(std::vector<nn::Param*> params, float lr, float beta1, float beta2, float eps, float weight_decay)
    : Optimizer(std::move(params)), beta1_(beta1), beta2_(beta2), eps_(eps), weight_decay_(weight_decay)
{
    learning_rate = lr;
    for (auto* p : params_) {
        m_.push_back(xt::zeros<float>(p->var.value().shape()));
        v_.push_back(xt::zeros<float>(p->var.value().shape()));
    }
}

void Adam::step()
{
    ++t_;
    const float c1 = 1.0f - static_cast<float>(std::pow(beta1_, static_cast<double>(t_)));
    const float c2 = 1.0f - static_cast<float>(std::pow(beta2_, static_cast<double>(t_)));
    const float step = learning_rate / c1;
    const float root_c2 = std::sqrt(c2);
    for (std::size_t i = 0; i < params_.size(); ++i) {
        Var& w = params_[i]->var;
        if (!w.requires_grad()) continue;  // frozen
        float* wv = w.value().data();
        const float* g = w.grad().data();
        float* m = m_[i].data();
        float* v = v_[i].data();
        const std::size_t n = w.value().size();
        for (std::size_t j = 0; j < n; ++j) {
            m[j] = beta1_ * m[j] + (1.0f - beta1_) * g[j];
            v[j] = beta2_ * v[j] + (1.0f - beta2_) * g[j] * g[j];
            if (weight_decay_ > 0.0f) wv[j] -= learning_rate * weight_decay_ * wv[j];
            // PyTorch's form: w -= lr/c1 * m / (sqrt(v)/sqrt(c2) + eps)
            wv[j] -= step * m[j] / (std::sqrt(v[j]) / root_c2 + eps_);
        }
    }
}

std::unique_ptr<Optimizer> make_optimizer(const nn::OptimizerSpec& s, std::vector<nn::Param*> params)
{
    if (s.type == "sgd") return std::make_unique<Sgd>(std::move(params), s.learning_rate, s.momentum, s.weight_decay);
    return std::make_unique<Adam>(std::move(params), s.learning_rate, s.beta1, s.beta2, s.eps, s.weight_decay);
}

}  // namespace helix::optim
