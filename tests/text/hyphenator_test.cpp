// Hyphenation points from Debian's hyph_en_US.dic, with the cleaning libhyphen needs
// (docs/libharu-notes.md §L16).
#include <gtest/gtest.h>

#include <thread>

#include "test_paths.h"
#include "text/hyphenator.h"

namespace reportc::text {
namespace {

using namespace testing_paths;
using Points = std::vector<size_t>;

class text_Hyphenator : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string error;
        std::vector<char> bytes = read_bytes(kDictionary);
        hyphenator = Hyphenator::load(kDictionary, std::string(bytes.begin(), bytes.end()), error).release();
        ASSERT_NE(hyphenator, nullptr) << error;
    }
    static void TearDownTestSuite() {
        delete hyphenator;
        hyphenator = nullptr;
    }
    static Points points(std::string_view word) { return hyphenator->points(word); }
    static Hyphenator* hyphenator;
};
Hyphenator* text_Hyphenator::hyphenator = nullptr;

// Inserts '=' at the points, to make failures readable.
std::string show(std::string_view word, const Points& points) {
    std::string out;
    size_t last = 0;
    for (size_t p : points) {
        out.append(word.substr(last, p - last)).append("=");
        last = p;
    }
    return out.append(word.substr(last));
}

TEST_F(text_Hyphenator, PlainWord) {
    // The raw libhyphen result (docs/libharu-notes.md §L16): hy-phen-ation.
    EXPECT_EQ(points("hyphenation"), (Points{2, 6}));
    EXPECT_EQ(show("certificate", points("certificate")), "cer=tifi=cate");
    EXPECT_EQ(show("responsibilities", points("responsibilities")), "re=spon=si=bil=i=ties");
}

TEST_F(text_Hyphenator, CapitalisedWordIsLoweredFirst) {
    // Raw libhyphen gives "Hyphen-ation" for the capitalised word; lowering restores hy-phen.
    EXPECT_EQ(points("Hyphenation"), (Points{2, 6}));
    EXPECT_EQ(show("Évaluation", points("Évaluation")), "Éval=u=a=tion");  // É lowered too
}

TEST_F(text_Hyphenator, AllCapitalWordsGetTheirPoints) {
    // The policy decides what a break in them costs (word_case); the points are the lowercase ones.
    EXPECT_EQ(points("HYPHENATION"), (Points{2, 6}));
    EXPECT_EQ(show("ÉVALUATION", points("ÉVALUATION")), "ÉVAL=U=A=TION");
    EXPECT_EQ(show("(UNOHRLLS)", points("(UNOHRLLS)")), "(UN=OHRLLS)");  // as TeX and FOP broke it
    EXPECT_EQ(points("(UNOHRLLS)"), points("(unohrlls)"));
}

TEST_F(text_Hyphenator, WordCaseForThePolicy) {
    EXPECT_EQ(Hyphenator::word_case("hyphenation"), Hyphenator::Case::Lower);
    EXPECT_EQ(Hyphenator::word_case("Korea"), Hyphenator::Case::Capitalized);
    EXPECT_EQ(Hyphenator::word_case("(Pattarapak),"), Hyphenator::Case::Capitalized);
    EXPECT_EQ(Hyphenator::word_case("Évaluation"), Hyphenator::Case::Capitalized);
    EXPECT_EQ(Hyphenator::word_case("(UNOHRLLS)"), Hyphenator::Case::Upper);
    EXPECT_EQ(Hyphenator::word_case("ASEAN's"), Hyphenator::Case::Capitalized);  // the 's is lowercase
    EXPECT_EQ(Hyphenator::word_case("A"), Hyphenator::Case::Capitalized);
}

TEST_F(text_Hyphenator, DigitsAndAddressesGetNothing) {
    // Numbers and URLs/e-mail addresses are never broken.
    for (const char* word : {"2020", "2020/21", "COVID19", "hyphenation2",
                             "www.rocb-ap.org", "WWW.ROCB-AP.ORG", "info@rocbap.org", "https://example.org/hyphenation",
                             "hyphenation/documentation"})
        EXPECT_EQ(points(word), Points{}) << word;
}

