// core/autograd.cpp: the tape walk. See autograd.hpp.
#include "autograd.hpp"

#include <atomic>
#include <utility>

namespace helix {

void ensure_grad(Tensor& grad, const Tensor& value)
{
    if (grad.dimension() != value.dimension() || grad.size() != value.size() || grad.shape() != value.shape())
        grad = xt::zeros<float>(value.shape());
}

Var::Var(Tensor value, bool requires_grad) : node_(small_pool::make_shared<Node>())
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

Var record(const char* op, Tensor value, VarList inputs, BackwardFn backward)
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

namespace {

// backward()'s walk state, kept per thread across calls so that a training step allocates nothing for it. A
// backward() run from inside a backward function (none does today) gets fresh vectors instead.
struct Walk {
    std::vector<Node*> order;
    std::vector<std::pair<Node*, std::size_t>> stack;
};
thread_local Walk walk_kept;
thread_local bool walk_busy = false;
std::atomic<std::uint64_t> walk_count{0};  // each walk marks the nodes it reached with its own number

}  // namespace

void backward(const Var& loss)
{
    HELIX_ASSERT(loss && loss.value().size() == 1);
    if (!loss.requires_grad()) return;
    Walk fresh;
    const bool nested = walk_busy;
    Walk& w = nested ? fresh : walk_kept;
    walk_busy = true;
    struct Release {
        bool nested;
        ~Release() { walk_busy = nested; }
    } release{nested};
    // Iterative post-order DFS: deep nets must not overflow the (small, in wasm) stack.
    const std::uint64_t mark = walk_count.fetch_add(1, std::memory_order_relaxed) + 1;
    std::vector<Node*>& order = w.order;
    auto& stack = w.stack;
    order.clear();
    stack.clear();
    stack.push_back({loss.node().get(), 0});
    loss.node()->visited = mark;
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next < node->inputs.size()) {
            Node* in = node->inputs[next++].get();
            if (in->requires_grad && !in->inputs.empty() && in->visited != mark) {
                in->visited = mark;
                stack.push_back({in, 0});
            }
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
    order.clear();  // no pointers into this tape outlive the call
}

}  // namespace helix
