// tests/fuzz/fuzz_variants.cpp: variant tables (core/interpret/variants).
// Input: byte 0 picks the model's numeric input columns (none, or one or two), the rest is the table.
// Besides the contract of fuzz_contract.hpp: a parsed substitution has a position inside its sequence, where
// the sequence holds ref, and an alt of A/C/G/T other than ref; a parsed pair has two non-empty alleles of
// bases; every variant carries one finite value per feature column and the line it was read from.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/alphabet.hpp"
#include "core/interpret/variants.hpp"
#include "fuzz_contract.hpp"

namespace {

bool bases(const std::string& s)
{
    if (s.empty()) return false;
    for (char c : s)
        if (helix::data::dna_base(c) != c) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size == 0) return 0;
    std::vector<std::string> feature_columns;
    if (bytes[0] & 1) feature_columns.push_back("accessibility");
    if (bytes[0] & 2) feature_columns.push_back("gc");
    const std::string_view text(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    helix::fuzz::no_throw("parse_variants", [&] {
        const auto parsed = helix::interpret::parse_variants(text, feature_columns);
        helix::fuzz::check_errors(parsed, text);
        if (!parsed.ok()) return;
        for (const helix::interpret::Variant& v : parsed.value.variants) {
            FUZZ_CHECK(v.line >= 2, v.id);
            FUZZ_CHECK(v.features.size() == feature_columns.size(), v.id);
            for (float f : v.features) FUZZ_CHECK(std::isfinite(f), v.id);
            if (parsed.value.pairs) {
                FUZZ_CHECK(bases(v.ref_sequence) && bases(v.alt_sequence), v.id);
                continue;
            }
            FUZZ_CHECK(bases(v.ref_sequence), v.id);
            FUZZ_CHECK(v.position >= 1 && v.position <= v.ref_sequence.size(), v.id);
            FUZZ_CHECK(v.ref_sequence[v.position - 1] == v.ref, v.id);
            FUZZ_CHECK(std::string("ACGT").find(v.alt) != std::string::npos && v.alt != v.ref, v.id);
        }
    });
    return 0;
}
