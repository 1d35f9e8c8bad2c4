// core/motifs/motif_compare.hpp: how alike two motifs are, and which motifs of a database are most
// like a query (a learnt filter). Columns are compared by Pearson correlation of their four probabilities
// over every alignment offset and both strands of the query, as in STAMP's and Tomtom's PCC column score.
#pragma once

#include <string>
#include <vector>

#include "filter_motifs.hpp"
#include "jaspar.hpp"

namespace helix::motifs {

struct MotifMatch {
    std::size_t target = 0;  // index in the database
    std::string id, name;
    double score = 0;   // Σ column PCC over the overlap / the trimmed query's width: at most 1
    int offset = 0;     // the target column facing the query's first column (of its reverse complement
                        // for strand '-'); may be < 0. best_alignment: of the trimmed query it was given
    char strand = '+';  // '-': the query's reverse complement matched
    std::size_t overlap = 0;  // aligned columns
    double z = 0;             // (score - mean) / sd over every target's best score
};

constexpr double kTrimInformation = 0.3;  // bits: query edge columns below this are left out

// The query without its low-information edges (IC < kTrimInformation at either end); the whole query when
// every column is below it. `first` receives the index of the first column kept.
std::vector<Column> trim_edges(const std::vector<Column>& query, std::size_t& first);

// The best alignment of `query` (already trimmed) with `target` over offsets whose overlap is at least
// min(5, widths) columns, both strands of the query.
MotifMatch best_alignment(const std::vector<Column>& query, const std::vector<Column>& target);

// Every database motif scored against `query` (trimmed first), best first, with z-scores over the whole
// database; the first `top` are returned.
std::vector<MotifMatch> compare_with_database(const std::vector<Column>& query,
                                              const std::vector<motifs::Pfm>& db, std::size_t top);

}  // namespace helix::motifs
