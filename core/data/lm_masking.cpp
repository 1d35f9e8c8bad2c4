// core/data/lm_masking.cpp: see lm_masking.hpp.
#include "lm_masking.hpp"

#include <cmath>
#include <limits>

#include "../tensor.hpp"
#include "one_hot.hpp"

namespace helix::data {

namespace {

int base_code(char c)
{
    switch (c) {
        case 'A':
        case 'a':
            return 0;
        case 'C':
        case 'c':
            return 1;
        case 'G':
        case 'g':
            return 2;
        case 'T':
        case 't':
            return 3;
        default:
            return -1;
    }
}

// Row l of `out` (5 floats per position) from the sequence, the [MASK] channel 0.
void encode(const std::string& s, float* out)
{
    float four[4];
    for (std::size_t l = 0; l < s.size(); ++l) {
        one_hot_into(s.substr(l, 1), four);
        for (int c = 0; c < 4; ++c) out[l * kLmChannels + c] = four[c];
        out[l * kLmChannels + 4] = 0.0f;
    }
}

}  // namespace

void mask_for_pretraining(const std::vector<std::string>& seqs, std::size_t length, const MaskingOptions& o,
                          Rng& rng, MaskedExamples& out)
{
    HELIX_ASSERT(o.rate >= 0 && o.rate <= 1 && o.as_mask >= 0 && o.as_random >= 0 &&
                 o.as_mask + o.as_random <= 1);
    out.input.assign(seqs.size() * length * kLmChannels, 0.0f);
    out.targets.assign(seqs.size() * length, std::numeric_limits<float>::quiet_NaN());
    out.selected = 0;
    for (std::size_t i = 0; i < seqs.size(); ++i) {
        const std::string& s = seqs[i];
        HELIX_ASSERT(s.size() == length);
        float* x = &out.input[i * length * kLmChannels];
        encode(s, x);
        for (std::size_t l = 0; l < length; ++l) {
            const int b = base_code(s[l]);
            if (b < 0 || rng.uniform() >= o.rate) continue;
            ++out.selected;
            out.targets[i * length + l] = static_cast<float>(b);
            const float u = rng.uniform();
            float* row = x + l * kLmChannels;
            if (u < o.as_mask) {
                for (int c = 0; c < 4; ++c) row[c] = 0.0f;
                row[4] = 1.0f;
            } else if (u < o.as_mask + o.as_random) {
                const std::size_t r = rng.below(4);
                for (int c = 0; c < 4; ++c) row[c] = c == static_cast<int>(r) ? 1.0f : 0.0f;
            }
        }
    }
}

std::vector<float> lm_input(const std::vector<std::string>& seqs, std::size_t length)
{
    std::vector<float> input(seqs.size() * length * kLmChannels, 0.0f);
    for (std::size_t i = 0; i < seqs.size(); ++i) {
        HELIX_ASSERT(seqs[i].size() == length);
        encode(seqs[i], &input[i * length * kLmChannels]);
    }
    return input;
}

}  // namespace helix::data
