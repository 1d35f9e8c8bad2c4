// bench/workloads/bench_workload.cpp: W1–W6 and the kernel micro-benchmark. See bench_workload.hpp.
// The sequential networks are stacks of nn layers read from the same layer JSON a model spec holds (as the
// GAN builds its two networks); W2's 164-output multi-label head is such a stack with ops::bce_with_logits
// over all (B, 164) logits, which nn::Model's heads do not offer (a bce head has one output); W4 is the two
// GCN layers written with ops::graph (sparse features, normalised adjacency); W6 is an nn::Gan.
#include "bench_workload.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "core/kernels/f32_gemm.hpp"
#include "core/nn/gan.hpp"
#include "core/ops/graph.hpp"
#include "core/ops/norm.hpp"
#include "core/ops/ops.hpp"
#include "core/parallel.hpp"
#include "core/rng.hpp"

namespace helix::bench {

using nlohmann::json;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// (B, L, 4): one base per position, uniformly drawn.
Tensor one_hot_dna(Rng& rng, std::size_t B, std::size_t L)
{
    Tensor x = xt::zeros<float>(Shape{B, L, 4});
    float* p = x.data();
    for (std::size_t i = 0; i < B * L; ++i) p[i * 4 + (rng.next_u64() >> 62)] = 1.0f;
    return x;
}

Tensor binary(Rng& rng, const Shape& shape, float p_one)
{
    Tensor t = xt::zeros<float>(shape);
    for (auto& v : t) v = rng.uniform() < p_one ? 1.0f : 0.0f;
    return t;
}

Tensor uniform01(Rng& rng, const Shape& shape)
{
    Tensor t = xt::zeros<float>(shape);
    for (auto& v : t) v = rng.uniform();
    return t;
}

double checksum(const Tensor& t)
{
    double s = 0.0;
    for (float v : t) s += v;
    return s;
}

std::vector<nn::Param*> param_list(std::vector<nn::Param>& params)
{
    std::vector<nn::Param*> out;
    for (auto& p : params) out.push_back(&p);
    return out;
}

std::unique_ptr<optim::Optimizer> adam(std::vector<nn::Param*> params, float lr)
{
    return std::make_unique<optim::Adam>(std::move(params), lr, 0.9f, 0.999f, 1e-7f, 0.0f);
}

// Layers in order, each reading the one before, built from layer JSON (nn::parse_layer) for input shape `in`.
struct LayerStack {
    std::vector<std::unique_ptr<nn::Layer>> layers;

    // "" or the first problem (a spec error or a shape that does not fit).
    std::string build(const json& specs, Shape in, Rng& rng)
    {
        for (std::size_t i = 0; i < specs.size(); ++i) {
            nn::LayerSpec ls;
            std::vector<nn::SpecError> errors;
            nn::parse_layer(specs[i], "layers[" + std::to_string(i) + "]", ls, errors);
            if (!errors.empty()) return errors[0].message;
            auto layer = nn::make_layer(ls);
            std::string error;
            Shape out = layer->output_shape(in, error);
            if (!error.empty()) return ls.name + ": " + error;
            layer->build(in, rng);
            in = out;
            layers.push_back(std::move(layer));
        }
        return "";
    }
    Var forward(Var x, bool training, Rng& rng)
    {
        nn::ForwardCtx ctx{training, &rng};
        for (auto& l : layers) x = l->forward(x, ctx);
        return x;
    }
    std::vector<nn::Param*> params()
    {
        std::vector<nn::Param*> out;
        for (auto& l : layers)
            for (auto& p : l->params()) out.push_back(&p);
        return out;
    }
};

std::size_t count_params(const std::vector<nn::Param*>& ps)
{
    std::size_t n = 0;
    for (auto* p : ps) n += p->var.value().size();
    return n;
}

}  // namespace

struct BenchWorkload::Impl {
    std::string id, description;
    std::size_t train_batch = 0, infer_batch = 0, params = 0;
    bool smoke = false;
    Rng rng{7};
    std::function<float()> train_step;   // -> the loss
    std::function<double()> infer_step;  // -> a checksum of the output
    TensorReuse reuse;                   // as the trainers do: one step's tensor buffers serve the next
};

