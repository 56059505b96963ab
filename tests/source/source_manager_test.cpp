#include <gtest/gtest.h>

#include <vector>

#include "base/utf8.h"
#include "source/environment.h"
#include "source/source_manager.h"

using namespace reportc;

TEST(source_SourceManager, LineAndColumnCountCharacters) {
    // Columns count code points, so a caret sits under the right character after “ or ➢.
    SourceManager sm;
    uint32_t id = sm.add("a.xml", "first\n“x” ➢ <bad/>\nlast");
    auto lc = sm.file(id)->line_col(uint32_t(std::string("first\n“x” ➢ ").size()));
    EXPECT_EQ(lc.line, 2u);
    EXPECT_EQ(lc.column, 7u);
}

TEST(source_SourceManager, UnchangedFileKeepsItsIdAChangedOneGetsANewOne) {
    // A resident compiler adds the same files on every build: the manager grows only with change,
    // and an older version stays readable for the diagnostics that point into it.
    SourceManager sm;
    uint32_t a = sm.add("a.xml", "<p>one</p>");
    EXPECT_EQ(sm.add("a.xml", "<p>one</p>"), a);
    uint32_t changed = sm.add("a.xml", "<p>two</p>");
    EXPECT_NE(changed, a);
    EXPECT_EQ(sm.add("b.xml", "<p>one</p>"), 3u);
    EXPECT_EQ(sm.add("a.xml", "<p>one</p>"), a);
    EXPECT_EQ(sm.size(), 3u);
    EXPECT_EQ(sm.file(a)->text(), "<p>one</p>");
}

TEST(source_SourceManager, AChangedFileOfANewBuildTakesItsOldVersionsPlace) {
    // Watch mode: each build reads the edited file anew; the manager keeps as many versions of a
    // path as one build read (two sheets' listings of one spreadsheet), never one per rebuild.
    SourceManager sm;
    uint32_t a = sm.add("a.xml", "<p>0</p>");
    uint32_t sheet1 = sm.add("b.xlsx", "Sheet1!A1: x", SourceKind::Cells);
    uint32_t sheet2 = sm.add("b.xlsx", "Sheet2!A1: y", SourceKind::Cells);
    EXPECT_NE(sheet1, sheet2);
    for (int i = 1; i <= 50; ++i) {
        sm.start_build();
        EXPECT_EQ(sm.add("a.xml", "<p>" + std::to_string(i) + "</p>"), a);
        EXPECT_EQ(sm.add("b.xlsx", "Sheet1!A1: x" + std::to_string(i), SourceKind::Cells), sheet1);
        EXPECT_EQ(sm.add("b.xlsx", "Sheet2!A1: y", SourceKind::Cells), sheet2);
    }
    EXPECT_EQ(sm.size(), 3u);
    EXPECT_EQ(sm.file(a)->text(), "<p>50</p>");
    EXPECT_EQ(sm.location(sm.span_at(sheet1, 0)), "b.xlsx:Sheet1!A1");
}

TEST(source_SourceManager, RendersLocationLineAndCaret) {
    // The rendering is path:line:col: severity: message, the line, and a caret.
    SourceManager sm;
    uint32_t id = sm.add("r.xml", "<report>\n  <p>x</q>\n</report>\n");
    Diagnostic d{Severity::Error, Span{id, 15, 16}, "expected well-formed XML: start-end tags mismatch"};
    EXPECT_EQ(sm.render(d), "r.xml:2:7: error: expected well-formed XML: start-end tags mismatch\n"
                            "    <p>x</q>\n"
                            "        ^\n");
}

TEST(source_SourceManager, DiagnosticWithoutFile) {
    // A diagnostic with no span still prints a recognisable prefix.
    SourceManager sm;
    EXPECT_EQ(sm.render({Severity::Warning, {}, "something"}), "reportc: warning: something\n");
}

TEST(source_Paths, JoinAndNormalize) {
    // Includes resolve relative to the including file, with . and .. removed.
    EXPECT_EQ(join_path("sources/r", "../../layouts/a.xml"), "layouts/a.xml");
    EXPECT_EQ(join_path("/x/y", "z/./w.xml"), "/x/y/z/w.xml");
    EXPECT_EQ(parent_directory("a/b/c.xml"), "a/b");
    EXPECT_EQ(parent_directory("c.xml"), ".");
}

