#include "input/xlsx_writer.h"

#include <zip.h>

#include <memory>

#include "base/xml_text.h"

namespace reportc::input {

namespace {

std::string column_name(size_t index) {
    std::string name;
    for (size_t n = index + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), char('A' + (n - 1) % 26));
    return name;
}

bool has_line_break(const WrittenCell& cell) {
    for (const auto& run : cell)
        if (run.text.find('\n') != std::string::npos) return true;
    return false;
}

// An inline string: plain when it is one unstyled run, else rich text runs.
std::string cell_xml(const WrittenCell& cell, const std::string& ref, bool header) {
    const int style = header ? 2 : has_line_break(cell) ? 1 : 0;
    std::string xml = "<c r=\"" + ref + "\" t=\"inlineStr\"" + (style ? " s=\"" + std::to_string(style) + "\"" : std::string()) + "><is>";
    const bool plain = cell.size() == 1 && !cell[0].bold && !cell[0].italic;
    for (const auto& run : cell) {
        const std::string t = "<t xml:space=\"preserve\">" + xml_escaped(run.text) + "</t>";
        if (plain) {
            xml += t;
            continue;
        }
        xml += "<r>";
        if (run.bold || run.italic) xml += std::string("<rPr>") + (run.bold ? "<b/>" : "") + (run.italic ? "<i/>" : "") + "</rPr>";
        xml += t + "</r>";
    }
    return xml + "</is></c>";
}

std::string worksheet_xml(const WrittenSheet& sheet) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
        xml += "<row r=\"" + std::to_string(r + 1) + "\">";
        for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
            const auto& cell = sheet.rows[r][c];
            bool empty = true;
            for (const auto& run : cell) empty = empty && run.text.empty();
            if (!empty) xml += cell_xml(cell, column_name(c) + std::to_string(r + 1), r == 0);
        }
        xml += "</row>";
    }
    return xml + "</sheetData></worksheet>";
}

// The parts every workbook needs: content types, relationships, the workbook, and styles
// (0 plain, 1 wrapped for cells with line breaks, 2 the bold header).
std::vector<std::pair<std::string, std::string>> parts(const WrittenSheet& sheet) {
    const std::string ns = "http://schemas.openxmlformats.org/";
    return {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"" + ns + "package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
         "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
         "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
         "</Types>"},
        {"_rels/.rels",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + ns + "package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
         "</Relationships>"},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" "
         "xmlns:r=\"" + ns + "officeDocument/2006/relationships\"><sheets><sheet name=\"" + xml_escaped(sheet.name) +
         "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + ns + "package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"" + ns + "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
         "</Relationships>"},
        {"xl/styles.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"" + ns + "spreadsheetml/2006/main\">"
         "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
         "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
         "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
         "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
         "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
         "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
         "</styleSheet>"},
        {"xl/worksheets/sheet1.xml", worksheet_xml(sheet)},
    };
}

}  // namespace

std::string xlsx_bytes(const WrittenSheet& sheet, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &ze);
    zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &ze) : nullptr;
    if (!archive) {
        error = std::string("cannot make a workbook: ").append(zip_error_strerror(&ze));
        if (buffer) zip_source_free(buffer);
        zip_error_fini(&ze);
        return {};
    }
    zip_error_fini(&ze);
    zip_source_keep(buffer);  // read back after zip_close writes into it
    const auto members = parts(sheet);
    for (const auto& [name, data] : members) {
        zip_source_t* src = zip_source_buffer(archive, data.data(), data.size(), 0);
        if (!src || zip_file_add(archive, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
            if (src) zip_source_free(src);
            error = std::string("cannot make a workbook: ").append(zip_strerror(archive));
            zip_discard(archive);
            zip_source_free(buffer);
            return {};
        }
    }
    if (zip_close(archive) != 0) {
        error = std::string("cannot make a workbook: ").append(zip_strerror(archive));
        zip_discard(archive);
        zip_source_free(buffer);
        return {};
    }
    std::string bytes;
    zip_stat_t st;
    if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
        bytes.resize(size_t(st.size));
        const zip_int64_t n = zip_source_read(buffer, bytes.data(), st.size);
        zip_source_close(buffer);
        if (n != zip_int64_t(st.size)) bytes.clear();
    }
    zip_source_free(buffer);
    if (bytes.empty()) error = "cannot make a workbook: the archive could not be read back";
    return bytes;
}

}  // namespace reportc::input
