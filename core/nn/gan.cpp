// core/nn/gan.cpp: see gan.hpp.
#include "gan.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace helix::nn {

using nlohmann::json;

namespace {

constexpr std::size_t kBases = 4;
constexpr std::size_t kSampleChunk = 256;  // sequences generated at once by sample()

std::string shape_text(const Shape& s)
{
    std::string t = "(";
    for (std::size_t i = 0; i < s.size(); ++i) t += (i ? ", " : "") + std::to_string(s[i]);
    return t + ")";
}

}  // namespace

bool Gan::build_net(const std::vector<LayerSpec>& layers, Shape shape, const std::string& field, Rng& rng,
                    Net& net, std::vector<SpecError>& errors)
{
    double parameters =
        0.0;  // of this network (the generator and the discriminator are each held to the limit)
    for (std::size_t i = 0; i < layers.size(); ++i) {
        auto layer = make_layer(layers[i]);
        std::string error;
        Shape out = layer->output_shape(shape, error);
        if (error.empty()) error = parameter_budget_error(parameters += layer->parameter_count(shape));
        if (!error.empty()) {
            const std::string f = field + ".layers[" + std::to_string(i) + "]";
            errors.push_back({f, f + " (" + layers[i].name + "): " + error});
            return false;
        }
        layer->build(shape, rng);
        for (auto& p : layer->params()) p.name = field + "." + p.name;
        shape = out;
        net.shapes.push_back(shape);
        net.layers.push_back(std::move(layer));
    }
    return true;
}

std::unique_ptr<Gan> Gan::build(const GanSpec& spec, std::vector<SpecError>& errors)
{
    auto gan = std::unique_ptr<Gan>(new Gan());
    gan->spec_ = spec;
    Rng rng(spec.training.seed);
    const Shape dna{spec.length, kBases};
    if (!build_net(spec.generator.layers, {spec.noise}, "generator", rng, gan->generator_, errors) ||
        !build_net(spec.discriminator.layers, dna, "discriminator", rng, gan->discriminator_, errors))
        return nullptr;
    const Shape& g_out = gan->generator_.shapes.back();
    if (g_out != dna) {
        errors.push_back({"generator.layers", "generator.layers: the generator gives " + shape_text(g_out) +
                                                  " per sample but sequences of length " +
                                                  std::to_string(spec.length) + " need (" +
                                                  std::to_string(spec.length) + ", 4)"});
        return nullptr;
    }
    if (spec.generator.layers.back().type != "softmax") {
        errors.push_back({"generator.layers",
                          "generator.layers: the last layer must be {\"type\": \"softmax\"}, "
                          "so that each position holds the probabilities of A, C, G, T"});
        return nullptr;
    }
    if (gan->discriminator_.shapes.back() != Shape{1}) {
        errors.push_back({"discriminator.layers",
                          "discriminator.layers: the discriminator must end in one logit "
                          "(dense with units: 1), but it gives " +
                              shape_text(gan->discriminator_.shapes.back())});
        return nullptr;
    }
    const LayerSpec& d_last = spec.discriminator.layers.back();
    if (d_last.type == "sigmoid" || d_last.activation == "sigmoid") {
        errors.push_back({"discriminator.layers",
                          "discriminator.layers: remove the sigmoid from the last layer: "
                          "the loss (bce_with_logits) applies it"});
        return nullptr;
    }
    return gan;
}

Tensor Gan::noise(std::size_t n, Rng& rng) const
{
    Tensor z = Tensor::from_shape({n, spec_.noise});
    for (float& v : z) v = rng.normal();
    return z;
}

Var Gan::run(Net& net, Var x, bool training, Rng& rng)
{
    ForwardCtx ctx{training, &rng};
    for (auto& layer : net.layers) x = layer->forward(x, ctx);
    return x;
}

Var Gan::generate(const Tensor& noise, bool training, Rng& rng)
{
    HELIX_ASSERT(noise.dimension() == 2 && noise.shape()[1] == spec_.noise);
    return run(generator_, Var(noise, false), training, rng);
}