TEST(source_Utf8, RejectsInvalidAndOverlong) {
    // Truncated sequences, overlong forms and surrogates are invalid.
    EXPECT_EQ(utf8::first_invalid("ok ’ ➢"), std::string_view::npos);
    EXPECT_EQ(utf8::first_invalid("ab\xC3"), 2u);
    EXPECT_EQ(utf8::first_invalid("\xC0\xAF"), 0u);
    EXPECT_EQ(utf8::first_invalid("\xED\xA0\x80"), 0u);
    EXPECT_EQ(utf8::encode(0x27A2), "➢");
}

// ASCII is decoded inline and the longer sequences out of line: a text mixing them decodes to its
// code points, and an invalid byte after ASCII is found where it is and skipped one byte at a time.
TEST(source_Utf8, DecodesAsciiAndLongerSequencesAlike) {
    const std::string text = "a\x7F\xC3\xA9\xE2\x9E\xA2\xF0\x9F\x98\x80z";  // a DEL é ➢ 😀 z
    std::vector<char32_t> got;
    for (size_t pos = 0; pos < text.size();) got.push_back(utf8::decode(text, pos).value_or(0xFFFD));
    EXPECT_EQ(got, (std::vector<char32_t>{U'a', 0x7F, 0xE9, 0x27A2, 0x1F600, U'z'}));
    EXPECT_EQ(utf8::first_invalid("plain ascii words\xFF then"), 17u);
    EXPECT_EQ(utf8::first_invalid("abc\xE2\x9E"), 3u);
    size_t pos = 3;
    EXPECT_EQ(utf8::decode("abc\xFF" "d", pos), std::nullopt);
    EXPECT_EQ(pos, 4u);
    EXPECT_EQ(utf8::decode("abc\xFF" "d", pos), U'd');
}

TEST(source_Environment, MemoryEnvironmentServesFiles) {
    // Tests run the whole pipeline from memory.
    MemoryEnvironment env;
    env.set_file("a/b.xml", "x");
    EXPECT_EQ(env.read_file("a/./b.xml").value_or(""), "x");
    EXPECT_FALSE(env.read_file("a/c.xml").has_value());
}

TEST(source_SourceManager, ACompactedFileStillLocatesAndQuotesEveryLine) {
    // After the reading phase the texts are kept compressed, in blocks: a diagnostic raised or
    // rendered later shows the same location, line and caret; the text is whole again on demand.
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "<p n=\"" + std::to_string(i) + "\">“quoted” ➢ line</p>\n";
    SourceManager sm;
    const uint32_t id = sm.add("big.xml", text);
    std::vector<std::string> before;
    std::vector<uint32_t> offsets;
    for (uint32_t at = 0; at < text.size(); at += 7919) offsets.push_back(at);  // a prime: every place in a block
    for (uint32_t at : {32 * 1024 - 1, 32 * 1024, 32 * 1024 + 2}) offsets.push_back(at);  // a block's end and the next's start
    offsets.push_back(uint32_t(text.size()));
    for (uint32_t at : offsets) before.push_back(sm.render({Severity::Error, Span{id, at, at + 1}, "m"}));
    EXPECT_GE(sm.held_bytes(), text.size());
    sm.compact();
    EXPECT_LT(sm.held_bytes(), text.size() / 4);
    for (size_t k = 0; k < offsets.size(); ++k)
        EXPECT_EQ(sm.render({Severity::Error, Span{id, offsets[k], offsets[k] + 1}, "m"}), before[k]);
    EXPECT_EQ(sm.file(id)->line_text(20000), "<p n=\"19999\">“quoted” ➢ line</p>");
    EXPECT_EQ(sm.file(id)->line_text(20001), "");
    EXPECT_EQ(sm.file(id)->line_text(2), "<p n=\"1\">“quoted” ➢ line</p>");
    // A resident compiler's next build adds the same bytes: the same file, its text whole again.
    sm.start_build();
    EXPECT_EQ(sm.add("big.xml", text), id);
    EXPECT_EQ(sm.file(id)->text(), text);
}

TEST(source_SourceManager, OneFileCompactedAloneAndSlicedAcrossItsBlocks) {
    // A file is deflated as soon as its parse is done (compact(id)), the others stay as they
    // are; a slice of it inflates only its blocks and gives the same bytes, across a block's end.
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "<p n=\"" + std::to_string(i) + "\">line</p>\n";
    SourceManager sm;
    const uint32_t a = sm.add("a.xml", text);
    const uint32_t b = sm.add("b.xml", text + "<!-- b -->");
    sm.file(a)->compact();
    EXPECT_TRUE(sm.file(a)->compacted());
    EXPECT_FALSE(sm.file(b)->compacted());
    for (uint32_t begin : {0u, 100u, 32u * 1024 - 10, 32u * 1024, uint32_t(text.size()) - 5})
        EXPECT_EQ(sm.file(a)->slice(begin, begin + 40), text.substr(begin, 40)) << begin;
    EXPECT_EQ(sm.file(a)->slice(uint32_t(text.size()), uint32_t(text.size()) + 10), "");
    EXPECT_TRUE(sm.file(a)->compacted());  // a slice does not make the text whole
    EXPECT_EQ(sm.file(99), nullptr);
}