TEST_F(text_Hyphenator, ShortWordsGetNothing) {
    // Fewer than five letters: never hyphenated, even where patterns would allow it.
    for (const char* word : {"word", "into", "also", "“four”", "a", ""}) EXPECT_EQ(points(word), Points{}) << word;
    EXPECT_EQ(points("table"), (Points{2}));  // five letters is enough: ta-ble
}

TEST_F(text_Hyphenator, SurroundingPunctuationIsStrippedAndOffsetsMappedBack) {
    // Curly quotes are 3 bytes each: “hy=phen=ation” has its points 3 bytes later.
    EXPECT_EQ(points("\u201Chyphenation\u201D"), (Points{5, 9}));
    EXPECT_EQ(points("(Hyphenation),"), (Points{3, 7}));
    EXPECT_EQ(points("administration."), (Points{2, 5, 7, 10}));
    EXPECT_EQ(points("administration"), (Points{2, 5, 7, 10}));
}

TEST_F(text_Hyphenator, PossessiveSuffixIsNotPartOfTheWord) {
    // "organization's" breaks like "organization", and never inside the "'s".
    EXPECT_EQ(points("organization"), (Points{2, 4, 6, 8}));
    EXPECT_EQ(points("organization's"), (Points{2, 4, 6, 8}));
    EXPECT_EQ(points("organization\u2019s"), (Points{2, 4, 6, 8}));
}

TEST_F(text_Hyphenator, WordsWithADashBreakOnlyThere) {
    // The reader of the 2020-21 report found "E-Com-merce", "Co\u2011opera-tion" and
    // "e-Newslet-ter": a word that has a dash gets no points at all (the dash is the break).
    for (const char* word : {"cross-borders", "capacity-building", "ROCB-supported", "Asia\u2013Pacific", "re-enter",
                             "E-Commerce", "Co\u2011operation", "e-Newsletter", "self\u2010assessment", "(E-Commerce)."})
        EXPECT_EQ(show(word, points(word)), word) << word;
}

TEST_F(text_Hyphenator, NonAsciiLettersGiveByteOffsets) {
    // "coöperation": ö is 2 bytes, so character indices 6 and 7 are bytes 7 and 8.
    Points p = points("co\u00F6peration");
    EXPECT_EQ(p, (Points{7, 8}));
    EXPECT_EQ(show("co\u00F6peration", p), "co\u00F6per=a=tion");
    EXPECT_EQ(points("cooperation"), (Points{2, 4, 6, 7}));
}

TEST_F(text_Hyphenator, InnerNonLettersAreLeftAlone) {
    // Apostrophes inside, abbreviations with dots and soft hyphens: the author decides.
    for (const char* word : {"rock'n'roll", "e.g.", "i.e.,", "hyphen\u00ADation", "hyphen_ation"})
        EXPECT_EQ(points(word), Points{}) << word;
}

TEST_F(text_Hyphenator, MinimumFragmentsHoldForEveryPoint) {
    // At least 2 characters before and 3 after each point, for long and accented words.
    for (const char* word : {"electroencephalography", "accessibility", "documentation", "internationalization",
                             "Ångströmmeter", "\u201Cresponsibilities,\u201D", "ADMINISTRATION", "Pattarapak",
                             "Anuntasilpa", "(UNOHRLLS)", "Developing"}) {
        Points p = points(word);
        std::string_view w(word);
        for (size_t at : p) {
            size_t before = 0, after = 0;
            for (size_t i = 0; i < at; ++i) before += (uint8_t(w[i]) & 0xC0) != 0x80 && std::isalpha(uint8_t(w[i])) ? 1 : 0;
            for (size_t i = at; i < w.size(); ++i) after += (uint8_t(w[i]) & 0xC0) != 0x80 ? 1 : 0;
            EXPECT_GE(before, 2u) << show(word, p);
            EXPECT_GE(after, 3u) << show(word, p);
            EXPECT_NE(uint8_t(w[at]) & 0xC0, 0x80u) << "point inside a UTF-8 sequence: " << show(word, p);
        }
    }
}

TEST_F(text_Hyphenator, RepeatedCallsAreCachedAndEqual) {
    // The cache must return the same answer as the first computation.
    Points first = points("documentation");
    EXPECT_EQ(points("documentation"), first);
    EXPECT_EQ(first, (Points{3, 4, 7, 9}));
}

