// core/autograd.hpp: reverse-mode automatic differentiation on a tape built as ops run.
// A Var is a shared handle to a Node: its value, its gradient (allocated on first use) and, for op
// outputs, the inputs and one backward function (the vector-Jacobian product of the op).
// An op whose inputs need no gradient records nothing, so inference builds no tape.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "backward_fn.hpp"
#include "small_pool.hpp"
#include "tensor.hpp"

namespace helix {

// Nodes, their input lists and their backward closures come from core/small_pool: a steady-state training
// step rebuilds its tape in the blocks the step before freed, without a heap allocation.
struct Node {
    Tensor value;
    Tensor grad;  // empty until something adds to it
    bool requires_grad = false;
    const char* op = "leaf";
    std::vector<std::shared_ptr<Node>, small_pool::Allocator<std::shared_ptr<Node>>> inputs;
    BackwardFn backward;
    std::uint64_t visited = 0;  // the last backward() walk that reached this node
};

class VarList;

class Var {
public:
    Var() = default;
    explicit Var(Tensor value, bool requires_grad = false);

    const Tensor& value() const { return node_->value; }
    Tensor& value() { return node_->value; }
    // The gradient, allocated as zeros of the value's shape on first access.
    Tensor& grad();
    bool has_grad() const
    {
        return node_ && node_->grad.size() == node_->value.size() && node_->grad.dimension() > 0;
    }
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
    friend Var record(const char*, Tensor, VarList, BackwardFn);
};

// The inputs of an op, as record() takes them: a braced list {x, w}, a vector, or an array and a count. A
// view: it does not own the Vars.
class VarList {
public:
// GCC warns that the list's array dies with the full expression; a VarList lives only within the call it is
// passed to (record(), ops::add), where the array is still alive.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
#endif
    VarList(std::initializer_list<Var> l) : data_(l.begin()), size_(l.size()) {}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
    VarList(const std::vector<Var>& v) : data_(v.data()), size_(v.size()) {}
    VarList(const Var* data, std::size_t size) : data_(data), size_(size) {}
    const Var* begin() const
    {
        return data_;
    }
    const Var* end() const
    {
        return data_ + size_;
    }
    std::size_t size() const
    {
        return size_;
    }
    const Var& operator[](std::size_t i) const
    {
        return data_[i];
    }

private:
    const Var* data_;
    std::size_t size_;
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
Var record(const char* op, Tensor value, VarList inputs, BackwardFn backward);

// Runs every recorded backward function from `loss` (a scalar) back to the leaves, in reverse
// topological order, after seeding dL/dL = 1. Gradients accumulate into leaves (zero them yourself).
void backward(const Var& loss);

// Allocates a zero gradient of the right shape if `t` is empty.
void ensure_grad(Tensor& grad, const Tensor& value);

}  // namespace helix
