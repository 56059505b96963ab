// Tests of the compare-text core (tools/compare_text_core.h): tokenising (plain and TSV
// extraction), normalisation, line-break joins, in-order alignment, the nearby (local
// reordering) and bag-of-words figures and the report format, on strings (no PDF needed).
#include "compare_text_core.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace reportc::tools {
namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const Token& t : tokens) out.push_back(t.text);
    return out;
}

std::string run_text(const MissingRun& run) {
    std::string out = "L";
    out += std::to_string(run.line);
    if (run.last_line != run.line) {
        out += '-';
        out += std::to_string(run.last_line);
    }
    out += ':';
    for (const auto& w : run.words) out += " " + w;
    return out;
}

std::vector<std::string> runs(const Comparison& c) {
    std::vector<std::string> out;
    for (const auto& r : c.missing) out.push_back(run_text(r));
    return out;
}

// "w<n>" (built by append: GCC 12 warns falsely about operator+ with to_string).
std::string word(unsigned n) {
    std::string out = "w";
    out += std::to_string(n);
    return out;
}

// Options for pdftotext's plain text (the --plain mode).
CompareOptions plain(int from_line = 1, int to_line = std::numeric_limits<int>::max()) {
    CompareOptions options;
    options.format = PdfTextFormat::plain;
    options.from_line = from_line;
    options.to_line = to_line;
    return options;
}

CompareOptions tsv_window(std::size_t window) {
    CompareOptions options;
    options.window = window;
    return options;
}

// What `pdftotext -tsv` writes for `text`: '\n' ends a line, a blank line starts a new flow
// (block), '\f' starts a new page. Rows: level page par block line word left top width height
// conf text; levels 1 (page), 3 (flow), 4 (line), 5 (word).
std::string tsv(std::string_view text) {
    std::string out = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";
    int page = 1, flow = -1, line = 0;
    bool new_flow = true;
    auto row = [&](int level, int l, int w, const std::string& t) {
        out += std::to_string(level) + "\t" + std::to_string(page) + "\t" + std::to_string(flow) + "\t0\t" +
               std::to_string(l) + "\t" + std::to_string(w) + "\t70.87\t100.00\t30.00\t12.00\t" +
               (level == 5 ? "100" : "-1") + "\t" + t + "\n";
    };
    row(1, 0, 0, "###PAGE###");
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find_first_of("\n\f", pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view content = text.substr(pos, end - pos);
        std::vector<std::string> words;
        std::size_t i = 0;
        while (i < content.size()) {
            while (i < content.size() && content[i] == ' ') ++i;
            const std::size_t start = i;
            while (i < content.size() && content[i] != ' ') ++i;
            if (i > start) words.emplace_back(content.substr(start, i - start));
        }
        if (words.empty()) {
            new_flow = true;
        } else {
            if (new_flow) {
                ++flow;
                line = 0;
                row(3, 0, 0, "###FLOW###");
                new_flow = false;
            } else {
                ++line;
            }
            row(4, line, 0, "###LINE###");
            for (std::size_t w = 0; w < words.size(); ++w) row(5, line, int(w), words[w]);
        }
        if (end < text.size() && text[end] == '\f') {
            ++page;
            flow = -1;
            line = 0;
            new_flow = true;
            row(1, 0, 0, "###PAGE###");
        }
        pos = end + 1;
    }
    return out;
}

