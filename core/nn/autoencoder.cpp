// core/nn/autoencoder.cpp: see autoencoder.hpp.
#include "autoencoder.hpp"

#include <cmath>
#include <set>

namespace helix::nn {

using nlohmann::json;

namespace {

// The layers in order: the encoder's, the latent layer, the decoder's, and the reconstruction (one unit per
// gene).
std::vector<LayerSpec> layer_chain(const AutoencoderSpec& spec, std::size_t genes)
{
    LayerSpec latent;
    latent.type = "dense";
    latent.name = "latent";
    latent.units = spec.latent_units;
    latent.activation = spec.latent_activation;
    LayerSpec out;
    out.type = "dense";
    out.name = "reconstruction";
    out.units = genes;
    std::vector<LayerSpec> chain(spec.encoder);
    chain.push_back(latent);
    chain.insert(chain.end(), spec.decoder.begin(), spec.decoder.end());
    chain.push_back(out);
    return chain;
}

}  // namespace

std::string Autoencoder::size_error(const AutoencoderSpec& spec, std::size_t genes)
{
    double parameters = 0.0;
    Shape shape{genes};
    for (const LayerSpec& l : layer_chain(spec, genes)) {
        auto layer = make_layer(l);
        std::string error;
        Shape next = layer->output_shape(shape, error);
        HELIX_ASSERT(error.empty());  // every layer an autoencoder admits keeps a flat shape
        error = parameter_budget_error(parameters += layer->parameter_count(shape));
        if (!error.empty()) return l.name + " (with " + std::to_string(genes) + " genes): " + error;
        shape = next;
    }
    return "";
}

std::unique_ptr<Autoencoder> Autoencoder::build(const AutoencoderSpec& spec, std::size_t genes)
{
    HELIX_ASSERT(genes > 0 && size_error(spec, genes).empty());
    auto m = std::unique_ptr<Autoencoder>(new Autoencoder());
    m->spec_ = spec;
    m->genes_ = genes;
    for (const char* name : {"input.mean", "input.scale", "imputation.baseline"})
        m->stats_.push_back({name, Var(xt::zeros<float>({genes}), false)});
    m->stats_[1].var.value().fill(1.0f);
    Rng init(spec.training.seed);
    Shape shape{genes};
    const std::vector<LayerSpec> chain = layer_chain(spec, genes);
    for (std::size_t i = 0; i < chain.size(); ++i) {
        auto layer = make_layer(chain[i]);
        std::string error;
        Shape next = layer->output_shape(shape, error);
        layer->build(shape, init);
        shape = next;
        (i <= spec.encoder.size() ? m->encoder_ : m->decoder_).push_back(std::move(layer));
    }
    return m;
}

void Autoencoder::fit_statistics(const std::vector<float>& values, const std::vector<std::size_t>& rows)
{
    HELIX_ASSERT(!rows.empty() && values.size() % genes_ == 0);
    const std::size_t G = genes_;
    std::vector<double> sum(G, 0.0), sq(G, 0.0), nz_sum(G, 0.0);
    std::vector<std::size_t> nz(G, 0);
    for (std::size_t r : rows) {
        const float* x = values.data() + r * G;
        for (std::size_t g = 0; g < G; ++g) {
            sum[g] += x[g];
            sq[g] += static_cast<double>(x[g]) * x[g];
            if (x[g] != 0.0f) {
                nz_sum[g] += x[g];
                ++nz[g];
            }
        }
    }
    Tensor& mean = stats_[0].var.value();
    Tensor& scale = stats_[1].var.value();
    Tensor& base = stats_[2].var.value();
    const double n = static_cast<double>(rows.size());
    for (std::size_t g = 0; g < G; ++g) {
        const double mu = sum[g] / n;
        const double var = std::max(sq[g] / n - mu * mu, 0.0);
        mean(g) = static_cast<float>(mu);
        // A gene constant over the training cells keeps scale 1: its standardised input is then 0 (or its
        // offset), never a division by zero.
        scale(g) = var > 1e-12 ? static_cast<float>(std::sqrt(var)) : 1.0f;
        base(g) = static_cast<float>(spec_.imputation.entries == "nonzero" ? (nz[g] ? nz_sum[g] / nz[g] : 0.0)
                                                                           : mu);
    }
    decoder_.back()->params()[1].var.value() = base;
}

Tensor Autoencoder::standardize(const std::vector<float>& values, const std::vector<std::size_t>& rows,
                                const Tensor& hidden) const
{
    const std::size_t G = genes_;
    const bool any_hidden = hidden.dimension() == 2;
    Tensor x = Tensor::from_shape({rows.size(), G});
    const float* mean = stats_[0].var.value().data();
    const float* scale = stats_[1].var.value().data();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float* v = values.data() + rows[i] * G;
        float* out = x.data() + i * G;
        for (std::size_t g = 0; g < G; ++g) out[g] = (v[g] - mean[g]) / scale[g];
        if (any_hidden) {
            const float* h = hidden.data() + i * G;
            for (std::size_t g = 0; g < G; ++g)
                if (h[g] != 0.0f) out[g] = 0.0f;
        }
    }
    return x;
}

Var Autoencoder::encode(const Tensor& standardized, bool training, Rng& rng)
{
    HELIX_ASSERT(standardized.dimension() == 2 && standardized.shape()[1] == genes_);
    ForwardCtx ctx{training, &rng};
    Var h(standardized, false);
    for (auto& l : encoder_) h = l->forward(h, ctx);
    return h;
}

Var Autoencoder::decode(const Var& codes, bool training, Rng& rng)
{
    ForwardCtx ctx{training, &rng};
    Var h = codes;
    for (auto& l : decoder_) h = l->forward(h, ctx);
    return h;
}

std::vector<Param*> Autoencoder::params()
{
    std::vector<Param*> out;
    for (auto& p : stats_) out.push_back(&p);
    for (auto* part : {&encoder_, &decoder_})
        for (auto& l : *part)
            for (auto& p : l->params()) out.push_back(&p);
    return out;
}

std::vector<const Param*> Autoencoder::params() const
{
    std::vector<const Param*> out;
    for (auto& p : stats_) out.push_back(&p);
    for (auto* part : {&encoder_, &decoder_})
        for (const auto& l : *part)
            for (const auto& p : l->params()) out.push_back(&p);
    return out;
}

std::vector<Tensor> Autoencoder::weights() const
{
    std::vector<Tensor> w;
    for (const Param* p : params()) w.push_back(p->var.value());
    return w;
}

void Autoencoder::set_weights(const std::vector<Tensor>& w)
{
    auto ps = params();
    HELIX_ASSERT(w.size() == ps.size());
    for (std::size_t i = 0; i < ps.size(); ++i) ps[i]->var.value() = w[i];
}

json Autoencoder::summary_json() const
{
    json layers = json::array();
    std::size_t width = genes_, total = 0;
    for (const auto* part : {&encoder_, &decoder_})
        for (const auto& l : *part) {
            std::size_t n = 0;
            for (const auto& p : l->params())
                if (p.var.requires_grad()) n += p.var.value().size();
            if (l->spec().type == "dense") width = l->spec().units;
            layers.push_back(
                {{"name", l->name()}, {"type", l->spec().type}, {"output", width}, {"parameters", n}});
            total += n;
        }
    return {{"name", spec_.name},
            {"genes", genes_},
            {"latent", spec_.latent_units},
            {"layers", layers},
            {"parameters", total}};
}

}  // namespace helix::nn
