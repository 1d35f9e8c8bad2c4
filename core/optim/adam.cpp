// core/optim/adam.cpp: Adam / AdamW. See optimizer.hpp.
// The update is elementwise, so a large parameter (W2's 2.4 M-weight dense layer, an autoencoder's 2000 x
// 256) is split over the thread pool; any split gives the same result.
#include <cmath>

#include "../parallel.hpp"
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
        const float b1 = beta1_, b2 = beta2_, eps = eps_, decay = learning_rate * weight_decay_;
        constexpr std::size_t kGrain = 32768;  // floats per task: ~20-50 us, more than a hand-off costs
        ThreadPool::global().parallel_for(0, w.value().size(), kGrain, [=](std::size_t j0, std::size_t j1) {
            for (std::size_t j = j0; j < j1; ++j) {
                m[j] = b1 * m[j] + (1.0f - b1) * g[j];
                v[j] = b2 * v[j] + (1.0f - b2) * g[j] * g[j];
                if (decay > 0.0f) wv[j] -= decay * wv[j];
                // PyTorch's form: w -= lr/c1 * m / (sqrt(v)/sqrt(c2) + eps)
                wv[j] -= step * m[j] / (std::sqrt(v[j]) / root_c2 + eps);
            }
        });
    }
}

}  // namespace helix::optim