TEST(source_SourceManager, TextUntilAStopIsTheSameWholeOrCompactedAcrossBlocks) {
    // The text from an offset to the next '<' (xref's abbreviation check reads a run's source
    // so): within a block, across a block's end, and with no '<' after it (to the end).
    std::string text(40 * 1024, 'x');
    text[100] = '<';
    text[32 * 1024 + 7] = '<';
    SourceManager sm;
    const uint32_t whole = sm.add("whole.xml", text);
    const uint32_t packed = sm.add("packed.xml", text + " ");
    sm.file(packed)->compact();
    ASSERT_TRUE(sm.file(packed)->compacted());
    for (uint32_t id : {whole, packed}) {
        const SourceFile& f = *sm.file(id);
        EXPECT_EQ(f.text_until(0, '<'), std::string(100, 'x')) << id;
        EXPECT_EQ(f.text_until(100, '<'), "") << id;
        EXPECT_EQ(f.text_until(101, '<').size(), 32u * 1024 + 7 - 101) << id;  // across the block's end
        EXPECT_EQ(f.text_until(32 * 1024 + 8, '<').size(), f.slice(32 * 1024 + 8, 1u << 30).size()) << id;  // to the end
        EXPECT_EQ(f.text_until(uint32_t(text.size()) + 5, '<'), "") << id;
    }
    EXPECT_TRUE(sm.file(packed)->compacted());
}

namespace {

// A store in memory; `fail_appends_after` appends succeed, then none; `readable` false: nothing
// stored can be read back (a temporary file gone bad).
struct MemoryStore final : ByteStore {
    std::string bytes;
    size_t appends = 0, reads = 0;
    size_t fail_appends_after = size_t(-1);
    bool readable = true;
    std::optional<Place> append(std::string_view b) override {
        if (appends >= fail_appends_after) return std::nullopt;
        ++appends;
        const Place place{bytes.size(), uint32_t(b.size())};
        bytes.append(b);
        return place;
    }
    bool read(Place place, std::string& out) override {
        ++reads;
        if (!readable || place.offset + place.size > bytes.size()) return false;
        out.assign(bytes, place.offset, place.size);
        return true;
    }
};

std::string numbered_lines(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += "<p n=\"" + std::to_string(i) + "\">“quoted” ➢ line</p>\n";
    return text;
}

}  // namespace

TEST(source_SourceManager, StoredTextsStillLocateAndQuoteEveryLineAndComeBackWhole) {
    // During layout the compacted texts beyond a budget wait in a store (the build's temporary
    // file): a diagnostic then reads its block from it, with the same location, line and caret;
    // take_back() brings them into memory again, before the store goes.
    const std::string text = numbered_lines(20000);
    SourceManager sm;
    const uint32_t kept = sm.add("kept.xml", numbered_lines(300));
    const uint32_t id = sm.add("big.xml", text);
    const uint32_t whole = sm.add("whole.xml", numbered_lines(200));  // never compacted: stays whole
    std::vector<uint32_t> offsets;
    for (uint32_t at = 0; at < text.size(); at += 7919) offsets.push_back(at);
    offsets.push_back(uint32_t(text.size()));
    std::vector<std::string> before;
    for (uint32_t at : offsets) before.push_back(sm.render({Severity::Error, Span{id, at, at + 1}, "m"}));
    sm.file(kept)->compact();
    sm.file(id)->compact();
    const size_t compacted = sm.held_bytes();
    MemoryStore store;
    // The first file fits the budget and stays; the big one goes to the store.
    sm.store_in(store, sm.file(kept)->held_bytes());
    EXPECT_EQ(sm.files_stored(), 1u);
    EXPECT_FALSE(sm.file(kept)->stored());
    EXPECT_TRUE(sm.file(id)->stored());
    EXPECT_FALSE(sm.file(whole)->stored());
    EXPECT_LT(sm.held_bytes() + store.bytes.size() / 2, compacted);
    for (size_t k = 0; k < offsets.size(); ++k)
        EXPECT_EQ(sm.render({Severity::Error, Span{id, offsets[k], offsets[k] + 1}, "m"}), before[k]);
    EXPECT_GT(store.reads, 0u);
    EXPECT_EQ(sm.file(id)->text_until(0, '>'), "<p n=\"0\"");
    sm.take_back();
    EXPECT_FALSE(sm.file(id)->stored());
    EXPECT_EQ(sm.held_bytes(), compacted);
    store.bytes.clear();  // gone: what is asked now is answered from memory
    for (size_t k = 0; k < offsets.size(); ++k)
        EXPECT_EQ(sm.render({Severity::Error, Span{id, offsets[k], offsets[k] + 1}, "m"}), before[k]);
    EXPECT_EQ(sm.file(id)->text(), text);
}

