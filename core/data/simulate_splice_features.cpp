// core/data/simulate_splice_features.cpp: see simulate_splice_features.hpp.
#include "simulate_splice_features.hpp"

#include <algorithm>
#include <cmath>

#include "../rng.hpp"
#include "decimal_text.hpp"

namespace helix::data {

namespace {

// Gamma(k, 1) for a whole k: minus the log of a product of k uniforms in (0, 1].
double gamma_whole(int k, Rng& rng)
{
    double sum = 0;
    for (int i = 0; i < k; ++i) sum -= std::log(1.0 - static_cast<double>(rng.uniform()));
    return sum;
}

double beta_whole(int a, int b, Rng& rng)
{
    const double x = gamma_whole(a, rng);
    return x / (x + gamma_whole(b, rng));
}

}  // namespace

std::vector<SpliceFeatureRow> simulate_splice_features(const SpliceFeatureOptions& o)
{
    Rng rng(o.seed);
    std::vector<SpliceFeatureRow> rows;
    rows.reserve(o.count);
    for (std::size_t i = 0; i < o.count; ++i) {
        SpliceFeatureRow r;
        r.branch_point_distance = std::clamp(std::round(29.0 + 9.0 * rng.normal()), 0.0, 80.0);
        r.log10_intron_length = round_to(std::clamp(3.0 + 0.75 * rng.normal(), 1.5, 5.5), 3);
        r.donor_score = round_to(beta_whole(4, 2, rng), 3);
        r.acceptor_score = round_to(beta_whole(4, 2, rng), 3);
        r.gc_content = round_to(std::clamp(0.42 + 0.06 * rng.normal(), 0.2, 0.7), 3);
        // Compared in thousandths, as written, so the table and the rule agree to the last digit.
        const auto milli = [](double v) { return std::lround(v * 1000); };
        r.spliced = r.branch_point_distance >= 18 && r.branch_point_distance <= 40 &&
                    milli(r.log10_intron_length) >= 2200 &&
                    milli(r.donor_score) + milli(r.acceptor_score) >= 1200;
        r.label = rng.uniform() < o.noise ? !r.spliced : r.spliced;
        rows.push_back(r);
    }
    return rows;
}

std::string to_table(const std::vector<SpliceFeatureRow>& rows)
{
    std::string out =
        "id\tbranch_point_distance\tlog10_intron_length\tdonor_score\tacceptor_score\tgc_content\tlabel\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const SpliceFeatureRow& r = rows[i];
        out += "intron" + std::to_string(i + 1) + '\t' + fixed(r.branch_point_distance, 0) + '\t' +
               fixed(r.log10_intron_length, 3) + '\t' + fixed(r.donor_score, 3) + '\t' +
               fixed(r.acceptor_score, 3) + '\t' + fixed(r.gc_content, 3) + '\t' + (r.label ? "1" : "0") +
               '\n';
    }
    return out;
}

}  // namespace helix::data
