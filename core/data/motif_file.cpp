// core/data/motif_file.cpp: see motif_file.hpp.
#include "motif_file.hpp"

#include "binary_input.hpp"
#include "lines.hpp"
#include "meme.hpp"

namespace helix::data {

const char* motif_file_format(std::string_view text)
{
    LineReader reader(text);
    for (Line l; reader.next_non_blank(l);) {
        const std::string_view line = l.text.substr(first_non_space(l.text));
        if (line[0] == '#') continue;
        if (line[0] == '>') return "jaspar";
        if (line.substr(0, 4) == "MEME" || line.substr(0, 5) == "MOTIF") return "meme";
    }
    return "jaspar";
}

Parsed<std::vector<Pfm>> parse_motif_file(std::string_view text)
{
    if (auto binary = binary_input_error(text)) {
        Parsed<std::vector<Pfm>> result;
        result.errors.push_back(std::move(*binary));
        return result;
    }
    return std::string_view(motif_file_format(text)) == "meme" ? parse_meme(text) : parse_jaspar(text);
}

}  // namespace helix::data
