// core/motifs/motif_compare.cpp: see motif_compare.hpp.
//
// Score of one alignment: Σ PCC(query column i, target column i + offset) over the overlapping columns,
// divided by the (trimmed) query's width. Dividing by the query's width, not the overlap, means a target
// must cover the whole informative part of the filter to score near 1: a 5-column overlap of perfect
// correlation on a 10-column filter scores 0.5, so short targets do not win by matching a piece. Trimming
// the filter's low-information edges first keeps the score from depending on how wide the layer's kernel
// is (a 12-wide filter holding a 6-base site). A column of equal probabilities has no defined correlation:
// it counts 0, neither for nor against.
#include "motif_compare.hpp"

#include <algorithm>
#include <cmath>

namespace helix::motifs {

namespace {

// A column centred and scaled to unit length: the PCC of two columns is then their dot product.
Column standardised(const Column& c)
{
    const double mean = (c[0] + c[1] + c[2] + c[3]) / 4;
    Column z;
    double norm = 0;
    for (int b = 0; b < 4; ++b) {
        z[b] = c[b] - mean;
        norm += z[b] * z[b];
    }
    norm = std::sqrt(norm);
    for (double& v : z) v = norm > 1e-12 ? v / norm : 0.0;
    return z;
}

std::vector<Column> standardised(const std::vector<Column>& m)
{
    std::vector<Column> out;
    for (const Column& c : m) out.push_back(standardised(c));
    return out;
}

double dot(const Column& a, const Column& b)
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
}

// Best offset of standardised q against standardised t on one strand; score and overlap through `best`.
void best_offset(const std::vector<Column>& q, const std::vector<Column>& t, char strand, MotifMatch& best)
{
    const int Q = static_cast<int>(q.size()), T = static_cast<int>(t.size());
    const int min_overlap = std::min({5, Q, T});
    for (int offset = min_overlap - Q; offset <= T - min_overlap; ++offset) {
        const int i0 = std::max(0, -offset), i1 = std::min(Q, T - offset);
        double sum = 0;
        for (int i = i0; i < i1; ++i) sum += dot(q[i], t[i + offset]);
        const double score = sum / Q;
        if (score > best.score || best.overlap == 0) {
            best.score = score;
            best.offset = offset;
            best.strand = strand;
            best.overlap = static_cast<std::size_t>(i1 - i0);
        }
    }
}

}  // namespace

std::vector<Column> trim_edges(const std::vector<Column>& query, std::size_t& first)
{
    std::size_t b = 0, e = query.size();
    while (b < e && information_content(query[b]) < kTrimInformation) ++b;
    while (e > b && information_content(query[e - 1]) < kTrimInformation) --e;
    if (b == e) {
        first = 0;
        return query;
    }
    first = b;
    return std::vector<Column>(query.begin() + b, query.begin() + e);
}

MotifMatch best_alignment(const std::vector<Column>& query, const std::vector<Column>& target)
{
    MotifMatch best;
    if (query.empty() || target.empty()) return best;
    const std::vector<Column> t = standardised(target);
    best_offset(standardised(query), t, '+', best);
    best_offset(standardised(reverse_complement(query)), t, '-', best);
    return best;
}

std::vector<MotifMatch> compare_with_database(const std::vector<Column>& query,
                                              const std::vector<motifs::Pfm>& db, std::size_t top)
{
    std::size_t first = 0;
    const std::vector<Column> q = trim_edges(query, first);
    std::vector<MotifMatch> all;
    all.reserve(db.size());
    for (std::size_t i = 0; i < db.size(); ++i) {
        MotifMatch m = best_alignment(q, motifs::probabilities(db[i]));
        // Offsets of the trimmed query, made relative to the whole query (or its whole reverse complement,
        // whose kept columns start at width - first - kept).
        m.offset -= static_cast<int>(m.strand == '+' ? first : query.size() - first - q.size());
        m.target = i;
        m.id = db[i].id;
        m.name = db[i].name;
        all.push_back(std::move(m));
    }
    double mean = 0, sq = 0;
    for (const MotifMatch& m : all) mean += m.score;
    mean /= std::max<std::size_t>(all.size(), 1);
    for (const MotifMatch& m : all) sq += (m.score - mean) * (m.score - mean);
    const double sd = all.size() > 1 ? std::sqrt(sq / (all.size() - 1)) : 0.0;
    for (MotifMatch& m : all) m.z = sd > 0 ? (m.score - mean) / sd : 0.0;
    // Ties (equal scores) keep database order, so results do not depend on the sort's implementation.
    std::stable_sort(all.begin(), all.end(),
                     [](const MotifMatch& a, const MotifMatch& b) { return a.score > b.score; });
    if (all.size() > top) all.resize(top);
    return all;
}

}  // namespace helix::motifs
