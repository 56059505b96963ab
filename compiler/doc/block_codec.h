#pragma once
// A top-level block of the resolved document as bytes, and back (issue 16: memory that does not
// grow with the body). Layout reads the document one top-level block at a time, so the driver
// keeps each block encoded (doc/encoded_blocks.h) and decodes it when a pass reaches it.
//
// Every field of every node is encoded, as compact as it reads: integers as varints (LEB128, as
// DWARF 5 section 7.6 defines them; signed ones zigzag-mapped first, as Protocol Buffers'
// "sint" encoding does), strings as their length then their bytes, no padding. What is not a value
// of the block itself is kept beside the bytes in the codec and encoded by its index there:
// interned names and style lists (doc/name.h), and the images a block shares with others (an
// inline image's node, a decoded picture), so that a decoded block shares them as the original did.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace reportc::doc {

class BlockCodec {
public:
    // `block` appended to `out` as bytes. The codec's tables grow: one thread encodes.
    void encode(const Block& block, std::string& out);
    // The block `bytes` hold; nullopt when they are not a block this codec encoded (cut short,
    // damaged). Reads the tables only: any number of threads may decode at once, once encoding is done.
    std::optional<Block> decode(std::string_view bytes) const;

    struct Writer;  // block_codec.cpp
    struct Reader;

private:
    std::vector<Name> m_names;
    std::vector<StyleList> m_styles;
    std::vector<std::shared_ptr<Image>> m_images;                   // TextRun::image, one per use
    std::vector<std::shared_ptr<const image::Image>> m_decoded;     // Image::decoded, one per use
    // Encoding only: the index of each name and style list, by its text (never by its address).
    std::map<std::string, uint32_t, std::less<>> m_name_index;
    std::map<std::vector<std::string>, uint32_t> m_styles_index;
};

}  // namespace reportc::doc