namespace {

using Impl = BenchWorkload::Impl;

json dense(std::size_t units, const char* activation = "")
{
    return {{"type", "dense"}, {"units", units}, {"activation", activation}};
}
json conv(std::size_t filters, std::size_t k, const char* padding)
{
    return {{"type", "conv1d"},
            {"filters", filters},
            {"kernel_size", k},
            {"padding", padding},
            {"activation", "relu"}};
}
json pool(std::size_t size)
{
    return {{"type", "max_pool1d"}, {"pool_size", size}};
}

// A sequential network on x_train (targets y_train) with loss `loss`; inference on x_infer, the output passed
// through `output` (the sigmoid the other systems' models end in).
struct StackState {
    LayerStack net;
    std::unique_ptr<optim::Optimizer> opt;
    Tensor x_train, y_train, x_infer;
};

std::string make_stack(Impl& w, const json& layers, const Shape& in, Tensor x_train, Tensor y_train,
                       Tensor x_infer, std::function<Var(const Var&, const Tensor&)> loss,
                       std::function<Var(const Var&)> output)
{
    auto s = std::make_shared<StackState>();
    Rng init(1);
    const std::string error = s->net.build(layers, in, init);
    if (!error.empty()) return error;
    s->opt = adam(s->net.params(), 1e-3f);
    s->x_train = std::move(x_train), s->y_train = std::move(y_train), s->x_infer = std::move(x_infer);
    w.params = count_params(s->net.params());
    Impl* pw = &w;
    w.train_step = [s, pw, loss]() {
        s->opt->zero_grad();
        Var l = loss(s->net.forward(Var(s->x_train), true, pw->rng), s->y_train);
        backward(l);
        s->opt->step();
        return l.value()(0);
    };
    w.infer_step = [s, pw, output]() {
        Var y = s->net.forward(Var(s->x_infer), false, pw->rng);
        return checksum(output ? output(y).value() : y.value());
    };
    return "";
}

Var bce(const Var& logits, const Tensor& y)
{
    return ops::bce_with_logits(logits, y);
}
Var sigmoid_out(const Var& logits)
{
    return ops::sigmoid(logits);
}

std::string build_w1(Impl& w)
{
    const std::size_t L = w.smoke ? 30 : 101, F = w.smoke ? 4 : 16, K = w.smoke ? 6 : 24;
    w.train_batch = w.smoke ? 8 : 64, w.infer_batch = w.smoke ? 8 : 256;
    Rng rng(1);
    Tensor x = one_hot_dna(rng, w.train_batch, L), y = binary(rng, {w.train_batch, 1}, 0.5f);
    Tensor xi = one_hot_dna(rng, w.infer_batch, L);
    const json layers = {
        conv(F, K, "valid"), {{"type", "global_max_pool"}}, dense(w.smoke ? 8 : 32, "relu"), dense(1)};
    return make_stack(w, layers, {L, 4}, x, y, xi, bce, sigmoid_out);
}

std::string build_w2(Impl& w)
{
    const std::size_t L = w.smoke ? 48 : 600, T = w.smoke ? 6 : 164;
    w.train_batch = w.smoke ? 4 : 64, w.infer_batch = w.smoke ? 4 : 64;
    Rng rng(2);
    Tensor x = one_hot_dna(rng, w.train_batch, L), y = binary(rng, {w.train_batch, T}, 0.1f);
    Tensor xi = one_hot_dna(rng, w.infer_batch, L);
    const json layers = w.smoke ? json{conv(8, 5, "same"),
                                       pool(3),
                                       conv(6, 3, "same"),
                                       pool(4),
                                       conv(6, 3, "same"),
                                       pool(4),
                                       {{"type", "flatten"}},
                                       dense(16, "relu"),
                                       dense(T)}
                                : json{conv(300, 19, "same"),
                                       pool(3),
                                       conv(200, 11, "same"),
                                       pool(4),
                                       conv(200, 7, "same"),
                                       pool(4),
                                       {{"type", "flatten"}},
                                       dense(1000, "relu"),
                                       dense(T)};
    return make_stack(w, layers, {L, 4}, x, y, xi, bce, sigmoid_out);
}

std::string build_w3(Impl& w)
{
    const std::size_t L = w.smoke ? 40 : 200;
    w.train_batch = w.smoke ? 8 : 64, w.infer_batch = w.smoke ? 8 : 256;
    Rng rng(3);
    Tensor x = one_hot_dna(rng, w.train_batch, L), y = binary(rng, {w.train_batch, 1}, 0.5f);
    Tensor xi = one_hot_dna(rng, w.infer_batch, L);
    const json layers = {conv(w.smoke ? 8 : 32, w.smoke ? 6 : 26, "valid"),
                         pool(w.smoke ? 5 : 13),
                         {{"type", "lstm"}, {"units", w.smoke ? 8 : 32}, {"bidirectional", true}},
                         dense(1)};
    return make_stack(w, layers, {L, 4}, x, y, xi, bce, sigmoid_out);
}

std::string build_w5(Impl& w)
{
    const std::size_t G = w.smoke ? 40 : 2000, H = w.smoke ? 16 : 256, Z = w.smoke ? 4 : 32;
    w.train_batch = w.smoke ? 8 : 128, w.infer_batch = w.smoke ? 8 : 128;
    Rng rng(5);
    Tensor x = uniform01(rng, {w.train_batch, G}), xi = uniform01(rng, {w.infer_batch, G});
    const json layers = {dense(H, "relu"), dense(Z), dense(H, "relu"), dense(G)};
    return make_stack(
        w, layers, {G}, x, x, xi, [](const Var& p, const Tensor& t) { return ops::mse(p, t); }, nullptr);
}

// W4: Kipf & Welling's two layers, h = relu(A_hat (X W1) + b1), logits = A_hat (h W2) + b2, X sparse.
struct GcnState {
    std::shared_ptr<const SparseMatrix> adj, features;
    std::vector<nn::Param> params;
    std::unique_ptr<optim::Optimizer> opt;
    Tensor classes, mask;
    Var forward()
    {
        Var h = ops::relu(
            ops::add_bias(ops::spmm(adj, ops::sparse_matmul(features, params[0].var)), params[1].var));
        return ops::graph_conv(adj, h, params[2].var, params[3].var);
    }
};

std::string build_w4(Impl& w)
{
    const std::size_t N = w.smoke ? 60 : 2708, F = w.smoke ? 50 : 1433, H = 16, C = 7,
                      E = w.smoke ? 200 : 10556;
    const std::size_t labelled = w.smoke ? 20 : 140;
    w.train_batch = 1, w.infer_batch = 1;
    Rng rng(4);
    auto s = std::make_shared<GcnState>();
    auto x = std::make_shared<SparseMatrix>();  // binary features, 1.27% dense
    x->rows = N, x->cols = F;
    for (std::size_t i = 0; i < N; ++i) {
        for (std::size_t f = 0; f < F; ++f)
            if (rng.uniform() < 0.0127f)
                x->col.push_back(static_cast<std::uint32_t>(f)), x->val.push_back(1.0f);
        x->row_ptr.push_back(static_cast<std::uint32_t>(x->col.size()));
    }
    s->features = x;
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;  // E/2 distinct undirected pairs, no self loops
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    while (edges.size() < E / 2) {
        auto a = static_cast<std::uint32_t>(rng.next_u64() % N),
             b = static_cast<std::uint32_t>(rng.next_u64() % N);
        if (a == b) continue;
        if (seen.insert({std::min(a, b), std::max(a, b)}).second) edges.push_back({a, b});
    }
    s->adj = std::make_shared<const SparseMatrix>(ops::gcn_normalized_adjacency(N, edges));
    s->classes = xt::zeros<float>({N});
    s->mask = xt::zeros<float>({N});
    for (std::size_t i = 0; i < N; ++i) s->classes(i) = static_cast<float>(rng.next_u64() % C);
    for (std::size_t i = 0; i < labelled; ++i) s->mask(i) = 1.0f;
    auto glorot = [&](std::size_t in, std::size_t out) {
        const float limit = std::sqrt(6.0f / static_cast<float>(in + out));
        Tensor t = xt::zeros<float>({in, out});
        for (auto& v : t) v = rng.uniform() * 2.0f * limit - limit;
        return Var(std::move(t), true);
    };
    s->params = {{"gcn1.weight", glorot(F, H)},
                 {"gcn1.bias", Var(xt::zeros<float>({H}), true)},
                 {"gcn2.weight", glorot(H, C)},
                 {"gcn2.bias", Var(xt::zeros<float>({C}), true)}};
    s->opt = adam(param_list(s->params), 1e-2f);
    w.params = count_params(param_list(s->params));
    w.train_step = [s]() {
        s->opt->zero_grad();
        Var l = ops::softmax_cross_entropy(s->forward(), s->classes, s->mask);
        backward(l);
        s->opt->step();
        return l.value()(0);
    };
    w.infer_step = [s]() { return checksum(s->forward().value()); };
    return "";
}

struct GanState {
    std::unique_ptr<nn::Gan> gan;
    std::unique_ptr<optim::Optimizer> opt_d, opt_g;
    Tensor real, ones, zeros;
};

std::string build_w6(Impl& w)
{
    const std::size_t L = w.smoke ? 20 : 50, Z = w.smoke ? 8 : 64;
    w.train_batch = w.smoke ? 8 : 64, w.infer_batch = w.smoke ? 8 : 64;
    const std::size_t B = w.train_batch;
    const json spec = {
        {"type", "gan"},
        {"length", L},
        {"noise", Z},
        {"generator",
         {{"layers",
           {{{"type", "dense"}, {"name", "hidden"}, {"units", w.smoke ? 16 : 256}, {"activation", "relu"}},
            {{"type", "dense"}, {"name", "bases"}, {"units", L * 4}},
            {{"type", "reshape"}, {"name", "positions"}, {"target_shape", {L, 4}}},
            {{"type", "softmax"}, {"name", "probabilities"}}}}}},
        {"discriminator",
         {{"layers",
           {{{"type", "conv1d"},
             {"name", "scan"},
             {"filters", w.smoke ? 8 : 32},
             {"kernel_size", 8},
             {"activation", "relu"}},
            {{"type", "global_max_pool"}, {"name", "pool"}},
            {{"type", "dense"}, {"name", "real"}, {"units", 1}}}}}},
        {"training", {{"seed", 6}}}};
    nn::GanSpecResult parsed = nn::parse_gan_spec(spec);
    if (!parsed.ok()) return parsed.errors[0].message;
    std::vector<nn::SpecError> errors;
    auto s = std::make_shared<GanState>();
    s->gan = nn::Gan::build(parsed.spec, errors);
    if (!s->gan) return errors.empty() ? "the GAN does not build" : errors[0].message;
    s->opt_d = adam(s->gan->discriminator_params(), 1e-3f);
    s->opt_g = adam(s->gan->generator_params(), 1e-3f);
    Rng rng(6);
    s->real = one_hot_dna(rng, B, L);
    s->ones = xt::ones<float>({B, std::size_t{1}});
    s->zeros = xt::zeros<float>({B, std::size_t{1}});
    w.params = count_params(s->gan->generator_params()) + count_params(s->gan->discriminator_params());
    Impl* pw = &w;
    w.train_step = [s, pw, B]() {
        nn::Gan& gan = *s->gan;
        // D: real vs generated, the generated batch a constant (no tape back into G).
        const Tensor fake = gan.generate(gan.noise(B, pw->rng), true, pw->rng).value();
        s->opt_d->zero_grad();
        Var d_loss = ops::add({ops::bce_with_logits(gan.discriminate(Var(s->real), true, pw->rng), s->ones),
                               ops::bce_with_logits(gan.discriminate(Var(fake), true, pw->rng), s->zeros)});
        backward(d_loss);
        s->opt_d->step();
        // G: the non-saturating loss through D; only G's weights step.
        s->opt_g->zero_grad();
        Var g_loss = ops::bce_with_logits(
            gan.discriminate(gan.generate(gan.noise(B, pw->rng), true, pw->rng), true, pw->rng), s->ones);
        backward(g_loss);
        s->opt_g->step();
        return d_loss.value()(0) + g_loss.value()(0);
    };
    w.infer_step = [s, pw]() {
        return checksum(s->gan->generate(s->gan->noise(pw->infer_batch, pw->rng), false, pw->rng).value());
    };
    return "";
}

}  // namespace