TEST(text_HyphenatorLoad, LoadsFromBytesAloneUnderAPathThatDoesNotExist) {
    // Only the bytes are parsed (libhyphen reads them through a memory FILE*); the path is a name.
    std::vector<char> bytes = read_bytes(kDictionary);
    std::string error;
    auto h = Hyphenator::load("/nonexistent/hyph.dic", std::string(bytes.begin(), bytes.end()), error);
    ASSERT_TRUE(h) << error;
    EXPECT_EQ(h->points("documentation"), (Points{3, 4, 7, 9}));
}

TEST(text_HyphenatorLoad, ReadsOnceThroughTheEnvironment) {
    // A dictionary that exists only in a MemoryEnvironment loads; a path the environment cannot
    // read is an error naming it.
    std::vector<char> bytes = read_bytes(kDictionary);
    MemoryEnvironment env;
    env.set_file("dictionaries/en.dic", std::string(bytes.begin(), bytes.end()));
    std::string error;
    auto h = Hyphenator::read(env, "dictionaries/en.dic", error);
    ASSERT_TRUE(h) << error;
    EXPECT_EQ(h->points("documentation"), (Points{3, 4, 7, 9}));
    EXPECT_EQ(Hyphenator::read(env, "/nonexistent/hyph.dic", error), nullptr);
    EXPECT_EQ(error, "cannot read hyphenation dictionary '/nonexistent/hyph.dic': no such file");
}

TEST(text_HyphenatorLoad, NotUtf8IsAnError) {
    // A file that is not a UTF-8 pattern file is refused with a message.
    std::string error;
    const std::string latin1 = "/nonexistent/latin1.dic";
    EXPECT_EQ(Hyphenator::load(latin1, "ISO8859-1\n1ba\n", error), nullptr);
    EXPECT_EQ(error, "hyphenation dictionary '" + latin1 + "' is not UTF-8: its first line is 'ISO8859-1', expected 'UTF-8'");
    EXPECT_EQ(Hyphenator::load(latin1, "", error), nullptr);
    EXPECT_EQ(error, "hyphenation dictionary '" + latin1 + "' is not UTF-8: its first line is '', expected 'UTF-8'");
}

TEST(text_HyphenatorLoad, RepeatedPatternsAndNohyphenLinesAreErrors) {
    // libhyphen leaked what it dropped (LeakSanitizer); the same entry on another level is fine.
    std::string error;
    const std::string dic = "/nonexistent/odd.dic";
    EXPECT_EQ(Hyphenator::load(dic, "UTF-8\nab1c\n% note\nab2c\n", error), nullptr);
    EXPECT_EQ(error, "hyphenation dictionary '" + dic + "': line 4 repeats the pattern 'abc' of line 2 (libhyphen takes each once per level)");
    EXPECT_EQ(Hyphenator::load(dic, "UTF-8\n1a1\na2/x=y,1,1\n", error), nullptr);
    EXPECT_EQ(error, "hyphenation dictionary '" + dic + "': line 3 repeats the pattern 'a' of line 2 (libhyphen takes each once per level)");
    EXPECT_EQ(Hyphenator::load(dic, "UTF-8\nNOHYPHEN a,b\nNOHYPHEN c\n", error), nullptr);
    EXPECT_EQ(error, "hyphenation dictionary '" + dic + "': line 3 repeats NOHYPHEN of line 2 (libhyphen takes each once per level)");
    error.clear();
    EXPECT_NE(Hyphenator::load(dic, "UTF-8\nLEFTHYPHENMIN 2\nab1c\nNOHYPHEN a\nNEXTLEVEL\nab1c\nNOHYPHEN b\n", error), nullptr) << error;
}

