// core/autograd.cpp: the tape walk. See autograd.hpp.
#include "autograd.hpp"

#include <unordered_set>

namespace helix {

void ensure_grad(Tensor& grad, const Tensor& value)
{
    if (grad.dimension() != value.dimension() || grad.size() != value.size() || grad.shape() != value.shape())
        grad = xt::zeros<float>(value.shape());
}

Var::Var(Tensor value, bool requires_grad) : node_(std::make_shared<Node>())
{
    node_->value = std::move(value);
    node_->requires_grad = requires_grad;
}

Tensor& Var::grad()
{
    ensure_grad(node_->grad, node_->value);
    return node_->grad;
}

void Var::zero_grad()
{
    if (node_->grad.size() == node_->value.size() && node_->grad.shape() == node_->value.shape())
        node_->grad.fill(0.0f);
    else
        node_->grad = xt::zeros<float>(node_->value.shape());
}

Tensor& BackwardCtx::grad_in(std::size_t i)
{
    Node& in = *out_.inputs[i];
    ensure_grad(in.grad, in.value);
    return in.grad;
}

Var record(const char* op, Tensor value, std::vector<Var> inputs, BackwardFn backward)
{
    Var out(std::move(value), false);
    out.node_->op = op;
    bool any = false;
    for (const auto& v : inputs) any = any || v.requires_grad();
    if (!any) return out;  // nothing upstream learns: keep no tape
    out.node_->requires_grad = true;
    out.node_->inputs.reserve(inputs.size());
    for (auto& v : inputs) out.node_->inputs.push_back(v.node());
    out.node_->backward = std::move(backward);
    return out;
}

void backward(const Var& loss)
{
    HELIX_ASSERT(loss && loss.value().size() == 1);
    if (!loss.requires_grad()) return;
    // Iterative post-order DFS: deep nets must not overflow the (small, in wasm) stack.
    std::vector<Node*> order;
    std::unordered_set<Node*> seen;
    std::vector<std::pair<Node*, std::size_t>> stack{{loss.node().get(), 0}};
    seen.insert(loss.node().get());
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next < node->inputs.size()) {
            Node* in = node->inputs[next++].get();
            if (in->requires_grad && !in->inputs.empty() && seen.insert(in).second) stack.push_back({in, 0});
        } else {
            order.push_back(node);
            stack.pop_back();
        }
    }
    Node& root = *loss.node();
    ensure_grad(root.grad, root.value);
    root.grad.fill(1.0f);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        Node& n = **it;
        if (!n.backward) continue;
        ensure_grad(n.grad, n.value);  // an output nobody used downstream has a zero gradient
        BackwardCtx ctx(n);
        n.backward(ctx);
    }
}

}  // namespace helix
