#include "cli/new_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "base/xml_text.h"

namespace reportc::cli {
namespace {

namespace fs = std::filesystem;

// The fonts the starter layout names, copied beside it so that the folder builds wherever it is
// moved (docs/getting-started.md#fonts).
const std::vector<std::string> kFontFiles = {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
                                             "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf", "LICENSE"};

bool write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return bool(out.flush());
}

}  // namespace

std::string starter_report(const std::string& title) {
    return R"x(<?xml version="1.0" encoding="UTF-8"?>
<!-- A report: <info>, then sections of paragraphs, lists, tables and footnotes.
     The elements are described in docs/source-format.md; build it with
     reportc build report.xml -->
<report layout="layout.xml" lang="en">
  <info>
    <title>)x" + xml_escaped(title) + R"x(</title>
    <author>Your name</author>
    <!-- A variable: <var name="edition"/> prints it; the build command's set option
         (set edition=2, with two hyphens before set) changes it. -->
    <variable name="edition" value="1"/>
  </info>

  <section title="Introduction">
    <p>This is edition <var name="edition"/> of <i><var name="title"/></i>, built on <var name="date"/>.
      Write paragraphs in <b>p</b> elements; the layout decides how they look.<footnote>Footnotes
      are set at the foot of the page of their mark.</footnote></p>
    <list>
      <item>A list item.</item>
      <item>Another one.</item>
    </list>
  </section>

  <section title="Results">
    <p>A table, with a header row that repeats when the table continues on the next page:</p>
    <table>
      <column width="2fr"/>
      <column width="1fr"/>
      <row kind="header"><cell>Item</cell><cell align="right">Value</cell></row>
      <row><cell>First</cell><cell align="right">10</cell></row>
      <row><cell>Second</cell><cell align="right">20</cell></row>
    </table>
  </section>
</report>
)x";
}

