// core/optim/optimizer.hpp: optimizers update parameters in place from their gradients.
// State (momentum, Adam moments) is kept per parameter, in the order of the list given at construction.
#pragma once

#include <memory>
#include <vector>

#include "../nn/layer.hpp"
#include "../spec/common.hpp"

namespace helix::optim {

class Optimizer {
public:
    explicit Optimizer(std::vector<nn::Param*> params) : params_(std::move(params)) {}
    virtual ~Optimizer() = default;
    virtual void step() = 0;  // one update from the current gradients
    void zero_grad()
    {
        for (auto* p : params_) p->var.zero_grad();
    }
    float learning_rate = 1e-3f;

protected:
    std::vector<nn::Param*> params_;
};

// SGD with (heavy-ball) momentum as PyTorch: v = m*v + g (+ wd*w); w -= lr*v.
class Sgd : public Optimizer {
public:
    Sgd(std::vector<nn::Param*> params, float lr, float momentum, float weight_decay);
    void step() override;

private:
    float momentum_, weight_decay_;
    std::vector<Tensor> velocity_;
};

// Adam (Kingma & Ba) with bias correction, as PyTorch's; weight_decay is decoupled (AdamW).
class Adam : public Optimizer {
public:
    Adam(std::vector<nn::Param*> params, float lr, float beta1, float beta2, float eps, float weight_decay);
    void step() override;

private:
    float beta1_, beta2_, eps_, weight_decay_;
    long long t_ = 0;
    std::vector<Tensor> m_, v_;
};

// The optimizer a run uses, from its options (core/optim/make_optimizer.cpp): SGD or Adam with the spec's
// rate.
std::unique_ptr<Optimizer> make_optimizer(const nn::OptimizerSpec& spec, std::vector<nn::Param*> params);

}  // namespace helix::optim