TEST(tools_CompareTextTokens, SourcePageMarkersAreNotContent) {
    // L1 and L4 are page markers (one leading space); L4 holds nothing else.
    const std::string source = " Annual Report 2020/21\nExecutive Summary\nThe office was\n \nestablished in 2004.\n";
    const auto tokens = tokenize_source(source);
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"Annual", "Report", "2020/21", "Executive", "Summary", "The",
                                                       "office", "was", "established", "in", "2004."}));
    EXPECT_EQ(tokens.front().line, 1);
    EXPECT_EQ(tokens.back().line, 5);

    // The PDF has the same words with its own page furniture and no page-marker spaces.
    const std::string pdf = "Annual Report 2020/21\n\nExecutive Summary\n\nThe office was\n\f3\n\n"
                            "Annual Report 2020/21\n\nestablished in 2004.\n\f";
    const auto c = compare_texts(source, pdf, plain());
    EXPECT_EQ(c.source_words, 11u);
    EXPECT_EQ(c.found, 11u);
    EXPECT_TRUE(c.missing.empty());
    EXPECT_EQ(format_report(c, 50),
              "source words: 11\nstrict in order: 11 (100.00%)\n"
              "in order with local reordering (\u00B1400 PDF words): 11 (100.00%)\n"
              "present anywhere: 11 (100.00%)\nmissing (not even nearby): 0 words in 0 runs (showing 0)\n");
    // The same PDF read through the TSV extraction.
    EXPECT_EQ(compare_texts(source, tsv(pdf)).found, 11u);
}

TEST(tools_CompareTextTokens, SourceLineRange) {
    const std::string source = " Title\none two\nthree four\n five\n";
    EXPECT_EQ(texts(tokenize_source(source, 2, 3)), (std::vector<std::string>{"one", "two", "three", "four"}));
    EXPECT_EQ(texts(tokenize_source(source, 4)), (std::vector<std::string>{"five"}));
    const auto c = compare_texts(source, "zero one two three\n", plain(2, 3));
    EXPECT_EQ(c.source_words, 4u);
    EXPECT_EQ(c.found, 3u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L3: four"}));
}

TEST(tools_CompareTextPlain, PdfLineEndHyphenJoinsWithAndWithoutHyphen) {
    const auto tokens = tokenize_pdf("the cross-\nborders trade and face-to-\nface meetings\n");
    ASSERT_EQ(tokens.size(), 6u);
    EXPECT_EQ(tokens[1].text, "cross-borders");
    EXPECT_EQ(tokens[1].alt, "crossborders");
    EXPECT_EQ(tokens[4].text, "face-to-face");
    EXPECT_EQ(tokens[4].alt, "face-toface");
    EXPECT_EQ(tokens[5].text, "meetings");

    // Either spelling in the source matches.
    const std::string pdf = "the cross-\nborders trade and the cap-\nacity of customs\n";
    EXPECT_EQ(compare_texts("the crossborders trade and the capacity of customs\n", pdf, plain()).found, 8u);
    EXPECT_EQ(compare_texts("the cross-borders trade and the cap-acity of customs\n", pdf, plain()).found, 8u);
    // The split halves are no longer words of their own.
    const auto c = compare_texts("the cross borders trade\n", pdf, plain());
    EXPECT_EQ(c.found, 2u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: cross borders"}));
}

TEST(tools_CompareTextPlain, PdfHyphenJoinNeedsLetterAndLowercaseNextLine) {
    // Next line starts with a capital, the hyphen follows a digit, a blank line intervenes,
    // or the hyphen stands alone: no join.
    EXPECT_EQ(texts(tokenize_pdf("Sub-\nRegional 2020-\n2022 cross-\n\nborder -\nitem\n")),
              (std::vector<std::string>{"Sub-", "Regional", "2020-", "2022", "cross-", "border", "-", "item"}));
    // Accented lowercase starts count; the join works across a form feed (next page).
    const auto tokens = tokenize_pdf("Trevi-\n\xC3\xB1o and coun-\n\ftries\n");
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"Trevi-\xC3\xB1o", "and", "coun-tries"}));
    EXPECT_EQ(tokens[2].alt, "countries");
}

