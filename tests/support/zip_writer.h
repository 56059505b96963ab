#pragma once
// Zip archives made by tests (spreadsheets, packages) through libzip: written to a scratch file
// under the build directory and read back as bytes.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace reportc::testing {

using ZipMembers = std::vector<std::pair<std::string, std::string>>;

// `members` as a zip archive; with `password`, every member encrypted with AES-256.
inline std::string zip_of(const ZipMembers& members, const char* password = nullptr) {
    const std::string path = std::string(REPORTC_BINARY_DIR) + "/zip-writer-" + std::to_string(::getpid()) + ".zip";
    std::remove(path.c_str());
    int err = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    EXPECT_NE(za, nullptr);
    if (!za) return {};
    for (const auto& [name, data] : members) {
        zip_source_t* src = zip_source_buffer(za, data.data(), data.size(), 0);
        zip_int64_t index = zip_file_add(za, name.c_str(), src, ZIP_FL_OVERWRITE);
        EXPECT_GE(index, 0);
        if (password) {
            EXPECT_EQ(zip_file_set_encryption(za, zip_uint64_t(index), ZIP_EM_AES_256, password), 0);
        }
    }
    EXPECT_EQ(zip_close(za), 0);
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::remove(path.c_str());
    return ss.str();
}

// A one-sheet .xlsx workbook: the sheet `name`, rows of inline-string cells (an empty string is
// an empty cell).
inline std::string xlsx_of(const std::string& name, const std::vector<std::vector<std::string>>& rows) {
    std::string sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (size_t r = 0; r < rows.size(); ++r) {
        sheet += "<row r=\"" + std::to_string(r + 1) + "\">";
        for (size_t c = 0; c < rows[r].size(); ++c) {
            if (rows[r][c].empty()) continue;
            sheet += "<c r=\"" + std::string(1, char('A' + c)) + std::to_string(r + 1) + "\" t=\"inlineStr\"><is><t>" + rows[r][c] +
                     "</t></is></c>";
        }
        sheet += "</row>";
    }
    sheet += "</sheetData></worksheet>";
    return zip_of({{"xl/workbook.xml",
                    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"" +
                        name + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
                   {"xl/_rels/workbook.xml.rels",
                    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
                   {"xl/worksheets/sheet1.xml", sheet}});
}

}  // namespace reportc::testing
