// core/interpret/ism.cpp: see ism.hpp.
#include "ism.hpp"

#include <algorithm>
#include <cctype>

namespace helix::interpret {

namespace {

// The channel of an A/C/G/T base (either case), or -1 (N and other codes: every base is a substitution).
int channel(char base)
{
    switch (std::toupper(static_cast<unsigned char>(base))) {
        case 'A':
            return 0;
        case 'C':
            return 1;
        case 'G':
            return 2;
        case 'T':
            return 3;
        default:
            return -1;
    }
}

}  // namespace

Mutagenesis in_silico_mutagenesis(Scorer& scorer, const std::string& seq, std::size_t record)
{
    const std::size_t L = seq.size();
    const Tensor ref = one_hot_sequence(seq);
    // Row 0 is the reference; then one row per (position, substituted base).
    struct Mutant {
        std::size_t position;
        std::size_t base;
    };
    std::vector<Mutant> mutants;
    mutants.reserve(3 * L);
    for (std::size_t l = 0; l < L; ++l)
        for (std::size_t c = 0; c < 4; ++c)
            if (static_cast<int>(c) != channel(seq[l])) mutants.push_back({l, c});

    Mutagenesis out;
    {
        Tensor one = ref;
        one.reshape({std::size_t{1}, L, std::size_t{4}});
        Var z = scorer.logits(Var(one, false), record);
        out.class_index = scorer.class_of(z.value().data());
        out.score = scorer.score(z.value().data(), out.class_index);
    }
    out.changes.assign(L, {0.0f, 0.0f, 0.0f, 0.0f});
    const std::size_t LC = L * 4, chunk = rows_per_chunk(L);
    for (std::size_t begin = 0; begin < mutants.size(); begin += chunk) {
        const std::size_t n = std::min(chunk, mutants.size() - begin);
        Tensor x = Tensor::from_shape({n, L, std::size_t{4}});
        for (std::size_t r = 0; r < n; ++r) {
            float* row = x.data() + r * LC;
            std::copy_n(ref.data(), LC, row);
            const Mutant& m = mutants[begin + r];
            std::fill_n(row + m.position * 4, 4, 0.0f);
            row[m.position * 4 + m.base] = 1.0f;
        }
        const std::vector<float> s = scorer.scores(x, record, out.class_index);
        for (std::size_t r = 0; r < n; ++r) {
            const Mutant& m = mutants[begin + r];
            out.changes[m.position][m.base] = s[r] - out.score;
        }
    }
    out.attributions.resize(L);
    for (std::size_t l = 0; l < L; ++l) {
        const int c = channel(seq[l]);
        float total = 0;
        for (float d : out.changes[l]) total += d;  // the reference's own entry is 0
        out.attributions[l] = total / (c < 0 ? 4.0f : 3.0f);
    }
    return out;
}

}  // namespace helix::interpret