TEST(tools_CompareTextTokens, TypographicVariants) {
    // U+00A0 splits words; ﬁ ﬂ (and ﬀ ﬃ ﬄ) become letters.
    EXPECT_EQ(normalize_typography("30\xC2\xA0June \xEF\xAC\x81nal \xEF\xAC\x82ow e\xEF\xAC\x80" "ect o\xEF\xAC\x83" "ce"),
              "30 June final flow effect office");
    const auto c = compare_texts("30 June final flow\n", "30\xC2\xA0June \xEF\xAC\x81nal \xEF\xAC\x82ow\n", plain());
    EXPECT_EQ(c.found, 4u);
    // Also inside a TSV word.
    EXPECT_EQ(compare_texts("30 June final flow\n", tsv("30\xC2\xA0June \xEF\xAC\x81nal \xEF\xAC\x82ow\n")).found, 4u);
    // Case matters, in every figure.
    const auto cased = compare_texts("Customs\n", "customs\n", plain());
    EXPECT_EQ(cased.found, 0u);
    EXPECT_EQ(cased.found_nearby, 0u);
    EXPECT_EQ(cased.present, 0u);
}

TEST(tools_CompareTextAlign, QuotesAndDashesMustMatchExactly) {
    // Curly vs straight apostrophe and quotes, en dash vs hyphen: all different words.
    const std::string source = "Members\xE2\x80\x99 own \xE2\x80\x9C" "capacity\xE2\x80\x9D 1 July \xE2\x80\x93 30 June\n";
    const std::string pdf = "Members' own \"capacity\" 1 July - 30 June\n";
    const auto c = compare_texts(source, tsv(pdf));
    EXPECT_EQ(c.source_words, 8u);
    EXPECT_EQ(c.found, 5u);
    EXPECT_EQ(c.present, 5u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: Members\xE2\x80\x99", "L1: \xE2\x80\x9C" "capacity\xE2\x80\x9D",
                                                 "L1: \xE2\x80\x93"}));
    EXPECT_EQ(compare_texts(source, tsv(source)).found, 8u);
}

