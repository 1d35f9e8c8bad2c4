// tests/core/gradcheck.hpp: what the op tests are written in.
//   gradcheck(f, inputs, eps, tol)   autograd's gradient of f against central finite differences
//   uniform / distinct / keep_away_from   seeded inputs, and inputs kept off kinks (relu 0, max ties)
//   allclose / CHECK_ALLCLOSE        elementwise |a - b| <= atol + rtol |b|, printing the worst element
//   fixture("ops/relu/x")            a tensor from tests/fixtures/ops.json (written by make_fixtures.py)
//
// f may return any shape: gradcheck differentiates the scalar sum(f(x) * R) for fixed random weights R in
// [0.5, 1.5], so an op whose plain sum is constant (softmax) or symmetric is still fully checked.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/autograd.hpp"
#include "core/ops/ops.hpp"
#include "core/rng.hpp"

namespace helix::test {

inline Tensor uniform(const Shape& shape, float lo, float hi, Rng& rng)
{
    Tensor t = Tensor::from_shape(shape);
    for (float& v : t) v = rng.uniform(lo, hi);
    return t;
}
inline Tensor uniform(const Shape& shape, float lo, float hi, Rng&& rng)
{
    return uniform(shape, lo, hi, rng);
}

// A tensor of the given shape from row-major values (nested braces are ambiguous for 3-D xarrays).
inline Tensor tensor(const Shape& shape, const std::vector<float>& values)
{
    Tensor t = Tensor::from_shape(shape);
    REQUIRE(values.size() == t.size());
    std::copy(values.begin(), values.end(), t.begin());
    return t;
}

// Values lo, lo+spacing, ... shuffled: no two closer than `spacing`, so a max never changes hands under a
// finite-difference step smaller than spacing/2.
inline Tensor distinct(const Shape& shape, float lo, float spacing, Rng& rng)
{
    Tensor t = Tensor::from_shape(shape);
    std::vector<float> v(t.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = lo + spacing * static_cast<float>(i);
    rng.shuffle(v);
    std::copy(v.begin(), v.end(), t.begin());
    return t;
}

// Moves every value within `margin` of `kink` to kink +- margin (keeping its side).
inline void keep_away_from(Tensor& t, float kink, float margin)
{
    for (float& v : t)
        if (std::fabs(v - kink) < margin) v = v >= kink ? kink + margin : kink - margin;
}

namespace detail {

// sum(out * r) as an op, so autograd seeds dL/dout = r.
inline Var weighted_sum(const Var& out, const Tensor& r)
{
    double s = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) s += static_cast<double>(out.value().data()[i]) * r.data()[i];
    Tensor v = Tensor::from_shape({1});
    v(0) = static_cast<float>(s);
    return record("weighted_sum", std::move(v), {out}, [r](BackwardCtx& c) {
        float* d = c.grad_in(0).data();
        for (std::size_t i = 0; i < r.size(); ++i) d[i] += c.grad_out()(0) * r.data()[i];
    });
}

inline double weighted_sum_value(const Tensor& out, const Tensor& r)
{
    double s = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) s += static_cast<double>(out.data()[i]) * r.data()[i];
    return s;
}

inline std::string shape_str(const Tensor& t)
{
    std::ostringstream o;
    o << "(";
    for (std::size_t i = 0; i < t.dimension(); ++i) o << (i ? ", " : "") << t.shape()[i];
    o << ")";
    return o.str();
}

}  // namespace detail

using MultiFn = std::function<Var(const std::vector<Var>&)>;

