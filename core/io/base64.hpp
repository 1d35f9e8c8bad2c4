// core/io/base64.hpp: RFC 4648 base64, used to store float32 weights inside a JSON model file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace helix::io {

std::string base64_encode(const std::uint8_t* data, std::size_t n);
// False on a character outside the alphabet or a length that is not a multiple of 4.
bool base64_decode(const std::string& text, std::vector<std::uint8_t>& out);

}  // namespace helix::io
