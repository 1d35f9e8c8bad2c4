// core/data/fasta.cpp: FASTA parsing in one pass over string_views; each base is copied once.
#include "fasta.hpp"

#include "alphabet.hpp"
#include "lines.hpp"

namespace helix::data {

Parsed<SequenceSet> parse_fasta(std::string_view text)
{
    Parsed<SequenceSet> result;
    SequenceSet& set = result.value;
    ErrorCollector errors;
    bool in_record = false;
    bool has_sequence_lines = false;  // distinguishes an empty record from one whose bases were all bad
    bool reported_preamble = false;

    const auto close_record = [&] {
        if (in_record && !has_sequence_lines)
            errors.add(set.lines.back(), 1, "",
                       "record '" + set.ids.back() +
                           "' has no sequence: the line after a '>' header "
                           "must hold its bases");
    };

    LineReader reader(text);
    Line line;
    while (reader.next(line)) {
        const std::size_t first = first_non_space(line.text);
        if (first == std::string_view::npos) continue;
        if (line.text[first] == '>') {
            close_record();
            std::size_t b = first + 1;
            while (b < line.text.size() && is_space(line.text[b])) ++b;
            std::size_t e = b;
            while (e < line.text.size() && !is_space(line.text[e])) ++e;
            if (e > b)
                set.ids.emplace_back(line.text.substr(b, e - b));
            else
                set.ids.push_back("seq" + std::to_string(set.ids.size() + 1));
            set.sequences.emplace_back();
            set.lines.push_back(line.number);
            in_record = true;
            has_sequence_lines = false;
            continue;
        }
        if (!in_record) {
            if (!reported_preamble)
                errors.add(line.number, column_of(line.text, first), "",
                           "text before the first header: a FASTA record starts with a line '>name', "
                           "followed by its sequence");
            reported_preamble = true;
            continue;
        }
        has_sequence_lines = true;
        append_bases(line.text, 0, line.text.size(), line.number, "", set.sequences.back(), errors);
    }
    close_record();
    if (set.sequences.empty() && !reported_preamble)
        errors.add(1, 1, "", "no sequences found: FASTA records start with a line '>name'");
    errors.move_into(result);
    return result;
}

}  // namespace helix::data