TEST(tools_CompareTextAlign, MissingWordsGroupedIntoRunsWithLines) {
    const std::string source =
        " ROCB A/P Annual Report\n"             // L1: 4 words (page marker)
        "The workshop was held online\n"        // L2
        "with 40 participants from 20 Members\n" // L3
        "and three experts.\n"                  // L4
        " Next page starts here\n";             // L5
    const std::string pdf =
        "The workshop was held\n"
        "with 40 participants from\n"
        "Members and experts.\n"
        "Next page starts here\n";
    const auto c = compare_texts(source, tsv(pdf));
    EXPECT_EQ(c.source_words, 22u);
    EXPECT_EQ(c.found, 15u);
    EXPECT_EQ(c.found_nearby, 0u);
    EXPECT_EQ(c.present, 15u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: ROCB A/P Annual Report", "L2: online", "L3: 20", "L4: three"}));
    EXPECT_EQ(format_report(c, 2),
              "source words: 22\nstrict in order: 15 (68.18%)\n"
              "in order with local reordering (\u00B1400 PDF words): 15 (68.18%)\n"
              "present anywhere: 15 (68.18%)\n"
              "missing (not even nearby): 7 words in 4 runs (showing 2)\n"
              "L1: ROCB A/P Annual Report\nL2: online\n");
    // A run may span lines; it is listed with the lines of its first and last words.
    const auto spanning = compare_texts("a b c\nd e\nf g\n", tsv("a b g\n"));
    EXPECT_EQ(runs(spanning), (std::vector<std::string>{"L1-3: c d e f"}));
    EXPECT_EQ(format_report(spanning, 1).substr(format_report(spanning, 1).rfind("L1")), "L1-3: c d e f\n");
}

TEST(tools_CompareTextAlign, ReorderedTextIsMissingStrictlyButFoundNearby) {
    // Annex I and Annex II swapped: only one of the two blocks can be found strictly in order;
    // the other is found nearby.
    const std::string source = "Annex two alpha beta gamma delta\nAnnex one epsilon zeta\n";
    const std::string pdf = "Annex one epsilon zeta\nAnnex two alpha beta gamma delta\n";
    const auto c = compare_texts(source, tsv(pdf));
    EXPECT_EQ(c.source_words, 10u);
    EXPECT_EQ(c.found, 6u);  // the longer block
    EXPECT_EQ(c.found_nearby, 4u);
    EXPECT_EQ(c.present, 10u);
    EXPECT_TRUE(c.missing.empty());
    // Beyond the window: the unaligned block below sits at PDF 0..3 and its anchor is PDF 9
    // (after "delta", 8), 9, 8, 7 and 6 tokens away. A window of 8 leaves "one" out.
    const std::string moved_source = "two alpha beta gamma delta\none epsilon zeta eta\n";
    const std::string moved_pdf = tsv("one epsilon zeta eta\ntwo alpha beta gamma delta\n");
    const auto narrow = compare_texts(moved_source, moved_pdf, tsv_window(8));
    EXPECT_EQ(narrow.found, 5u);
    EXPECT_EQ(narrow.found_nearby, 3u);
    EXPECT_EQ(narrow.present, 9u);
    EXPECT_EQ(runs(narrow), (std::vector<std::string>{"L2: one"}));
    EXPECT_EQ(compare_texts(moved_source, moved_pdf, tsv_window(9)).found_nearby, 4u);

    // Two swapped words around a third: only two of the four words are strictly in order.
    const auto swapped = compare_texts("could cooperate and collaborate\n", tsv("could collaborate and cooperate\n"));
    EXPECT_EQ(swapped.source_words, 4u);
    EXPECT_EQ(swapped.found, 2u);  // "could" and one of the other three
    EXPECT_EQ(swapped.found_nearby, 2u);
}

TEST(tools_CompareTextAlign, EmptyInputs) {
    auto c = compare_texts("", tsv("some words\n"));
    EXPECT_EQ(c.source_words, 0u);
    EXPECT_EQ(format_report(c, 50),
              "source words: 0\nstrict in order: 0 (100.00%)\n"
              "in order with local reordering (\u00B1400 PDF words): 0 (100.00%)\n"
              "present anywhere: 0 (100.00%)\nmissing (not even nearby): 0 words in 0 runs (showing 0)\n");
    c = compare_texts("some words\n", "");
    EXPECT_EQ(c.found, 0u);
    EXPECT_EQ(c.present, 0u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: some words"}));
    // A TSV with only its header (an empty PDF).
    c = compare_texts("some words\n", tsv(""));
    EXPECT_EQ(c.found, 0u);
    EXPECT_EQ(runs(c), (std::vector<std::string>{"L1: some words"}));
}

// ---- TSV extraction and line-break joins -----------------------------------------------------

TEST(tools_CompareTextTsv, WordsAndLinesFromTsvRows) {
    // Real pdftotext -tsv rows (poppler 22.12): page, flow, line and word rows.
    const std::string rows =
        "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.275570\t841.889770\t-1\t###PAGE###\n"
        "3\t1\t0\t0\t0\t0\t70.866130\t171.382740\t315.047880\t13.392000\t-1\t###FLOW###\n"
        "4\t1\t0\t0\t0\t0\t70.866130\t171.382740\t315.047880\t13.392000\t-1\t###LINE###\n"
        "5\t1\t0\t0\t0\t0\t70.87\t171.38\t29.30\t13.39\t100\tWCO\n"
        "5\t1\t0\t0\t0\t1\t103.49\t171.38\t67.31\t13.39\t100\tAsia/Pacific\n"
        "4\t1\t0\t0\t1\t0\t70.866130\t185.382740\t315.047880\t13.392000\t-1\t###LINE###\n"
        "5\t1\t0\t0\t1\t0\t70.87\t185.38\t29.30\t13.39\t100\tCOVID-\n"
        "3\t1\t1\t0\t0\t0\t70.866110\t193.106710\t409.495990\t77.944000\t-1\t###FLOW###\n"
        "4\t1\t1\t0\t0\t0\t70.866110\t193.106710\t409.495990\t37.944000\t-1\t###LINE###\n"
        "5\t1\t1\t0\t0\t0\t70.87\t193.11\t100.06\t37.94\t100\t19\n"
        "5\t1\t1\t0\t0\t1\t180.35\t193.11\t56.61\t37.94\t100\t\xEF\xAC\x81nal\n"
        "1\t2\t0\t0\t0\t0\t0.000000\t0.000000\t595.275570\t841.889770\t-1\t###PAGE###\n"
        "3\t2\t0\t0\t0\t0\t70.866090\t37.661830\t130.296440\t9.486000\t-1\t###FLOW###\n"
        "4\t2\t0\t0\t0\t0\t70.866090\t37.661830\t130.296440\t9.486000\t-1\t###LINE###\n"
        "5\t2\t0\t0\t0\t0\t70.87\t37.66\t24.54\t9.49\t100\t30\xC2\xA0June\n";
    const auto tokens = tokenize_pdf_tsv(rows);
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"WCO", "Asia/Pacific", "COVID-", "19", "final", "30", "June"}));
    std::vector<int> lines;
    for (const Token& t : tokens) lines.push_back(t.line);
    EXPECT_EQ(lines, (std::vector<int>{1, 1, 2, 3, 3, 4, 4}));
    // The builder used by the other tests writes the same shape.
    EXPECT_EQ(texts(tokenize_pdf_tsv(tsv("WCO Asia/Pacific\nCOVID-\n\n19 final\f30 June\n"))), texts(tokens));
    std::vector<int> built_lines;
    for (const Token& t : tokenize_pdf_tsv(tsv("WCO Asia/Pacific\nCOVID-\n\n19 final\f30 June\n"))) built_lines.push_back(t.line);
    EXPECT_EQ(built_lines, lines);
}