BenchWorkload::BenchWorkload(const std::string& id, bool smoke)
{
    auto w = std::make_unique<Impl>();
    w->id = id, w->smoke = smoke;
    std::string error;
    if (id == "W1")
        w->description = "DeepBind-CNN", error = build_w1(*w);
    else if (id == "W2")
        w->description = "Basset-like multitask", error = build_w2(*w);
    else if (id == "W3")
        w->description = "DanQ-lite CNN + BiLSTM", error = build_w3(*w);
    else if (id == "W4")
        w->description = "GCN, Cora-sized", error = build_w4(*w);
    else if (id == "W5")
        w->description = "Autoencoder 2000-256-32-256-2000", error = build_w5(*w);
    else if (id == "W6")
        w->description = "DNA GAN step", error = build_w6(*w);
    else
        error = "unknown workload '" + id + "' (W1 to W6)";
    if (error.empty())
        impl_ = std::move(w);
    else
        error_ = id + ": " + error;
}

BenchWorkload::~BenchWorkload() = default;

std::string BenchWorkload::errors_json() const
{
    json e = json::array();
    if (!error_.empty()) e.push_back({{"field", "workload"}, {"message", error_}});
    return e.dump();
}

std::string BenchWorkload::info_json() const
{
    if (!impl_) return "{}";
    return json{{"id", impl_->id},
                {"description", impl_->description},
                {"trainBatch", impl_->train_batch},
                {"inferBatch", impl_->infer_batch},
                {"params", impl_->params},
                {"smoke", impl_->smoke}}
        .dump();
}