Var Gan::discriminate(const Var& x, bool training, Rng& rng)
{
    HELIX_ASSERT(x.ndim() == 3 && x.dim(1) == spec_.length && x.dim(2) == kBases);
    return run(discriminator_, x, training, rng);
}

std::vector<std::string> Gan::sample(std::size_t count, std::uint64_t seed, float temperature,
                                     Tensor* probabilities)
{
    HELIX_ASSERT(temperature >= 0.0f);
    static const char kBase[] = "ACGT";
    const std::size_t L = spec_.length;
    Rng noise_rng(seed), draw_rng(seed ^ 0x5DEECE66Dull);
    std::vector<std::string> out;
    out.reserve(count);
    if (probabilities) *probabilities = Tensor::from_shape({count, L, kBases});
    for (std::size_t start = 0; start < count; start += kSampleChunk) {
        const std::size_t n = std::min(kSampleChunk, count - start);
        const Tensor p = generate(noise(n, noise_rng), /*training=*/false, noise_rng).value();
        if (probabilities) std::copy(p.begin(), p.end(), probabilities->data() + start * L * kBases);
        for (std::size_t i = 0; i < n; ++i) {
            std::string s(L, 'N');
            for (std::size_t l = 0; l < L; ++l) {
                const float* row = p.data() + (i * L + l) * kBases;
                std::size_t pick = std::max_element(row, row + kBases) - row;
                if (temperature > 0.0f) {
                    // p^(1/T) / sum, in double; computed from the log so tiny T does not underflow to 0/0.
                    double w[kBases], total = 0.0;
                    const double top = std::log(std::max(row[pick], 1e-30f));
                    for (std::size_t k = 0; k < kBases; ++k)
                        total += w[k] = std::exp((std::log(std::max(row[k], 1e-30f)) - top) / temperature);
                    double u = static_cast<double>(draw_rng.uniform()) * total;
                    for (pick = 0; pick + 1 < kBases && u >= w[pick]; ++pick) u -= w[pick];
                }
                s[l] = kBase[pick];
            }
            out.push_back(std::move(s));
        }
    }
    return out;
}

std::vector<Param*> Gan::generator_params()
{
    std::vector<Param*> out;
    for (auto& l : generator_.layers)
        for (auto& p : l->params()) out.push_back(&p);
    return out;
}

std::vector<Param*> Gan::discriminator_params()
{
    std::vector<Param*> out;
    for (auto& l : discriminator_.layers)
        for (auto& p : l->params()) out.push_back(&p);
    return out;
}

std::vector<Param*> Gan::params()
{
    std::vector<Param*> out = generator_params();
    for (Param* p : discriminator_params()) out.push_back(p);
    return out;
}

std::vector<const Param*> Gan::params() const
{
    std::vector<const Param*> out;
    for (const Net* net : {&generator_, &discriminator_})
        for (const auto& l : net->layers)
            for (const auto& p : l->params()) out.push_back(&p);
    return out;
}

std::vector<Tensor> Gan::weights() const
{
    std::vector<Tensor> w;
    for (const Param* p : params()) w.push_back(p->var.value());
    return w;
}

void Gan::set_weights(const std::vector<Tensor>& w)
{
    auto ps = params();
    HELIX_ASSERT(w.size() == ps.size());
    for (std::size_t i = 0; i < ps.size(); ++i) {
        HELIX_ASSERT(w[i].shape() == ps[i]->var.value().shape());
        ps[i]->var.value() = w[i];
    }
}

json Gan::summary_json() const
{
    auto describe = [](const Net& net) {
        json layers = json::array();
        std::size_t total = 0;
        for (std::size_t i = 0; i < net.layers.size(); ++i) {
            std::size_t n = 0;
            for (const auto& p : net.layers[i]->params()) n += p.var.value().size();
            total += n;
            layers.push_back({{"name", net.layers[i]->name()},
                              {"type", net.layers[i]->spec().type},
                              {"output", net.shapes[i]},
                              {"parameters", n}});
        }
        return json{{"layers", layers}, {"parameters", total}};
    };
    return {{"name", spec_.name},
            {"length", spec_.length},
            {"noise", spec_.noise},
            {"generator", describe(generator_)},
            {"discriminator", describe(discriminator_)}};
}

}  // namespace helix::nn
