// core/motifs/shipped_motifs.cpp: see shipped_motifs.hpp.
#include "shipped_motifs.hpp"

#include "../tensor.hpp"

namespace helix::motifs {

// Byte for byte the file web/data/jaspar/GATA1_TAL1.jaspar (a test compares them), compiled in so the
// wasm build reads no file. JASPAR 2020 CORE vertebrates, CC BY 4.0: Fornes O. et al. (2020) "JASPAR 2020:
// update of the open-access database of transcription factor binding profiles", Nucleic Acids Research
// 48:D87-D92. MA0035.4 GATA1 (ChIP-seq); MA0091.1 TAL1::TCF3 (SELEX), the TAL1 E-box heterodimer.
static const char kGata1Tal1Jaspar[] =
    ">MA0035.4\tGATA1\n"
    "A  [  22209  17328   3953   1314  49692  67550   2206   2567   7397  26545  22656 ]\n"
    "C  [  12209  14489  62419    595    710   1292   1238  65937   3025  11186  15261 ]\n"
    "G  [  13955  11088   2712    652    856    988    618   1471    765  14358   9325 ]\n"
    "T  [  23455  28923   2744  69267  20570   1998  67766   1853  60641  19739  24586 ]\n"
    ">MA0091.1\tTAL1::TCF3\n"
    "A  [     13      9     39     20      0     44      0     12      0      0      0      4 ]\n"
    "C  [     14     10      0     24     43      0      1     32      0      0      3      4 ]\n"
    "G  [      8     20      3      0      1      0     11      0      0     43     20      2 ]\n"
    "T  [      9      5      2      0      0      0     32      0     44      1     21     34 ]\n";

std::string_view gata1_tal1_jaspar_text()
{
    return kGata1Tal1Jaspar;
}

namespace {

const Pfm& shipped(const char* id)
{
    static const std::vector<Pfm> all = [] {
        auto parsed = parse_jaspar(kGata1Tal1Jaspar);
        HELIX_ASSERT(parsed.ok());
        return parsed.value;
    }();
    for (const Pfm& p : all)
        if (p.id == id) return p;
    HELIX_ASSERT(false && "shipped motif id");
    return all.front();
}

}  // namespace

const Pfm& gata1_pfm()
{
    return shipped("MA0035.4");
}
const Pfm& tal1_pfm()
{
    return shipped("MA0091.1");
}

}  // namespace helix::motifs