// Checks d sum(f(inputs) * R) / d inputs[i] for every i with wrt[i] (all when wrt is empty) against
// (F(x + eps) - F(x - eps)) / 2eps, F evaluated in float and summed in double. Passes when every element
// has |analytic - numeric| <= tol * (1 + |numeric|). On failure prints the worst element.
inline bool gradcheck(const MultiFn& f, const std::vector<Tensor>& inputs, float eps, float tol,
                      std::vector<bool> wrt = {})
{
    if (wrt.empty()) wrt.assign(inputs.size(), true);
    std::vector<Var> plain;
    for (const auto& t : inputs) plain.emplace_back(t, false);
    Var out0 = f(plain);
    Rng rng(/*seed=*/12345);
    const Tensor r = uniform(out0.shape(), 0.5f, 1.5f, rng);

    std::vector<Var> vars;
    for (std::size_t i = 0; i < inputs.size(); ++i) vars.emplace_back(inputs[i], static_cast<bool>(wrt[i]));
    Var loss = detail::weighted_sum(f(vars), r);
    backward(loss);

    bool ok = true;
    double worst = 0.0;
    std::string worst_msg;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!wrt[i]) continue;
        const Tensor analytic =
            vars[i].has_grad() ? vars[i].grad() : Tensor(xt::zeros<float>(inputs[i].shape()));
        for (std::size_t j = 0; j < inputs[i].size(); ++j) {
            std::vector<Var> shifted;
            for (const auto& t : inputs) shifted.emplace_back(t, false);
            Tensor& xi = shifted[i].value();
            const float x0 = xi.data()[j];
            xi.data()[j] = x0 + eps;
            const double fp = detail::weighted_sum_value(f(shifted).value(), r);
            xi.data()[j] = x0 - eps;
            const double fm = detail::weighted_sum_value(f(shifted).value(), r);
            const double numeric = (fp - fm) / (2.0 * static_cast<double>(eps));
            const double a = analytic.data()[j];
            const double err = std::fabs(a - numeric) / (1.0 + std::fabs(numeric));
            if (!(err <= tol)) ok = false;
            if (!(err <= worst)) {  // also catches NaN
                worst = err;
                std::ostringstream o;
                o << "input " << i << " " << detail::shape_str(inputs[i]) << " element " << j << ": analytic "
                  << a << ", numeric " << numeric << " (err " << err << ", tol " << tol << ")";
                worst_msg = o.str();
            }
        }
    }
    if (!ok) MESSAGE("gradcheck failed, worst: " << worst_msg);
    return ok;
}

inline bool gradcheck(const std::function<Var(const Var&)>& f, const Tensor& x, float eps, float tol)
{
    return gradcheck([&](const std::vector<Var>& v) { return f(v[0]); }, {x}, eps, tol);
}

// |a - b| <= atol + rtol * |b| everywhere, same shape; prints the worst element otherwise.
inline bool allclose(const Tensor& a, const Tensor& b, float rtol, float atol)
{
    if (a.size() != b.size() || (a.dimension() != b.dimension() && !(a.size() == 1 && b.size() == 1))) {
        MESSAGE("allclose: shapes differ: " << detail::shape_str(a) << " vs " << detail::shape_str(b));
        return false;
    }
    double worst = 0.0;
    std::size_t at = 0;
    bool ok = true;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = std::fabs(static_cast<double>(a.data()[i]) - b.data()[i]);
        const double excess = d / (atol + rtol * std::fabs(static_cast<double>(b.data()[i])));
        if (!(d <= atol + rtol * std::fabs(static_cast<double>(b.data()[i])))) ok = false;
        if (!(excess <= worst)) worst = excess, at = i;
    }
    if (!ok)
        MESSAGE("allclose failed at element " << at << " of " << detail::shape_str(a) << ": got "
                                              << a.data()[at] << ", expected " << b.data()[at] << " (rtol "
                                              << rtol << ", atol " << atol << ")");
    return ok;
}

#define CHECK_ALLCLOSE(a, b, rtol, atol) CHECK(::helix::test::allclose((a), (b), (rtol), (atol)))

// ---- fixtures: tests/fixtures/<file>.json, tensors stored as {"shape": [...], "data": [...]} ----

inline const nlohmann::json& fixture_file(const std::string& file)
{
    static std::map<std::string, nlohmann::json> cache;
    auto it = cache.find(file);
    if (it != cache.end()) return it->second;
    const std::string path = std::string(HELIX_SOURCE_DIR) + "/tests/fixtures/" + file + ".json";
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "missing fixture file " << path << " (run tests/fixtures/make_fixtures.py)");
    return cache[file] = nlohmann::json::parse(in);
}

// "ops/relu/x": file ops.json, then object keys relu, x.
inline const nlohmann::json& fixture_json(const std::string& path)
{
    const auto slash = path.find('/');
    const nlohmann::json* j = &fixture_file(path.substr(0, slash));
    std::size_t at = slash;
    while (at != std::string::npos) {
        const auto next = path.find('/', at + 1);
        const std::string key =
            path.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        REQUIRE_MESSAGE(j->contains(key), "fixture " << path << ": no key '" << key << "'");
        j = &(*j)[key];
        at = next;
    }
    return *j;
}

inline Tensor to_tensor(const nlohmann::json& j)
{
    Shape shape = j.at("shape").get<Shape>();
    Tensor t = Tensor::from_shape(shape);
    const auto& data = j.at("data");
    REQUIRE(data.size() == t.size());
    for (std::size_t i = 0; i < t.size(); ++i) t.data()[i] = data[i].get<float>();
    return t;
}

inline Tensor fixture(const std::string& path)
{
    return to_tensor(fixture_json(path));
}

}  // namespace helix::test
