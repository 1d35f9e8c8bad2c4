// core/motifs/shipped_motifs.hpp: the JASPAR matrices the simulators plant, compiled in from
// web/data/jaspar/GATA1_TAL1.jaspar (see web/data/SOURCES.md for their attribution).
#pragma once

#include <string_view>

#include "jaspar.hpp"

namespace helix::motifs {

std::string_view gata1_tal1_jaspar_text();  // the file's text
const Pfm& gata1_pfm();                     // MA0035.4 GATA1, width 11
const Pfm& tal1_pfm();                      // MA0091.1 TAL1::TCF3, width 12 (E-box CAGCTG-like core)

}  // namespace helix::motifs
