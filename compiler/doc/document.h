#pragma once
// Document nodes: pure data produced by `input` from the XML sources. Every node keeps the Span
// of the element it came from, so later stages can report errors at the right place.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "base/span.h"
#include "doc/aggregate.h"
#include "doc/boxed.h"
#include "doc/chart.h"
#include "doc/indirect.h"
#include "doc/name.h"
#include "doc/node_id.h"
#include "doc/text_run.h"

namespace reportc::image {
struct Image;  // a decoded image file (image/image.h); doc only holds it
}

namespace reportc::doc {

struct Block;

struct Paragraph {
    Name style = "body";  // interned (doc/name.h), as are the other style names below
    std::string id;
    std::vector<TextRun> runs;
    Span span;
    NodeId node;  // given once by number_nodes
};

struct Section {
    std::string id, title, style;
    std::string short_title;  // short-title="…": the running header's and the contents' text (empty: the title)
    std::string number;  // number="…": overrides the layout's counter
    Boxed<Numbered> numbered;  // set by numbering (xref)
    std::string page_master;  // non-empty: the section is set on pages of this master (e.g. landscape)
    int level = 1;
    std::vector<Block> children;
    Span span;
    NodeId node;  // given once by number_nodes
};

struct Article {
    std::string id, title, date, place;
    std::string short_title;  // short-title="…": the contents' text (empty: the title)
    std::string number;  // number="…": overrides the layout's counter
    Boxed<Numbered> numbered;  // set by numbering (xref)
    bool place_first = false;
    int level = 1;  // the heading level the article's title sits at
    std::vector<Block> children;
    Span span;
    NodeId node;  // given once by number_nodes
};

struct ListItem {
    std::string label;  // a hanging label ("Pillar 1:") instead of the list's marker
    std::string id;      // an anchor for references to this item
    std::string number;  // number="…" in a numbered list: overrides the counter
    Boxed<Numbered> numbered;  // set by numbering (xref) in a numbered list
    std::vector<Block> blocks;
    Span span;
    NodeId node;  // given once by number_nodes
};

struct List {
    std::string style = "list-item";
    std::string marker;     // empty: the marker its paragraph style gives (list-marker, default "•")
    std::string numbering;  // numbering="1." / "a)" / "i.": items are numbered; empty: the marker
    int start = 1;          // the first item's number
    std::vector<ListItem> items;
    Span span;
    NodeId node;  // given once by number_nodes
};

struct Signature {
    std::string name, role;
    Span span;
    NodeId node;  // given once by number_nodes
};

struct Figure {
    std::string id, caption;
    std::string kind = "figure";  // the layout numbers each kind on its own ("diagram", "table")
    std::string number;           // number="…": overrides the counter (a published duplicate)
    std::string separator;        // separator="…": between number and caption, over the layout's
    Boxed<Numbered> numbered;  // set by numbering (xref)
    std::vector<Block> children;
    Span span;
    NodeId node;  // given once by number_nodes
};

enum class ImageFit { Contain, Cover, None };

// <image src width height fit alt/>: a picture from a PNG or JPEG file. Its size as written
// ("40mm", "50%" of the column); none given: the file's own (its pixels at its stated
// resolution, else at 96 dpi).
struct Image {
    std::string src;   // as written
    std::string path;  // resolved against the folder of the file that names it
    std::string width, height, alt;
    ImageFit fit = ImageFit::Contain;
    Span src_span;
    // The file decoded and checked, set by the driver before layout (shared by every use of
    // the file); null when the file could not be used (reported).
    std::shared_ptr<const image::Image> decoded;
    Span span;
    NodeId node;  // given once by number_nodes
};

struct PageBreak {
    Span span;
    NodeId node;  // given once by number_nodes
};

// <contents/>: the generated table of contents (entries come from the headings), or with
// kind="diagrams" (a figure kind, or its plural) the list of those figures.
struct Contents {
    Span span;
    NodeId node;  // given once by number_nodes
    std::string kind;  // empty: the headings
};

// <division page-master="…">: blocks set on pages of another master, without a heading of
// their own (a cover, front matter).
struct Division {
    Name page_master;
    std::vector<Block> children;
    Span span;
    NodeId node;  // given once by number_nodes
};

struct ColumnSpec {
    enum class Kind { Auto, Fixed, Fraction };
    Kind kind = Kind::Auto;
    std::string value;  // the width as written ("30mm", "2fr", "auto"); resolved by layout
    Span span;
};

struct TableCell {
    int colspan = 1, rowspan = 1;
    Name align;   // left, center, right, justify; empty = the table style's (interned: doc/name.h)
    Name valign;  // top, middle, bottom; empty = top
    // As written: a background colour over the row's and the table style's; a box style whose
    // background and borders (per side) the cell takes. Checked by layout.
    Name shade, style;
    std::vector<Block> blocks;
    Span span;
    NodeId node;  // given once by number_nodes
    bool changed = false;  // a review copy (--changes-since): a value in the cell changed, highlighted
};

// A record row's mark in a review copy (--changes-since): a change bar beside the row; an added
// row's cells are highlighted too.
enum class RowChange { None, Changed, Added };

// Header rows repeat on every page the table continues on; a header row that appears later in
// the table replaces the repeated header from there on (per-group headers). Section rows are
// group headings that span the table and never end a page.
struct TableRow {
    enum class Kind { Body, Header, Section, Footer };
    Kind kind = Kind::Body;
    std::string id;  // an anchor for references to this row
    Name shade, style;  // as a cell's, for every cell of the row (a cell's own win)
    std::vector<TableCell> cells;
    Span span;
    NodeId node;  // given once by number_nodes
    RowChange change = RowChange::None;  // set by data::mark_changes
};

// What data::expand_tables made of a table generated from data: the layout's template over the
// data file. Only expand_tables sets it, so whether a table's rows were expanded is stated by the
// type, not by the stage the table is looked at.
struct ExpandedTable {
    std::string style;  // the table's style, or the template's table-style for the default one
    std::vector<ColumnSpec> columns;
    std::vector<TableRow> rows;
};

struct Table {
    std::string style = "table";
    std::string id;
    // As written (none in a table generated from data): later stages read them through
    // rows_of / columns_of / style_of, which give the expanded ones when there are.
    std::vector<ColumnSpec> columns;
    std::vector<TableRow> rows;
    // A table generated from data: the layout's template and the data file (resolved against
    // the source file's folder), expanded into `expanded` before layout.
    std::string template_name, data_path;
    Span data_span;
    Aggregate aggregate;  // where, group-by, count, sum, sort: applied to the records first
    Boxed<ExpandedTable> expanded;  // set by data::expand_tables
    Span span;
    NodeId node;  // given once by number_nodes
};

// The table later stages walk and lay out: the expanded one once data::expand_tables has
// expanded it, else the table as written.
const std::vector<TableRow>& rows_of(const Table& t);
std::vector<TableRow>& rows_of(Table& t);
const std::vector<ColumnSpec>& columns_of(const Table& t);
const std::string& style_of(const Table& t);

// <frame style="…">: a box around any blocks (a call-out, a key-figure panel, a certificate's
// border), drawn as its box style says (border per side, background, padding, corners, height).
struct Frame {
    Name style = "frame";
    std::vector<Block> children;
    Span span;
    NodeId node;  // given once by number_nodes
};

// <rule/>: a horizontal line (a signature line, a separator). Lengths and the colour as
// written; layout checks them.
struct Rule {
    std::string width, thickness, color, align;  // empty: the full measure, 0.5pt, black, left
    Span span;
    NodeId node;  // given once by number_nodes
};

// <qr data="…"/>: a QR code carrying `data` (docs/source-format.md#qr-codes). Size, colour and
// alignment as written; layout checks them and encodes the data.
enum class QrLevel { L, M, Q, H };
struct Qr {
    std::string data;   // the text the code carries, as written
    std::string size;   // the square's side with its quiet zone ("25mm"); empty: 25mm
    QrLevel level = QrLevel::M;
    int quiet_zone = 4;  // light modules around the symbol (ISO/IEC 18004 asks for 4)
    std::string color;  // the dark modules' colour; empty: black
    std::string align;  // left, center, right; empty: center
    bool link = false;  // the code's area links to `data` (default: for http, https and mailto data)
    bool link_given = false;  // link="…" was written (else the default follows `data` once its fields are filled)
    std::string alt;    // kept for tagging, as an image's
    Span span;
    NodeId node;  // given once by number_nodes
};

// Data a reader's phone opens as a link: a web address or an e-mail address with its scheme (in
// any case). A QR code of such data links to it unless link="…" says otherwise.
bool is_link_data(std::string data);

// Page-break controls any block may carry as attributes (keep-together, keep-with-next,
// page-break-before, page-break-after), over what its style says; unset: the style's.
struct Keeps {
    std::optional<bool> together, with_next, break_before, break_after;
};

// if="NAME" or unless="NAME" on a block (docs/merge.md#conditions): the block is kept when the
// variable's value is true (non-empty and not "no", "false" or "0"), or with unless when it is
// not; the driver leaves the others out before numbering.
struct Condition {
    std::string variable;
    bool unless = false;
    Span span;
};

// The nodes larger than a paragraph (a table, a chart, a section, a list, …) are held behind one
// pointer (doc/indirect.h), so a block costs what a paragraph needs; read the node through
// visit_node, node_if, node_as and holds below, which give the node itself.
struct Block {
    std::variant<Paragraph, Indirect<Section>, Indirect<Article>, Indirect<List>, Indirect<Signature>, Indirect<Figure>, PageBreak,
                 Indirect<Table>, Indirect<Chart>, Indirect<Diagram>, Contents, Division, Frame, Indirect<Rule>, Indirect<Image>,
                 Indirect<Qr>>
        node;
    Keeps keeps;
    Boxed<Condition> condition;
};

// <variable name="…" value="…"/> in <info>: a user variable that <var> and header and footer
// fields print.
struct VariableDef {
    std::string name, value;
    Span span;
};

struct Info {
    std::string title, author, subject, keywords;
    std::vector<VariableDef> variables;
};

struct Document {
    Info info;
    std::string lang = "en";
    std::string layout_path;  // resolved against the report file's directory
    Span layout_span;
    std::vector<Block> blocks;
    uint32_t node_count = 0;  // NodeIds given so far (number_nodes)
    // An included file could not be read or parsed (that error is reported): its blocks and ids
    // are missing, so a reference to an unknown id is not an error of its own.
    bool incomplete = false;
};

Span span_of(const Block& b);
std::string plain_text(const std::vector<TextRun>& runs);

std::ostream& operator<<(std::ostream& os, const TextRun& r);
std::ostream& operator<<(std::ostream& os, const Block& b);
std::ostream& operator<<(std::ostream& os, const ChartSeries& s);
std::ostream& operator<<(std::ostream& os, const ChartDataSeries& s);
std::ostream& operator<<(std::ostream& os, const ChartData& d);
std::ostream& operator<<(std::ostream& os, const ExpandedTable& t);
std::ostream& operator<<(std::ostream& os, const Document& d);

}  // namespace reportc::doc

// Reading a block's node: visit_node, node_if, node_as, holds (the table or chart itself).
#include "doc/block_node.h"