TEST(tools_CompareTextTsv, LineEndHyphenJoinsOnlyWhenTheSourceHasAJoinedForm) {
    // poppler's -tsv keeps the hyphen of every line-end word (plain mode would write COVID19).
    const std::string pdf = tsv("impact of COVID-\n19 and Article 1-\n(b), the Cus-\ntoms Sub-\nRegional office\n");
    const auto words = tokenize_pdf_tsv(pdf);
    EXPECT_EQ(texts(words), (std::vector<std::string>{"impact", "of", "COVID-", "19", "and", "Article", "1-", "(b),",
                                                      "the", "Cus-", "toms", "Sub-", "Regional", "office"}));
    // Either joined form matches (with the hyphen: COVID-19, 1-(b),; without: Customs), any
    // next-line start (digit, parenthesis, capital); the halves stand when neither form is a
    // source word ("Sub-" "Regional" below).
    const std::string source = "impact of COVID-19 and Article 1-(b), the Customs Sub- Regional office\n";
    const auto joined = join_line_breaks(words, tokenize_source(source));
    EXPECT_EQ(texts(joined), (std::vector<std::string>{"impact", "of", "COVID-19", "and", "Article", "1-(b),", "the",
                                                       "Cus-toms", "Sub-", "Regional", "office"}));
    EXPECT_EQ(joined[2].alt, "COVID19");
    EXPECT_EQ(joined[7].alt, "Customs");
    const auto c = compare_texts(source, pdf);
    EXPECT_EQ(c.source_words, 11u);
    EXPECT_EQ(c.found, 11u);
    // Source "SubRegional" (a joined form) joins that pair too.
    EXPECT_EQ(compare_texts("the Customs SubRegional office\n", pdf).found, 4u);
    EXPECT_EQ(compare_texts("the Customs Sub-Regional office\n", pdf).found, 4u);
    // Within a line nothing is joined: "COVID- 19" printed with a space stays two words.
    EXPECT_EQ(compare_texts("COVID-19 cases\n", tsv("COVID- 19 cases\n")).found, 1u);
    // A lone "-" (a bullet or empty cell) never joins.
    EXPECT_EQ(texts(join_line_breaks(tokenize_pdf_tsv(tsv("-\nitem\n")), tokenize_source("item -item\n"))),
              (std::vector<std::string>{"-", "item"}));
    // Across a page break.
    EXPECT_EQ(compare_texts("the countries\n", tsv("the coun-\ftries\n")).found, 2u);
}