TEST(source_SourceManager, AStoreThatCannotKeepOrGiveBackLosesNoLocation) {
    // A store that refuses bytes part way: the file's blocks stay in memory, nothing lost. A store
    // whose bytes cannot be read back: locations stay right (the line starts are in memory), the
    // line is quoted empty, and nothing throws, before take_back and after it.
    const std::string text = numbered_lines(20000);
    const uint32_t at = uint32_t(text.size() / 2);
    {
        SourceManager sm;
        const uint32_t id = sm.add("big.xml", text);
        const std::string before = sm.render({Severity::Error, Span{id, at, at + 1}, "m"});
        sm.compact();
        MemoryStore full;
        full.fail_appends_after = 3;
        sm.store_in(full, 0);
        EXPECT_EQ(sm.files_stored(), 0u);
        EXPECT_FALSE(sm.file(id)->stored());
        EXPECT_EQ(sm.render({Severity::Error, Span{id, at, at + 1}, "m"}), before);
    }
    SourceManager sm;
    const uint32_t id = sm.add("big.xml", text);
    const LineCol where = sm.file(id)->line_col(at);
    sm.compact();
    MemoryStore bad;
    bad.readable = false;
    sm.store_in(bad, 0);
    ASSERT_EQ(sm.files_stored(), 1u);
    for (int taken_back = 0; taken_back < 2; ++taken_back) {
        EXPECT_EQ(sm.file(id)->line_col(at).line, where.line) << taken_back;
        EXPECT_GE(sm.file(id)->line_col(at).column, where.column) << taken_back;  // counted in bytes: no fewer
        EXPECT_EQ(sm.file(id)->line_text(where.line), "") << taken_back;
        const std::string rendered = sm.render({Severity::Error, Span{id, at, at + 1}, "m"});
        EXPECT_EQ(rendered.substr(0, rendered.find(':', 8) + 1), "big.xml:" + std::to_string(where.line) + ":") << taken_back;
        sm.take_back();
    }
    EXPECT_FALSE(sm.file(id)->stored());
}

TEST(source_SourceManager, FilesCompactedAfterTheStoreIsSetAreWeighedAsTheyAreCompacted) {
    // The store is set before the reading (SourceManager::store_in): each file parsed is compacted
    // (compact_parsed) and then kept within the budget or stored, in the order they are done, on
    // this thread or after a compactor deflated it; take_back() brings every one back.
    for (bool apart : {false, true}) {
        SourceManager sm;
        MemoryStore store;
        const std::string text = numbered_lines(3000);
        sm.store_in(store, 1);  // nothing fits
        SourceCompactor compactor;
        if (apart) sm.compact_on(&compactor);
        const uint32_t a = sm.add("a.xml", text);
        sm.compact_parsed(a);
        const uint32_t b = sm.add("b.xml", text + "<!-- b -->");
        sm.compact_parsed(b);
        const uint32_t small = sm.add("small.xml", "<p/>");  // too small to compact: stays whole
        sm.compact_parsed(small);
        sm.compact();  // the compactor's work waited for and let go
        EXPECT_TRUE(sm.file(a)->stored()) << apart;
        EXPECT_TRUE(sm.file(b)->stored()) << apart;
        EXPECT_FALSE(sm.file(small)->stored()) << apart;
        EXPECT_EQ(sm.files_stored(), 2u) << apart;
        EXPECT_EQ(sm.file(b)->line_text(3001), "<!-- b -->") << apart;
        sm.take_back();
        EXPECT_FALSE(sm.file(a)->stored()) << apart;
        EXPECT_EQ(sm.file(a)->text(), text) << apart;
        // The store is no longer set: a file compacted now stays in memory.
        const uint32_t c = sm.add("c.xml", text + "<!-- c -->");
        sm.compact_parsed(c);
        EXPECT_TRUE(sm.file(c)->compacted());
        EXPECT_FALSE(sm.file(c)->stored());
    }
}
