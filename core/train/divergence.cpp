// core/train/divergence.cpp: see divergence.hpp.
#include "divergence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace helix::train {

namespace {

// The first value of [data, data + n) that is not finite: "NaN" or "infinite"; "" when all are.
std::string first_bad(const float* data, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(data[i])) return std::isnan(data[i]) ? "NaN" : "infinite";
    return "";
}

std::string number(double x)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

}  // namespace

DivergenceGuard::DivergenceGuard(std::vector<nn::Param*> params) : params_(std::move(params))
{
    saved_.reserve(params_.size());
    for (const nn::Param* p : params_) saved_.emplace_back(p->var.value().size());
    previous_ = saved_;
    save();
    save();  // both: before the first step there is nothing earlier
}

void DivergenceGuard::save()
{
    std::swap(saved_, previous_);  // the vectors' buffers trade places: nothing is allocated
    for (std::size_t i = 0; i < params_.size(); ++i) {
        const Tensor& w = params_[i]->var.value();
        HELIX_ASSERT(w.size() == saved_[i].size());
        std::copy(w.data(), w.data() + w.size(), saved_[i].data());
    }
}

namespace {
void copy_back(const std::vector<nn::Param*>& params, const std::vector<std::vector<float>>& from)
{
    for (std::size_t i = 0; i < params.size(); ++i) {
        Tensor& w = params[i]->var.value();
        HELIX_ASSERT(w.size() == from[i].size());
        std::copy(from[i].begin(), from[i].end(), w.data());
    }
}
}  // namespace

void DivergenceGuard::restore() const
{
    copy_back(params_, saved_);
}
void DivergenceGuard::restore_previous() const
{
    copy_back(params_, previous_);
}

std::string DivergenceGuard::check_loss(double loss)
{
    if (std::isfinite(loss)) return "";
    return std::string("the loss became ") + (std::isnan(loss) ? "NaN" : "infinite");
}

std::string DivergenceGuard::check_gradients(const std::vector<nn::Param*>& params)
{
    for (nn::Param* p : params) {
        if (!p->var.requires_grad() || !p->var.has_grad()) continue;
        const Tensor& g = p->var.grad();
        const std::string bad = first_bad(g.data(), g.size());
        if (!bad.empty()) return "the gradient of " + p->name + " became " + bad;
    }
    return "";
}

std::string DivergenceGuard::check_weights(const std::vector<nn::Param*>& params)
{
    for (const nn::Param* p : params) {
        const Tensor& w = p->var.value();
        const std::string bad = first_bad(w.data(), w.size());
        if (!bad.empty()) return "the weight " + p->name + " became " + bad;
    }
    return "";
}

std::string DivergenceGuard::check_gradients() const
{
    return check_gradients(params_);
}
std::string DivergenceGuard::check_weights() const
{
    return check_weights(params_);
}

double suggested_learning_rate(double learning_rate)
{
    return learning_rate > 1e-2 ? 1e-3 : learning_rate / 10.0;
}

std::string divergence_message(std::size_t epoch, std::size_t batch, const std::string& what,
                               double learning_rate, const std::string& unit)
{
    return "training stopped at epoch " + std::to_string(epoch) + ", " + unit + " " + std::to_string(batch) +
           ": " + what + ". The learning rate " + number(learning_rate) + " is probably too high; try " +
           number(suggested_learning_rate(learning_rate)) +
           ". The weights from before the update that caused it are kept.";
}

nlohmann::json divergence_json(std::size_t epoch, std::size_t batch, const std::string& message)
{
    return {{"epoch", epoch}, {"batch", batch}, {"message", message}};
}

Divergence stop_at_divergence(const DivergenceGuard& guard, bool stepped, std::size_t epoch,
                              std::size_t batch, const std::string& what, double learning_rate)
{
    stepped ? guard.restore() : guard.restore_previous();
    Divergence d;
    d.message = divergence_message(epoch, batch, what, learning_rate);
    d.at = divergence_json(epoch, batch, d.message);
    d.event = {{"type", "error"}, {"message", d.message}, {"epoch", epoch}, {"batch", batch}};
    return d;
}

}  // namespace helix::train