float BenchWorkload::train_step()
{
    HELIX_ASSERT(impl_);
    impl_->reuse.next_step();
    return impl_->train_step();
}

double BenchWorkload::infer_step()
{
    HELIX_ASSERT(impl_);
    impl_->reuse.next_step();
    return impl_->infer_step();
}

std::string BenchWorkload::train_steps(int n)
{
    if (!impl_) return json{{"errors", json::parse(errors_json())}}.dump();
    const auto t0 = std::chrono::steady_clock::now();
    float loss = 0.0f;
    for (int i = 0; i < n; ++i) loss = train_step();
    return json{{"loss", loss}, {"seconds", seconds_since(t0)}}.dump();
}

std::string BenchWorkload::infer_steps(int n)
{
    if (!impl_) return json{{"errors", json::parse(errors_json())}}.dump();
    const auto t0 = std::chrono::steady_clock::now();
    double out = 0.0;
    for (int i = 0; i < n; ++i) out = infer_step();
    return json{{"loss", out}, {"seconds", seconds_since(t0)}}.dump();
}

// ---- kernel micro-benchmark ----

namespace {

// Runs fn until `min_seconds` have passed (at least once) and returns the median seconds of `timings`
// such runs of `reps` calls, reps chosen so that one run takes about min_seconds.
template <class Fn>
double time_call(Fn&& fn, double min_seconds, int timings)
{
    fn();  // warm: packing buffers, pages
    int reps = 1;
    for (;;) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int r = 0; r < reps; ++r) fn();
        if (seconds_since(t0) >= min_seconds || reps >= (1 << 20)) break;
        reps *= 2;
    }
    std::vector<double> ts;
    for (int t = 0; t < timings; ++t) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int r = 0; r < reps; ++r) fn();
        ts.push_back(seconds_since(t0) / reps);
    }
    std::sort(ts.begin(), ts.end());
    return ts[ts.size() / 2];
}