std::string starter_layout() {
    return R"x(<?xml version="1.0" encoding="UTF-8"?>
<!-- The starter's layout: fonts, one page master and the styles the report uses.
     Every element and setting is described in docs/layout-format.md. -->
<layout>
  <!-- Fonts: copies of the Liberation fonts shipped with reportc, beside this file. -->
  <font-family name="Liberation Sans" regular="fonts/LiberationSans-Regular.ttf"
               bold="fonts/LiberationSans-Bold.ttf" italic="fonts/LiberationSans-Italic.ttf"
               bold-italic="fonts/LiberationSans-BoldItalic.ttf"/>
  <hyphenation dictionary="/usr/share/hyphen/hyph_en_US.dic"/>

  <!-- How <var name="date"/> and {date} print (strftime conversions). -->
  <setting name="date-format" value="%-d %B %Y"/>

  <!-- Pages: A4 with a running header and a folio. Fields in braces are variables:
       {title}, {section}, {page}, {pages}, {date} and the report's own. -->
  <page-master name="body" size="A4" margin-top="25mm" margin-bottom="25mm" margin-left="25mm"
               margin-right="25mm" header-offset="15mm" footer-offset="13mm">
    <header style="running-header" rule="true">
      <left>{title}</left>
      <right>{section}</right>
    </header>
    <footer style="running-header">
      <center>{page} / {pages}</center>
    </footer>
  </page-master>

  <!-- Paragraph styles: body text, then styles based on it. -->
  <paragraph-style name="body" font-family="Liberation Sans" font-size="10.5pt" leading="15pt"
                   space-after="6pt" align="justify" hyphenate="true" widows="2" orphans="2"/>
  <paragraph-style name="list-item" based-on="body" indent-left="8mm" first-line-indent="-5mm"
                   space-after="3pt"/>
  <paragraph-style name="running-header" based-on="body" font-size="8.5pt" color="#5a6b7b"
                   rule-color="#9aa7b4"/>

  <!-- Headings of sections nested 1 to 4 deep; heading-1 starts a new page. -->
  <paragraph-style name="heading-1" based-on="body" font-size="18pt" leading="22pt"
                   font-weight="bold" color="#1f4e79" align="left" hyphenate="false"
                   space-after="12pt" keep-with-next="true" page-break-before="true"/>
  <paragraph-style name="heading-2" based-on="heading-1" font-size="13pt" leading="17pt"
                   space-before="12pt" space-after="6pt" page-break-before="false"/>
  <paragraph-style name="heading-3" based-on="heading-2" font-size="11pt" leading="15pt"/>
  <paragraph-style name="heading-4" based-on="heading-3" font-size="10.5pt"/>

  <!-- The contents (<contents/> in the report): entries for headings of levels 1 and 2. -->
  <paragraph-style name="toc-1" based-on="body" font-weight="bold" align="left" space-after="2pt"/>
  <paragraph-style name="toc-2" based-on="toc-1" font-weight="normal" indent-left="6mm"/>

  <!-- Tables: cell text, header and group rows, and the "(continued)" line. -->
  <paragraph-style name="table-cell" based-on="body" font-size="10pt" leading="13pt"
                   space-after="2pt" align="left"/>
  <paragraph-style name="table-header" based-on="table-cell" font-weight="bold"/>
  <paragraph-style name="table-group" based-on="table-cell" font-weight="bold"/>
  <paragraph-style name="table-continued" based-on="table-cell" font-style="italic"/>
  <table-style name="table" border-color="#9aa7b4" border-width="0.5pt" rules="rows"
               padding="4pt" header-shade="#e3eaf2" continued-text="(continued)"/>

  <!-- Footnotes: the notes' style and the marks' raised figures. -->
  <paragraph-style name="footnote" based-on="body" font-size="8.5pt" leading="11pt"
                   space-after="0" indent-left="4mm" first-line-indent="-4mm" align="left"/>
  <character-style name="footnote-mark" font-size="6.5pt" baseline-shift="3.5pt"/>

  <!-- Figures (<figure caption="...">): numbered "Figure 1" (a <ref> prints that too), the
       caption below, or above a table. -->
  <numbering><figure kind="figure" label="Figure"/></numbering>
  <paragraph-style name="caption" based-on="body" font-size="9pt" leading="12pt" align="center"/>
  <paragraph-style name="caption-above" based-on="caption" font-weight="bold" keep-with-next="true"/>

  <!-- Character styles of <b> and <i>. -->
  <character-style name="strong" font-weight="bold"/>
  <character-style name="emphasis" font-style="italic"/>
</layout>
)x";
}

int run_new(const std::string& dir, const std::string& title, const std::string& fonts_dir) {
    const fs::path root(dir), fonts = root / "fonts";
    std::vector<fs::path> targets = {root / "report.xml", root / "layout.xml"};
    for (const auto& f : kFontFiles) targets.push_back(fonts / f);
    for (const auto& target : targets) {
        std::error_code ec;
        if (fs::exists(target, ec) || ec) {
            std::cerr << "reportc: error: " << target.string() << " already exists; 'new' never replaces a file\n";
            return 1;
        }
    }
    for (const auto& f : kFontFiles)
        if (!fs::is_regular_file(fs::path(fonts_dir) / f)) {
            std::cerr << "reportc: error: expected the Liberation fonts in " << fonts_dir << ", found no " << f << "\n";
            return 1;
        }
    std::error_code ec;
    fs::create_directories(fonts, ec);
    if (ec) {
        std::cerr << "reportc: error: cannot create " << fonts.string() << ": " << ec.message() << "\n";
        return 1;
    }
    for (const auto& f : kFontFiles)
        if (!fs::copy_file(fs::path(fonts_dir) / f, fonts / f, ec)) {
            std::cerr << "reportc: error: cannot copy " << f << " into " << fonts.string() << ": " << ec.message() << "\n";
            return 1;
        }
    if (!write_text(root / "report.xml", starter_report(title)) || !write_text(root / "layout.xml", starter_layout())) {
        std::cerr << "reportc: error: cannot write the starter files in " << root.string() << "\n";
        return 1;
    }
    std::cerr << "wrote " << (root / "report.xml").string() << ", " << (root / "layout.xml").string() << " and "
              << fonts.string() << "/\nnext: reportc build " << (root / "report.xml").string() << "\n";
    return 0;
}

}  // namespace reportc::cli
