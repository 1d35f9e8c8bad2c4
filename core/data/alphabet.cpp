// core/data/alphabet.cpp: validation of sequence text, shared by FASTA, tables and plain lines.
#include "alphabet.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

#include "lines.hpp"

namespace helix::data {
namespace {

constexpr std::array<char, 256> make_base_table()
{
    std::array<char, 256> table{};
    for (char b : kDnaBases) {
        table[static_cast<unsigned char>(b)] = b;
        table[static_cast<unsigned char>(b - 'A' + 'a')] = b;
    }
    return table;
}
constexpr std::array<char, 256> kBaseTable = make_base_table();

// Decodes one UTF-8 character; `valid` is false for a byte that does not start a well-formed one.
std::uint32_t decode_utf8(std::string_view s, std::size_t i, std::size_t* length, bool* valid)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    *valid = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; *valid && k < n; ++k) *valid = (byte(i + k) & 0xC0) == 0x80;
    if (!*valid) {
        *length = 1;
        return c;
    }
    *length = n;
    if (n == 1) return c;
    std::uint32_t cp = c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
    return cp;
}

// Names for invisible or look-alike characters that text copied from documents and web pages carries.
const char* character_name(std::uint32_t cp)
{
    switch (cp) {
        case 0x00A0:
            return "no-break space";
        case 0x200B:
            return "zero-width space";
        case 0xFEFF:
            return "byte order mark";
        case 0x2013:
            return "en dash";
        case 0x2014:
            return "em dash";
        case 0x2212:
            return "minus sign";
        case 0x00AD:
            return "soft hyphen";
        case 0xFFFD:
            return "replacement character: the file was not saved as UTF-8 text";
        default:
            return nullptr;
    }
}

// A hint after the character for the mistakes we can guess.
const char* hint_for(char c)
{
    if (c == 'U' || c == 'u') return ": RNA has U where DNA has T";
    if (c == '-' || c == '.') return ": alignment gaps are not bases";
    if (c >= '0' && c <= '9') return ": remove position numbers";
    // Amino-acid letters that are not IUPAC DNA codes: the sequence is most likely a protein.
    for (char p : std::string_view("EFILPQefilpq"))
        if (c == p) return ": a protein letter; Helix reads DNA sequences";
    return "";
}

}  // namespace

char dna_base(char c)
{
    return kBaseTable[static_cast<unsigned char>(c)];
}

std::string describe_character(std::string_view text, std::size_t offset, std::size_t* length)
{
    bool valid = false;
    const std::uint32_t cp = decode_utf8(text, offset, length, &valid);
    char buf[48];
    if (!valid) {
        std::snprintf(buf, sizeof buf, "byte 0x%02X (not UTF-8 text)", static_cast<unsigned>(cp));
        return buf;
    }
    if (cp >= 0x21 && cp < 0x7F) return std::string("'") + static_cast<char>(cp) + "'";
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    std::string out = buf;
    if (const char* name = character_name(cp)) out = out + " (" + name + ")";
    return out;
}

std::size_t append_bases(std::string_view line, std::size_t begin, std::size_t end, int line_number,
                         std::string_view field, std::string& out, ErrorCollector& errors)
{
    std::size_t bad = 0;
    // Columns of errors are found in increasing order, so each is counted on from the previous one.
    std::size_t counted_to = 0;
    int column = 1;
    std::size_t i = begin;
    while (i < end) {
        const char base = kBaseTable[static_cast<unsigned char>(line[i])];
        if (base != '\0') {
            out.push_back(base);
            ++i;
            continue;
        }
        if (is_space(line[i])) {
            ++i;
            continue;
        }
        ++bad;
        std::size_t length = 1;
        if (errors.full()) {
            bool valid = false;
            decode_utf8(line, i, &length, &valid);
            errors.count_more();
        } else {
            column += column_of(line.substr(counted_to), i - counted_to) - 1;
            counted_to = i;
            std::string what = describe_character(line, i, &length);
            if (!field.empty()) what += " in column '" + std::string(field) + "'";
            what += " is not a DNA base";
            what += hint_for(line[i]);
            what += " (";
            what += kAllowedBases;
            what += ")";
            errors.add(line_number, column, field, what);
        }
        i += length;
    }
    return bad;
}

std::string reverse_complement(const std::string& s)
{
    std::string rc(s.rbegin(), s.rend());
    for (char& c : rc) c = c == 'A' ? 'T' : c == 'T' ? 'A' : c == 'C' ? 'G' : c == 'G' ? 'C' : c;
    return rc;
}

}  // namespace helix::data
