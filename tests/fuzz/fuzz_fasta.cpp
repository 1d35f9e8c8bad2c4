// tests/fuzz/fuzz_fasta.cpp: FASTA and the sequence-list entry point (core/data/fasta, core/data/sequences).
// Besides the contract of fuzz_contract.hpp: a parse that succeeds holds one id, one sequence and one line
// per record, each sequence non-empty and made only of the bases alphabet.hpp allows (upper case), and
// writing it out as FASTA (data::to_fasta) reads back to the same ids and sequences.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/data/alphabet.hpp"
#include "core/data/fasta.hpp"
#include "core/data/sequences.hpp"
#include "core/data/simulate.hpp"
#include "fuzz_contract.hpp"

namespace {

using helix::data::SequenceSet;

void check_set(const SequenceSet& set)
{
    FUZZ_CHECK(set.size() > 0, "");
    FUZZ_CHECK(set.ids.size() == set.size() && set.lines.size() == set.size(), "");
    FUZZ_CHECK(set.labels.empty() || set.labels.size() == set.size(), "");
    int previous_line = 0;
    for (std::size_t i = 0; i < set.size(); ++i) {
        FUZZ_CHECK(!set.sequences[i].empty(), set.ids[i]);
        FUZZ_CHECK(set.lines[i] > previous_line, set.ids[i]);
        previous_line = set.lines[i];
        for (char c : set.sequences[i]) FUZZ_CHECK(helix::data::dna_base(c) == c, set.ids[i]);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    helix::fuzz::no_throw("parse_fasta", [&] {
        const auto parsed = helix::data::parse_fasta(text);
        helix::fuzz::check_errors(parsed, text);
        if (!parsed.ok()) return;
        check_set(parsed.value);
        FUZZ_CHECK(parsed.value.labels.empty(), "FASTA carries no labels");
        const auto again = helix::data::parse_fasta(helix::data::to_fasta(parsed.value));
        FUZZ_CHECK(again.ok(), helix::data::error_report(again));
        FUZZ_CHECK(again.value.ids == parsed.value.ids, "ids differ after to_fasta");
        FUZZ_CHECK(again.value.sequences == parsed.value.sequences, "sequences differ after to_fasta");
    });
    helix::fuzz::no_throw("parse_sequences", [&] {
        helix::data::TableOptions options;
        options.require_labels = false;
        const auto parsed = helix::data::parse_sequences(text, options);
        helix::fuzz::check_errors(parsed, text);
        if (parsed.ok()) check_set(parsed.value);
    });
    return 0;
}