TEST(tools_CompareTextTsv, JoinUndoneWhereTheHalvesAlign) {
    // The source has both "COVID-19" and, printed with a space, "COVID- 19". Where the PDF
    // breaks the line after "COVID-" at the spaced occurrence, the join cannot align there; the
    // halves can, and are kept.
    const std::string source = "the COVID-19 pandemic and the COVID- 19 vaccine\n";
    const std::string pdf = tsv("the COVID-19 pandemic and the COVID-\n19 vaccine\n");
    const auto c = compare_texts(source, pdf);
    EXPECT_EQ(c.source_words, 8u);
    EXPECT_EQ(c.found, 8u);
    // Where the joined form is the one the source has at that place, the join stands.
    EXPECT_EQ(compare_texts("the COVID- 19 pandemic and the COVID-19 vaccine\n",
                            tsv("the COVID- 19 pandemic and the COVID-\n19 vaccine\n"))
                  .found,
              8u);
}

TEST(tools_CompareTextTsv, LineEndSlashAlsoAcceptsTheJoinedForm) {
    const std::string pdf = tsv("Annual Report 2020/\n2021. for Asia/\nPacific\n");
    // Joined: "2020/2021." and "Asia/Pacific".
    EXPECT_EQ(compare_texts("Annual Report 2020/2021. for Asia/Pacific\n", pdf).found, 5u);
    // Not joined when the source spells the halves apart.
    EXPECT_EQ(compare_texts("Annual Report 2020/ 2021. for Asia/ Pacific\n", pdf).found, 7u);
    // No join within a line.
    EXPECT_EQ(compare_texts("2020/2021.\n", tsv("2020/ 2021.\n")).found, 0u);
}

// ---- Nearby (local reordering) and present anywhere -----------------------------------------

TEST(tools_CompareTextNearby, ScatteredTableRowCountsAsNearby) {
    // A table row whose cells extraction reads in another order: the same words, reordered
    // within the row.
    const std::string source =
        "a) Conduct workshops on AEO\n"       // L1
        "Number of Members 30 June 2022\n"     // L2
        "b) Organize a meeting\n";             // L3
    const std::string pdf = tsv("a) Conduct 30 June 2022 workshops Number of on AEO Members\nb) Organize a meeting\n");
    const auto c = compare_texts(source, pdf);
    EXPECT_EQ(c.source_words, 15u);
    EXPECT_EQ(c.found + c.found_nearby, 15u);
    EXPECT_GT(c.found_nearby, 0u);
    EXPECT_EQ(c.present, 15u);
    EXPECT_TRUE(c.missing.empty());
}

TEST(tools_CompareTextNearby, WithinTheWindowButNotBeyond) {
    // "target" is displaced in the PDF 21 tokens from where the alignment puts it (anchor 1,
    // after "start" at 0; the PDF has it at 22).
    std::string source = "start target", pdf = "start";
    for (unsigned i = 0; i < 20; ++i) {
        source += ' ';
        source += word(i);
        pdf += ' ';
        pdf += word(i);
    }
    source += " finish\n";
    pdf += " finish target\n";
    const auto within = compare_texts(source, tsv(pdf), tsv_window(21));
    EXPECT_EQ(within.source_words, 23u);
    EXPECT_EQ(within.found, 22u);
    EXPECT_EQ(within.found_nearby, 1u);
    EXPECT_EQ(within.present, 23u);
    EXPECT_TRUE(within.missing.empty());

    const auto beyond = compare_texts(source, tsv(pdf), tsv_window(20));
    EXPECT_EQ(beyond.found, 22u);
    EXPECT_EQ(beyond.found_nearby, 0u);
    EXPECT_EQ(beyond.present, 23u);  // still present anywhere
    EXPECT_EQ(runs(beyond), (std::vector<std::string>{"L1: target"}));
    // The default window (400) reaches it.
    EXPECT_EQ(compare_texts(source, tsv(pdf)).found_nearby, 1u);
}

