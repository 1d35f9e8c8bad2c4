// tests/fuzz/fuzz_motif.cpp: motif databases (core/motifs/jaspar, core/motifs/meme, core/motifs/motif_file).
// The same text goes to the JASPAR reader, the MEME reader and the format-detecting entry point.
// Besides the contract of fuzz_contract.hpp: every motif read has an id, at least one position, finite
// non-negative counts with a positive sum per position, probabilities that sum to 1 and a consensus of
// A/C/G/T as long as the motif; parse_motif_file gives exactly what the reader of the format it names gives.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "core/data/binary_input.hpp"
#include "core/motifs/jaspar.hpp"
#include "core/motifs/meme.hpp"
#include "core/motifs/motif_file.hpp"
#include "fuzz_contract.hpp"

namespace {

namespace data = helix::data;
namespace motifs = helix::motifs;

void check_motifs(const std::vector<motifs::Pfm>& pfms)
{
    FUZZ_CHECK(!pfms.empty(), "");
    for (const motifs::Pfm& pfm : pfms) {
        FUZZ_CHECK(!pfm.id.empty() && pfm.width() > 0 && pfm.line >= 1, pfm.id);
        for (const auto& column : pfm.columns) {
            double total = 0;
            for (double c : column) {
                FUZZ_CHECK(std::isfinite(c) && c >= 0, pfm.id);
                total += c;
            }
            FUZZ_CHECK(total > 0, pfm.id);
        }
        for (const auto& p : motifs::probabilities(pfm, /*pseudocount=*/0.8)) {
            const double total = p[0] + p[1] + p[2] + p[3];
            FUZZ_CHECK(std::isfinite(total) && std::fabs(total - 1.0) < 1e-9, pfm.id);
        }
        const std::string consensus = motifs::consensus(pfm);
        FUZZ_CHECK(
            consensus.size() == pfm.width() && consensus.find_first_not_of("ACGT") == std::string::npos,
            pfm.id);
    }
}

bool same(const std::vector<motifs::Pfm>& a, const std::vector<motifs::Pfm>& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].name != b[i].name || a[i].columns != b[i].columns ||
            a[i].line != b[i].line)
            return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    helix::fuzz::no_throw("parse_motif_file", [&] {
        const auto jaspar = motifs::parse_jaspar(text);
        helix::fuzz::check_errors(jaspar, text);
        if (jaspar.ok()) check_motifs(jaspar.value);
        const auto meme = motifs::parse_meme(text);
        helix::fuzz::check_errors(meme, text);
        if (meme.ok()) check_motifs(meme.value);

        const auto either = motifs::parse_motif_file(text);
        if (data::binary_input_error(text)) {  // refused before either reader runs: one error, no motifs
            FUZZ_CHECK(either.errors.size() == 1 && either.value.empty(), "a binary file gives one error");
            return;
        }
        const bool is_meme = std::strcmp(motifs::motif_file_format(text), "meme") == 0;
        const auto& expected = is_meme ? meme : jaspar;
        FUZZ_CHECK(
            either.errors.size() == expected.errors.size() && either.more_errors == expected.more_errors, "");
        FUZZ_CHECK(same(either.value, expected.value), "parse_motif_file differs from its format's reader");
    });
    return 0;
}
