// core/infer/profile_scores.cpp: see profile_scores.hpp.
#include "profile_scores.hpp"

#include <algorithm>
#include <cmath>

#include "../train/profile_metrics.hpp"

namespace helix::infer {

namespace {

// Probabilities as logits the metrics take (softmax of log p is p); a zero stays a very small share.
void append_logits(const float* p, std::size_t n, std::vector<float>& out)
{
    for (std::size_t k = 0; k < n; ++k) out.push_back(std::log(std::max(p[k], 1e-30f)));
}

double mean_ignoring_nan(const std::vector<double>& v)
{
    double total = 0;
    std::size_t n = 0;
    for (double x : v)
        if (!std::isnan(x)) total += x, ++n;
    return n ? total / static_cast<double>(n) : std::nan("");
}

}  // namespace

bool has_signal(double total, std::size_t L, std::size_t S)
{
    return total >= kSignalReadsPerPosition * static_cast<double>(L * S);
}

Scores score_profile_head(const Tensor& prob, const std::vector<float>& counts, std::size_t L, std::size_t S)
{
    const std::size_t W = L * S, n = prob.shape()[0];
    HELIX_ASSERT(prob.size() == n * W && counts.size() == n * W);
    Scores s;
    const double nan = std::nan("");
    s.accuracy = s.auroc = s.auprc = nan;
    s.n = n;
    if (n == 0) {
        s.loss = nan;
        return s;
    }
    // The loss of every region; the signal regions' predictions and counts; the average profile.
    double loss = 0;
    std::vector<float> logits, observed;
    std::vector<double> average(W, 0.0);
    std::size_t with_reads = 0;
    for (std::size_t b = 0; b < n; ++b) {
        const float *p = prob.data() + b * W, *c = counts.data() + b * W;
        double total = 0;
        for (std::size_t k = 0; k < W; ++k) {
            if (c[k] > 0) loss -= c[k] * std::log(std::max(static_cast<double>(p[k]), 1e-30));
            total += c[k];
        }
        if (total > 0) {
            ++with_reads;
            for (std::size_t st = 0; st < S; ++st) {
                double strand = 0;
                for (std::size_t l = 0; l < L; ++l) strand += c[l * S + st];
                if (strand > 0)
                    for (std::size_t l = 0; l < L; ++l) average[l * S + st] += c[l * S + st] / strand;
            }
        }
        if (!has_signal(total, L, S)) continue;
        append_logits(p, W, logits);
        observed.insert(observed.end(), c, c + W);
    }
    s.loss = loss / static_cast<double>(n);
    s.signal_n = observed.size() / W;
    if (s.signal_n == 0) return s;
    s.profile_pearson = train::median_ignoring_nan(train::profile_pearson(logits, observed, L, S));
    s.jsd = mean_ignoring_nan(train::profile_jsd(logits, observed, L, S));
    std::vector<float> base_row(W), base;
    for (std::size_t k = 0; k < W; ++k)
        base_row[k] = static_cast<float>(std::log(std::max(average[k] / with_reads, 1e-30)));
    for (std::size_t b = 0; b < s.signal_n; ++b) base.insert(base.end(), base_row.begin(), base_row.end());
    s.baseline_profile_pearson = train::median_ignoring_nan(train::profile_pearson(base, observed, L, S));
    s.baseline_jsd = mean_ignoring_nan(train::profile_jsd(base, observed, L, S));
    return s;
}

nlohmann::json profile_tracks(const nn::Model& model, const Examples& ex, std::size_t h,
                              const std::vector<std::size_t>& indices, const std::vector<Tensor>& prob,
                              std::size_t limit)
{
    const std::size_t W = model.head_outputs(h), L = model.head_positions(h), S = W / L;
    const auto cols = profile_column_indices(ex, model.spec().heads[h].columns);
    std::size_t count_head = model.heads();
    for (std::size_t c = 0; c < model.heads() && count_head == model.heads(); ++c)
        if (model.spec().heads[c].loss == "log1p_mse") count_head = c;
    // The regions with signal, then every len / limit-th of them.
    std::vector<float> c(W);
    std::vector<std::size_t> signal;
    for (std::size_t k = 0; k < indices.size(); ++k) {
        profile_of(ex, indices[k], cols, c.data());
        double total = 0;
        for (float v : c) total += v;
        if (has_signal(total, L, S)) signal.push_back(k);
    }
    nlohmann::json out = nlohmann::json::array();
    const std::size_t step =
        std::max<std::size_t>(1, (signal.size() + limit - 1) / std::max<std::size_t>(limit, 1));
    for (std::size_t j = 0; j < signal.size() && out.size() < limit; j += step) {
        const std::size_t k = signal[j];
        profile_of(ex, indices[k], cols, c.data());
        const float* p = prob[h].data() + k * W;
        nlohmann::json observed = nlohmann::json::array(), predicted = nlohmann::json::array();
        double total = 0;
        for (std::size_t s = 0; s < S; ++s) {
            std::vector<float> o(L), q(L);
            for (std::size_t l = 0; l < L; ++l) o[l] = c[l * S + s], q[l] = p[l * S + s], total += o[l];
            observed.push_back(o);
            predicted.push_back(q);
        }
        std::vector<float> logits;
        append_logits(p, W, logits);
        const double r = train::profile_pearson(logits, c, L, S)[0],
                     jsd = train::profile_jsd(logits, c, L, S)[0];
        auto num = [](double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); };
        out.push_back({{"record", indices[k]},
                       {"observed", observed},
                       {"predicted", predicted},
                       {"pearson", num(r)},
                       {"jsd", num(jsd)},
                       {"observedCount", total},
                       {"predictedCount", count_head < model.heads()
                                              ? num(std::expm1(static_cast<double>(prob[count_head](k, 0))))
                                              : nlohmann::json(nullptr)}});
    }
    return out;
}

}  // namespace helix::infer
