#include <gtest/gtest.h>

#include <string>

#include "source/source_compactor.h"
#include "source/source_manager.h"

using namespace reportc;

namespace {

// Large enough to be kept deflated (files under 4 KB stay whole), with lines to locate.
std::string text_of(char c) {
    std::string text;
    for (int line = 0; line < 3000; ++line) text += std::string(20, c) + " line " + std::to_string(line) + "\n";
    return text;
}

}  // namespace

TEST(source_SourceCompactor, AParsedFileIsDeflatedOnItsThreadAndLetGoAtTheNextOne) {
    SourceManager sm;
    SourceCompactor compactor;
    sm.compact_on(&compactor);
    const uint32_t a = sm.add("a.xml", text_of('a'));
    const uint32_t b = sm.add("b.xml", text_of('b'));
    sm.compact_parsed(a);
    compactor.wait();
    // Deflated, but the text is let go on the caller's thread only, at its next call.
    EXPECT_FALSE(sm.file(a)->compacted());
    sm.compact_parsed(b);
    EXPECT_TRUE(sm.file(a)->compacted());
    // compact() waits for the rest and lets the compactor go: later files are compacted at once.
    sm.compact();
    EXPECT_TRUE(sm.file(b)->compacted());
    const uint32_t c = sm.add("c.xml", text_of('c'));
    sm.compact_parsed(c);
    EXPECT_TRUE(sm.file(c)->compacted());
}

TEST(source_SourceCompactor, WithoutACompactorAParsedFileIsCompactedAtOnce) {
    SourceManager sm;
    const uint32_t a = sm.add("a.xml", text_of('a'));
    sm.compact_parsed(a);
    EXPECT_TRUE(sm.file(a)->compacted());
}

TEST(source_SourceCompactor, WhatItDeflatedReadsAsWhatWasCompactedHere) {
    const std::string text = text_of('x');
    SourceManager here, there;
    const uint32_t h = here.add("x.xml", text);
    here.compact_parsed(h);
    SourceCompactor compactor;
    there.compact_on(&compactor);
    const uint32_t t = there.add("x.xml", text);
    there.compact_parsed(t);
    there.compact();
    ASSERT_TRUE(here.file(h)->compacted());
    ASSERT_TRUE(there.file(t)->compacted());
    EXPECT_EQ(here.file(h)->held_bytes(), there.file(t)->held_bytes());
    for (uint32_t at : {0u, 1000u, 40000u, uint32_t(text.size()) - 3}) {
        EXPECT_EQ(there.file(t)->slice(at, at + 50), text.substr(at, 50)) << at;
        EXPECT_EQ(there.file(t)->line_col(at).line, here.file(h)->line_col(at).line) << at;
    }
    EXPECT_EQ(there.file(t)->text(), text);
}

TEST(source_SourceFile, APinnedTextStaysWholeUntilItsReaderIsDone) {
    // A parser holds references into the text it reads; the same file read twice (an include
    // named twice) must not lose its text under the second reader when the first is done.
    SourceManager sm;
    const std::string text = text_of('p');
    const uint32_t id = sm.add("p.xml", text);
    SourceFile& file = *sm.file(id);
    file.pin();
    const std::string& held = file.text();
    file.pin();
    file.unpin();
    sm.compact_parsed(id);  // the first reader done
    EXPECT_FALSE(file.compacted());
    EXPECT_EQ(held, text);
    sm.compact();
    EXPECT_FALSE(file.compacted());
    file.unpin();  // the second reader done
    sm.compact_parsed(id);
    EXPECT_TRUE(file.compacted());
}

TEST(source_SourceCompactor, QueuedFilesItNeverReachedStayWhole) {
    SourceManager sm;
    {
        SourceCompactor compactor;
        sm.compact_on(&compactor);
        for (int i = 0; i < 20; ++i) sm.compact_parsed(sm.add(std::to_string(i) + ".xml", text_of(char('a' + i))));
        sm.compact_on(nullptr);
    }  // gone with work queued: what it did not deflate is whole, and readable
    for (uint32_t id = 1; id <= 20; ++id) EXPECT_EQ(sm.file(id)->text(), text_of(char('a' + id - 1))) << id;
    sm.compact();
    for (uint32_t id = 1; id <= 20; ++id) EXPECT_TRUE(sm.file(id)->compacted()) << id;
}
