// core/autograd.hpp: reverse-mode automatic differentiation on a tape built as ops run.
// A Var is a shared handle to a Node: its value, its gradient (allocated on first use) and, for op
// outputs, the inputs and one backward function (the vector-Jacobian product of the op).
// An op whose inputs need no gradient records nothing, so inference builds no tape.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tensor.hpp"

namespace helix {

struct Node;
class BackwardCtx;
using BackwardFn = std::function<void(BackwardCtx&)>;

struct Node {
    Tensor value;
    Tensor grad;  // empty until something adds to it
    bool requires_grad = false;
    const char* op = "leaf";
    std::vector<std::shared_ptr<Node>> inputs;
    BackwardFn backward;
};

class Var {
public:
    Var() = default;
    explicit Var(Tensor value, bool requires_grad = false);

    const Tensor& value() const { return node_->value; }
    Tensor& value() { return node_->value; }
    // The gradient, allocated as zeros of the value's shape on first access.
    Tensor& grad();
    bool has_grad() const { return node_ && node_->grad.size() == node_->value.size() && node_->grad.dimension() > 0; }
    bool requires_grad() const { return node_ && node_->requires_grad; }
    void set_requires_grad(bool r) { node_->requires_grad = r; }
    Shape shape() const { return shape_of(node_->value); }
    std::size_t dim(std::size_t i) const { return node_->value.shape()[i]; }
    std::size_t ndim() const { return node_->value.dimension(); }
    const char* op() const { return node_->op; }
    void zero_grad();

    const std::shared_ptr<Node>& node() const { return node_; }
    explicit operator bool() const { return static_cast<bool>(node_); }

private:
    std::shared_ptr<Node> node_;
    friend Var record(const char*, Tensor, std::vector<Var>, BackwardFn);
};

// Handed to a backward function: the output's gradient and the inputs' values and gradients.
class BackwardCtx {
public:
    explicit BackwardCtx(Node& out) : out_(out) {}
    const Tensor& grad_out() const { return out_.grad; }
    const Tensor& value_out() const { return out_.value; }
    const Tensor& value_in(std::size_t i) const { return out_.inputs[i]->value; }
    bool needs_grad(std::size_t i) const { return out_.inputs[i]->requires_grad; }
    // dL/d input i, zero-initialised on first use; backward functions add into it (+=).
    Tensor& grad_in(std::size_t i);

private:
    Node& out_;
};

// Makes the output Var of an op. `backward` runs only if some input requires a gradient.
Var record(const char* op, Tensor value, std::vector<Var> inputs, BackwardFn backward);

// Runs every recorded backward function from `loss` (a scalar) back to the leaves, in reverse
// topological order, after seeding dL/dL = 1. Gradients accumulate into leaves (zero them yourself).
void backward(const Var& loss);

// Allocates a zero gradient of the right shape if `t` is empty.
void ensure_grad(Tensor& grad, const Tensor& value);

}  // namespace helix