struct GemmCase {
    const char* name;
    std::size_t m, n, k;
    bool trans_a, trans_b;
};

json bench_gemm(const GemmCase& c, double min_seconds, int timings)
{
    Rng rng(11);
    std::vector<float> a(c.m * c.k), b(c.k * c.n), out(c.m * c.n);
    for (auto& v : a) v = rng.uniform() - 0.5f;
    for (auto& v : b) v = rng.uniform() - 0.5f;
    kernels::GemmArgs g;
    g.m = c.m, g.n = c.n, g.k = c.k;
    g.a = a.data(), g.lda = c.trans_a ? c.m : c.k, g.trans_a = c.trans_a;
    g.b = b.data(), g.ldb = c.trans_b ? c.k : c.n, g.trans_b = c.trans_b;
    g.c = out.data(), g.ldc = c.n;
    const double s = time_call([&] { kernels::f32_gemm(g); }, min_seconds, timings);
    return {{"name", c.name},
            {"m", c.m},
            {"n", c.n},
            {"k", c.k},
            {"transA", c.trans_a},
            {"transB", c.trans_b},
            {"gflops", 2.0 * c.m * c.n * c.k / s / 1e9}};
}

struct ConvCase {
    const char* name;
    std::size_t B, L, C, K, F;
    bool same;
};

