// core/motifs/motif_file.cpp: see motif_file.hpp.
#include "motif_file.hpp"

#include "../data/binary_input.hpp"
#include "../data/lines.hpp"
#include "meme.hpp"

namespace helix::motifs {

const char* motif_file_format(std::string_view text)
{
    data::LineReader reader(text);
    for (data::Line l; reader.next_non_blank(l);) {
        const std::string_view line = l.text.substr(data::first_non_space(l.text));
        if (line[0] == '#') continue;
        if (line[0] == '>') return "jaspar";
        if (line.substr(0, 4) == "MEME" || line.substr(0, 5) == "MOTIF") return "meme";
    }
    return "jaspar";
}

data::Parsed<std::vector<Pfm>> parse_motif_file(std::string_view text)
{
    if (auto binary = data::binary_input_error(text)) {
        data::Parsed<std::vector<Pfm>> result;
        result.errors.push_back(std::move(*binary));
        return result;
    }
    return std::string_view(motif_file_format(text)) == "meme" ? parse_meme(text) : parse_jaspar(text);
}

}  // namespace helix::motifs