TEST(text_HyphenatorLoad, RefusalFindsWhatLoadRefusesWithItsMessage) {
    // What refuses a dictionary is found without the parse (the driver parses on another thread
    // and reports this where the error always was): the same message as load()'s.
    const std::string dic = "/nonexistent/odd.dic";
    for (std::string bytes : {"ISO8859-1\n1ba\n", "", "UTF-8\nab1c\nab2c\n", "ISO8859-1\nab1c\nab2c\n"}) {
        std::string error;
        EXPECT_EQ(Hyphenator::load(dic, bytes, error), nullptr);
        EXPECT_EQ(Hyphenator::refusal(dic, bytes), error) << bytes;
    }
    std::vector<char> bytes = read_bytes(kDictionary);
    EXPECT_EQ(Hyphenator::refusal(kDictionary, std::string_view(bytes.data(), bytes.size())), std::nullopt);
    std::string error;
    auto h = Hyphenator::load_checked(kDictionary, std::string(bytes.begin(), bytes.end()), error);
    ASSERT_TRUE(h) << error;
    EXPECT_EQ(h->points("documentation"), (Points{3, 4, 7, 9}));
}

TEST(text_HyphenatorLoad, RefusalReadsTheFirstLineAsLibhyphenDoes) {
    // libhyphen takes at most 19 bytes of the first line as the character set's name, CR and LF
    // cut it, and the rest of a longer line is read as a pattern: refusal() decides as the
    // parse's own UTF-8 flag does, whatever the first line.
    const std::string dic = "/nonexistent/first-line.dic";
    for (const std::string& first : std::vector<std::string>{"UTF-8", "UTF-8\r", "UTF-8 ", "utf-8", "ISO8859-1", "UTF-8\rx", "0123456789012345678UTF-8",
                              "UTF-8xxxxxxxxxxxxxx", "UTF-8xxxxxxxxxxxxxxyz", std::string("UTF-8\0x", 7)}) {
        const std::string bytes = first + "\n1ba\n";
        std::string parsed_error;
        const bool parsed = Hyphenator::load_checked(dic, bytes, parsed_error) != nullptr;
        const auto why = Hyphenator::refusal(dic, bytes);
        EXPECT_EQ(!why, parsed) << first;
        if (why) {
            EXPECT_EQ(*why, parsed_error) << first;
        }
    }
}

}  // namespace
}  // namespace reportc::text

namespace reportc::text {
namespace {

TEST(text_HyphenatorShared, AnotherThreadsHyphenatorSharesTheDictionaryAndGivesTheSamePoints) {
    // The threads that set paragraphs ahead (driver/ahead.h) hyphenate with another() of the
    // resources' hyphenator: one parse of the dictionary, read by both at once, each with a
    // cache of its own; and the copy outlives the original.
    using namespace testing_paths;
    std::string error;
    std::vector<char> bytes = read_bytes(kDictionary);
    auto original = Hyphenator::load(kDictionary, std::string(bytes.begin(), bytes.end()), error);
    ASSERT_NE(original, nullptr) << error;
    std::vector<std::string> words;
    for (const char* w : {"hyphenation", "administration", "implementation", "organization's", "Korea", "ASEAN",
                          "cooperation", "facilitation", "modernization", "enforcement", "development", "partnership"})
        for (int i = 0; i < 50; ++i) words.push_back(std::string(w) + (i % 2 ? "" : "s"));
    std::vector<std::vector<size_t>> expected;
    {
        auto fresh = Hyphenator::load(kDictionary, std::string(bytes.begin(), bytes.end()), error);
        for (const auto& w : words) expected.push_back(fresh->points(w));
    }
    auto other = original->another();
    std::vector<std::vector<size_t>> on_thread(words.size()), here(words.size());
    std::thread thread([&] {
        for (size_t i = 0; i < words.size(); ++i) on_thread[i] = other->points(words[i]);
    });
    for (size_t i = 0; i < words.size(); ++i) here[i] = original->points(words[i]);
    thread.join();
    EXPECT_EQ(on_thread, expected);
    EXPECT_EQ(here, expected);
    // Words neither cache has seen, looked up in the dictionary after the original is gone.
    const std::vector<std::string> later = {"communication", "international", "representatives"};
    std::vector<std::vector<size_t>> later_expected;
    {
        auto fresh = Hyphenator::load(kDictionary, std::string(bytes.begin(), bytes.end()), error);
        for (const auto& w : later) later_expected.push_back(fresh->points(w));
    }
    original.reset();
    for (size_t i = 0; i < later.size(); ++i) {
        EXPECT_FALSE(later_expected[i].empty()) << later[i];
        EXPECT_EQ(other->points(later[i]), later_expected[i]) << later[i];
    }
}

}  // namespace
}  // namespace reportc::text
