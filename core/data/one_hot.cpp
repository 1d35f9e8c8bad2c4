// core/data/one_hot.cpp: one-hot (and fractional IUPAC) encoding by a 256-row lookup table.
#include "one_hot.hpp"

#include <array>
#include <cstring>

namespace helix::data {
namespace {

struct Encoding {
    std::array<std::array<float, 4>, 256> rows{};
    std::array<bool, 256> valid{};
};

// Each code lists the bases it stands for (A=0, C=1, G=2, T=3), which share one unit equally.
constexpr Encoding make_encoding()
{
    struct Code {
        char code;
        const char* bases;
    };
    constexpr Code codes[] = {{'A', "A"},  {'C', "C"},   {'G', "G"},   {'T', "T"},   {'N', "ACGT"},
                              {'R', "AG"}, {'Y', "CT"},  {'S', "CG"},  {'W', "AT"},  {'K', "GT"},
                              {'M', "AC"}, {'B', "CGT"}, {'D', "AGT"}, {'H', "ACT"}, {'V', "ACG"}};
    Encoding e{};
    for (const Code& c : codes) {
        int n = 0;
        while (c.bases[n] != '\0') ++n;
        std::array<float, 4> row{};
        for (int i = 0; i < n; ++i) {
            const char b = c.bases[i];
            row[b == 'A' ? 0 : b == 'C' ? 1 : b == 'G' ? 2 : 3] = 1.0f / static_cast<float>(n);
        }
        for (char ch : {c.code, static_cast<char>(c.code - 'A' + 'a')}) {
            e.rows[static_cast<unsigned char>(ch)] = row;
            e.valid[static_cast<unsigned char>(ch)] = true;
        }
    }
    return e;
}
constexpr Encoding kEncoding = make_encoding();

}  // namespace

void one_hot_into(const std::string& seq, float* out)
{
    for (std::size_t l = 0; l < seq.size(); ++l) {
        const auto c = static_cast<unsigned char>(seq[l]);
        HELIX_ASSERT(kEncoding.valid[c]);
        std::memcpy(out + 4 * l, kEncoding.rows[c].data(), 4 * sizeof(float));
    }
}

Tensor one_hot(const std::vector<std::string>& seqs, std::size_t length)
{
    Tensor x = xt::zeros<float>({seqs.size(), length, std::size_t(4)});
    float* data = x.data();
    for (std::size_t b = 0; b < seqs.size(); ++b) {
        HELIX_ASSERT(seqs[b].size() == length);
        one_hot_into(seqs[b], data + b * length * 4);
    }
    return x;
}

std::string fit_length(const std::string& seq, std::size_t length)
{
    const std::size_t n = seq.size();
    if (n >= length) return seq.substr((n - length) / 2, length);
    const std::size_t left = (length - n) / 2;
    std::string out(length, 'N');
    out.replace(left, n, seq);
    return out;
}

}  // namespace helix::data
