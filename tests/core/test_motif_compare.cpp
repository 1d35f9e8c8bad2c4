// tests/core/test_motif_compare.cpp: motif similarity by column Pearson correlation over offsets and strands.
// A JASPAR motif is its own best match (its reverse complement too, on the - strand), offsets and overlaps
// are those of the alignment, and low-information edges of the query do not count.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/motifs/jaspar.hpp"
#include "core/motifs/motif_compare.hpp"
#include "repo_file.hpp"

using namespace helix;
using motifs::Column;

namespace {

// A matrix of 0.85 on the given bases ('N': uniform).
std::vector<Column> matrix(const std::string& site)
{
    std::vector<Column> m;
    for (char c : site) {
        Column col{0.05, 0.05, 0.05, 0.05};
        if (c == 'N')
            col = {0.25, 0.25, 0.25, 0.25};
        else
            col[std::string("ACGT").find(c)] = 0.85;
        m.push_back(col);
    }
    return m;
}

std::vector<motifs::Pfm> jaspar_core()
{
    auto parsed = motifs::parse_jaspar(
        repo_file("js/data/jaspar/JASPAR2020_CORE_vertebrates_non-redundant_pfms.jaspar"));
    REQUIRE(parsed.ok());
    return parsed.value;
}

}  // namespace

TEST_CASE("best_alignment: offset, strand and overlap of the best alignment; score = Σ PCC / query width")
{
    auto m = motifs::best_alignment(matrix("ACGTAC"), matrix("TTACGTACTT"));
    CHECK(m.score == doctest::Approx(1.0));
    CHECK(m.offset == 2);
    CHECK(m.strand == '+');
    CHECK(m.overlap == 6);
    m = motifs::best_alignment(matrix("TGATAA"), matrix("CCTTATCAGG"));  // TGATAA reverse-complemented
    CHECK(m.score == doctest::Approx(1.0));
    CHECK(m.strand == '-');
    CHECK(m.offset == 2);
    // Half the query hanging over the target's end: 5 columns of 10 match, the score is 0.5.
    m = motifs::best_alignment(matrix("GATTACAGGG"), matrix("CCCCGATTA"));
    CHECK(m.overlap >= 5);
    CHECK(m.score == doctest::Approx(0.5).epsilon(0.05));
    // Uniform columns correlate with nothing.
    CHECK(motifs::best_alignment(matrix("NNNNN"), matrix("ACGTA")).score == doctest::Approx(0.0));
}

TEST_CASE("trim_edges drops low-information columns at both ends only")
{
    std::size_t first = 9;
    auto t = motifs::trim_edges(matrix("NNACNGTN"), first);
    CHECK(first == 2);
    CHECK(t.size() == 5);
    t = motifs::trim_edges(matrix("NNN"), first);
    CHECK(t.size() == 3);
    CHECK(first == 0);
}

TEST_CASE("compare_with_database: a JASPAR motif and its reverse complement find themselves first")
{
    const auto db = jaspar_core();
    REQUIRE(db.size() == 746);
    std::size_t gata1 = db.size();
    for (std::size_t i = 0; i < db.size(); ++i)
        if (db[i].id == "MA0035.4") gata1 = i;
    REQUIRE(gata1 < db.size());
    const auto query = motifs::probabilities(db[gata1]);
    auto top = motifs::compare_with_database(query, db, 5);
    REQUIRE(top.size() == 5);
    CHECK(top[0].id == "MA0035.4");
    CHECK(top[0].name == "GATA1");
    CHECK(top[0].score == doctest::Approx(1.0));
    CHECK(top[0].strand == '+');
    CHECK(top[0].offset == 0);
    CHECK(top[0].z > 3);
    CHECK(top[1].score <= top[0].score);
    MESSAGE("GATA1's nearest JASPAR motifs: " << top[1].name << " " << top[1].score << ", " << top[2].name
                                              << " " << top[2].score);

    top = motifs::compare_with_database(motifs::reverse_complement(query), db, 1);
    REQUIRE(top.size() == 1);
    CHECK(top[0].id == "MA0035.4");
    CHECK(top[0].strand == '-');
    CHECK(top[0].offset == 0);
    CHECK(top[0].score == doctest::Approx(1.0));

    // A filter-sized query: the GATA core in the middle of 12 columns, uniform edges trimmed away.
    top = motifs::compare_with_database(matrix("NNNNAGATAANN"), db, 10);
    int gata = 0;
    for (const auto& m : top)
        gata += m.name.find("GATA") != std::string::npos || m.name.find("Gata") != std::string::npos;
    CHECK(gata >= 3);
    CHECK(top[0].overlap == 6);
}