TEST(tools_CompareTextNearby, EachPdfWordUsedOnce) {
    // Three unaligned "Members" in the source, two spare ones in the PDF (before "x").
    const std::string source = "x Members y Members z Members\n";
    const std::string pdf = tsv("Members Members x y z\n");
    const auto c = compare_texts(source, pdf);
    EXPECT_EQ(c.found, 3u);
    EXPECT_EQ(c.found_nearby, 2u);
    EXPECT_EQ(c.present, 5u);
    EXPECT_EQ(runs(c).size(), 1u);
    // A PDF word the strict alignment used is not available nearby.
    const auto used = compare_texts("a b a\n", tsv("a b\n"));
    EXPECT_EQ(used.found, 2u);
    EXPECT_EQ(used.found_nearby, 0u);
    EXPECT_EQ(used.present, 2u);
    EXPECT_EQ(runs(used), (std::vector<std::string>{"L1: a"}));
}

TEST(tools_CompareTextNearby, ThreeFiguresOnASmallExample) {
    const std::string source =
        "Annex II Work Plan\n"                         // L1: 4 words
        "Number of Members Organize a workshop\n"      // L2: 6 (cells scattered in the PDF)
        "Deliverable\n"                                // L3: source damage, split word
        "s in the RSP\n"                               // L4
        "Specific Actions of ROCB A/P\n";              // L5: "Specific Actions" far away
    std::string pdf = "Specific Actions Annex II Work Plan\nOrganize a workshop Number of Members\nDeliverables in the RSP\n";
    for (unsigned i = 0; i < 10; ++i) pdf += word(i) + "\n";
    pdf += "of ROCB A/P\n";
    const auto c = compare_texts(source, tsv(pdf), tsv_window(5));
    EXPECT_EQ(c.source_words, 20u);
    // Strict: "Annex II Work Plan", 3 of the 6 row cells, "in the RSP", "of ROCB A/P".
    EXPECT_EQ(c.found, 13u);
    EXPECT_EQ(c.found_nearby, 3u);   // the other 3 row cells
    EXPECT_EQ(c.present, 18u);       // + "Specific Actions", 20+ tokens before its anchor
    EXPECT_EQ(format_report(c, 50),
              "source words: 20\n"
              "strict in order: 13 (65.00%)\n"
              "in order with local reordering (\u00B15 PDF words): 16 (80.00%)\n"
              "present anywhere: 18 (90.00%)\n"
              "missing (not even nearby): 4 words in 2 runs (showing 2)\n"
              "L3-4: Deliverable s\n"
              "L5: Specific Actions\n");
}

// Longest common subsequence length by the full O(n·m) table (the oracle).
std::size_t lcs_table(const std::vector<Token>& a, const std::vector<Token>& b) {
    std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool eq = a[i - 1].text == b[j - 1].text || (!b[j - 1].alt.empty() && a[i - 1].text == b[j - 1].alt);
            t[i][j] = eq ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
        }
    return t[a.size()][b.size()];
}