json bench_conv(const ConvCase& c, double min_seconds, int timings)
{
    Rng rng(12);
    Tensor x = uniform01(rng, {c.B, c.L, c.C}), w = uniform01(rng, {c.K, c.C, c.F}) - 0.5f;
    Tensor b = xt::zeros<float>({c.F});
    const ops::Padding pad = c.same ? ops::Padding::same : ops::Padding::valid;
    const std::size_t Lo = c.same ? c.L : c.L - c.K + 1;
    const double flop = 2.0 * c.B * Lo * c.K * c.C * c.F;
    // As in a training loop (train::TrainingRun), each call's tensors reuse the buffers of the call before.
    TensorReuse reuse;
    const double fwd = time_call(
        [&] {
            reuse.next_step();
            ops::conv1d(Var(x), Var(w), Var(b), pad);
        },
        min_seconds, timings);
    Var xv(x, true), wv(w, true), bv(b, true);
    const Tensor dy = xt::ones<float>(Shape{c.B, Lo, c.F});
    const double both = time_call(
        [&] {
            reuse.next_step();
            Var y = ops::conv1d(xv, wv, bv, pad);
            y.grad() = dy;  // dL/dy given: the conv's backward alone, no loss op
            BackwardCtx ctx(*y.node());
            y.node()->backward(ctx);
        },
        min_seconds, timings);
    return {{"name", c.name},
            {"B", c.B},
            {"L", c.L},
            {"C", c.C},
            {"K", c.K},
            {"F", c.F},
            {"padding", c.same ? "same" : "valid"},
            {"forwardGflops", flop / fwd / 1e9},
            {"backwardGflops", 2.0 * flop / std::max(both - fwd, 1e-9) / 1e9}};
}

}  // namespace

std::string bench_kernels_json(bool smoke)
{
    const double min_seconds = smoke ? 0.0 : 0.2;
    const int timings = smoke ? 1 : 5;
    std::vector<GemmCase> gemms;
    std::vector<ConvCase> convs;
    if (smoke) {
        gemms = {{"square 16x16x32", 16, 16, 32, false, false}};
        convs = {{"W1 conv1 (smoke)", 4, 30, 4, 6, 4, false}};
    } else {
        gemms = {
            {"cache-resident 64x64x256 (the ceiling's shape)", 64, 64, 256, false, false},
            {"W2 conv2 forward, one sequence (L'=200, F=200, K*C=11*300)", 200, 200, 3300, false, false},
            {"W2 conv3 forward, one sequence (L'=50, F=200, K*C=7*200)", 50, 200, 1400, false, false},
            {"W2 conv2 dx, one sequence (dy w^T)", 200, 3300, 200, false, true},
            {"W2 conv2 dw over the batch (x^T dy)", 3300, 200, 64 * 210 - 10, true, false},
            {"W2 dense1 forward (64 x 2400 -> 1000)", 64, 1000, 2400, false, false},
            {"W2 dense1 dw (x^T dy)", 2400, 1000, 64, true, false},
            {"W2 dense2 forward (64 x 1000 -> 164)", 64, 164, 1000, false, false},
        };
        convs = {
            {"W1 conv1 (16x24 valid)", 64, 101, 4, 24, 16, false},
            {"W2 conv1 (300x19 same)", 64, 600, 4, 19, 300, true},
            {"W2 conv2 (200x11 same)", 64, 200, 300, 11, 200, true},
            {"W2 conv3 (200x7 same)", 64, 50, 200, 7, 200, true},
        };
    }
    json out = {
        {"threads", ThreadPool::global().threads()}, {"gemm", json::array()}, {"conv1d", json::array()}};
    for (const auto& c : gemms) out["gemm"].push_back(bench_gemm(c, min_seconds, timings));
    for (const auto& c : convs) out["conv1d"].push_back(bench_conv(c, min_seconds, timings));
    return out.dump();
}

}  // namespace helix::bench