TEST(tools_CompareTextAlign, MatchesFullTableOnRandomInputs) {
    std::mt19937 rng(12345);
    for (int round = 0; round < 400; ++round) {
        const int vocabulary = 2 + int(rng() % 8);
        auto random_tokens = [&](std::size_t n, bool with_alts) {
            std::vector<Token> out;
            for (std::size_t i = 0; i < n; ++i) {
                Token t{word(rng() % unsigned(vocabulary)), {}, 1 + int(i / 5)};
                if (with_alts && rng() % 6 == 0) t.alt = word(rng() % unsigned(vocabulary));
                out.push_back(t);
            }
            return out;
        };
        const auto a = random_tokens(rng() % 60, false);
        auto b = random_tokens(rng() % 70, true);
        // Sometimes make b an edited copy of a, the realistic case.
        if (round % 2 == 0 && !a.empty()) {
            b.clear();
            for (const Token& t : a) {
                if (rng() % 7 == 0) continue;
                b.push_back(t);
                if (rng() % 5 == 0) b.push_back(Token{"x", {}, 0});
            }
        }
        const auto c = compare(a, b);
        ASSERT_EQ(c.found, lcs_table(a, b)) << "round " << round;
        std::size_t missing = 0;
        for (const auto& r : c.missing) missing += r.words.size();
        ASSERT_EQ(c.found + c.found_nearby + missing, a.size());
        ASSERT_LE(c.found + c.found_nearby, a.size());
        // Without alternative spellings: strict <= local <= present, the local figure never
        // shrinks as the window grows, and an unlimited window finds every present word.
        std::vector<Token> b_plain = b;
        for (Token& t : b_plain) t.alt.clear();
        std::size_t previous = 0;
        for (std::size_t window : {0u, 1u, 3u, 10u, 1000u}) {
            const auto w = compare(a, b_plain, window);
            ASSERT_LE(w.found + w.found_nearby, w.present) << "round " << round;
            ASSERT_GE(w.found + w.found_nearby, previous) << "round " << round << " window " << window;
            previous = w.found + w.found_nearby;
            if (window == 1000u) {
                ASSERT_EQ(w.found + w.found_nearby, w.present) << "round " << round;
            }
        }
    }
}

TEST(tools_CompareTextAlign, LargeInputsStayFast) {
    // ~20,000 source words against ~25,000 PDF words with extra furniture, omissions and a
    // moved block: checks the counts (and that the diff runs in linear memory).
    std::mt19937 rng(7);
    std::vector<Token> source;
    for (int i = 0; i < 20000; ++i) source.push_back(Token{word(rng() % 3000), {}, 1 + i / 10});
    std::vector<Token> pdf;
    std::size_t dropped = 0;
    for (int i = 0; i < 20000; ++i) {
        if (i >= 5000 && i < 5500) continue;  // moved to the end below
        if (i % 97 == 0) {
            ++dropped;
            continue;
        }
        pdf.push_back(source[std::size_t(i)]);
        if (i % 4 == 0) pdf.push_back(Token{"header", {}, 0});
    }
    for (int i = 5000; i < 5500; ++i)
        if (i % 97 != 0) pdf.push_back(source[std::size_t(i)]);
    const auto c = compare(source, pdf);
    EXPECT_EQ(c.source_words, 20000u);
    // At least every kept word outside the moved block; a few chance matches may add more.
    EXPECT_GE(c.found, 20000u - dropped - 500u);
    EXPECT_LE(c.found, 20000u - dropped);
}

}  // namespace
}  // namespace reportc::tools

TEST(CompareText, WordsOnlyLeavesOutBulletsAndLoneDashes) {
    // "-" and "➢" bullets are no words; "2nd", "é" and "CO2" are.
    EXPECT_FALSE(reportc::tools::is_word("-"));
    EXPECT_FALSE(reportc::tools::is_word("➢"));
    EXPECT_FALSE(reportc::tools::is_word("•"));
    EXPECT_FALSE(reportc::tools::is_word("–"));
    EXPECT_TRUE(reportc::tools::is_word("2nd"));
    EXPECT_TRUE(reportc::tools::is_word("é"));
    EXPECT_TRUE(reportc::tools::is_word("(CO2)"));
    reportc::tools::CompareOptions options;
    options.words_only = true;
    options.format = reportc::tools::PdfTextFormat::plain;
    const auto c = reportc::tools::compare_texts("- one\n- two\n➢ three\n", "• one\n• two\nthree\n", options);
    EXPECT_EQ(c.source_words, 3u);
    EXPECT_EQ(c.found, 3u);
}
