#include "workload.h"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace reportc::bench {

namespace {

const char* const kWords[] = {
    "customs", "capacity", "regional", "workshop", "members", "administration", "implementation", "cooperation",
    "framework", "assessment", "trade", "border", "the", "of", "and", "to", "for", "in", "with", "a",
    "strategic", "development", "partners", "national", "training", "officers", "experts", "programme",
    "modernization", "facilitation", "enforcement", "compliance", "management", "risk", "procedures", "delivery",
    "was", "were", "by", "on", "their", "its", "through", "accreditation", "coordination", "information"};
const char* const kTerms[][2] = {{"WCO", "World Customs Organization"},
                                 {"ROCB", "Regional Office for Capacity Building"},
                                 {"RSP", "Regional Strategic Plan"},
                                 {"AEO", "Authorized Economic Operator"},
                                 {"TFA", "Trade Facilitation Agreement"},
                                 {"PCA", "Post-Clearance Audit"}};

// A small linear congruential generator: the same text on every machine and run.
struct Words {
    uint64_t state;
    std::string next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return kWords[(state >> 33) % (sizeof kWords / sizeof kWords[0])];
    }
    std::string sentence(int words) {
        std::string s = next();
        s[0] = char(s[0] - 'a' + 'A');
        for (int i = 1; i < words; ++i) {
            s += ' ';
            s += (i == words / 2) ? std::string(kTerms[state % 6][0]) : next();
        }
        return s;
    }
    std::string prose(int sentences) {
        std::string s;
        for (int i = 0; i < sentences; ++i) {
            if (i) s += ' ';
            s.append(sentence(12 + int(state % 9))).append(".");
        }
        return s;
    }
};

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string chapter(int c, Words& w) {
    const std::string n = std::to_string(c);
    std::string s = "  <section id=\"chapter-" + n + "\" title=\"Chapter " + n + ": " + w.sentence(4) + "\">\n";
    for (int part = 1; part <= 2; ++part) {
        s += "    <section title=\"" + w.sentence(5) + "\">\n";
        for (int p = 0; p < 3; ++p) s += "      <p>" + w.prose(6) + "</p>\n";
        s += "      <list>\n";
        for (int i = 0; i < 4; ++i) s += "        <item>" + w.sentence(14) + ";</item>\n";
        s += "      </list>\n";
        s += "      <p>" + w.prose(5) + "</p>\n";
        s += "    </section>\n";
    }
    s += "    <table id=\"plan-" + n + "\" template=\"work-plan\" data=\"data/plan-" + n + ".xml\"/>\n";
    return s + "  </section>\n";
}

std::string plan(int c, Words& w) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n";
    s += "  <group id=\"" + std::to_string(c) + "\" title=\"" + w.sentence(7) + "\">\n";
    s += "    <field name=\"action-heading\">Specific Actions</field>\n";
    s += "    <field name=\"rsp-heading\">(Relevance to the RSP)</field>\n";
    s += "    <field name=\"plan-heading\">Annual Work Plan</field>\n";
    s += "    <field name=\"kpi-heading\">Key Performance Indicator</field>\n";
    for (int r = 0; r < 5; ++r) {
        s += "    <record id=\"" + std::to_string(c) + "-" + std::to_string(r) + "\">\n";
        s += "      <field name=\"label\">" + std::string(1, char('a' + r)) + ")</field>\n";
        s += "      <field name=\"action\">" + w.sentence(18) + "</field>\n";
        s += "      <field name=\"rsp\">(RSP " + std::to_string(r + 1) + ".1)</field>\n";
        s += "      <field name=\"plan\">\n";
        for (int b = 0; b < 3; ++b) s += "        <bullet>" + w.sentence(16) + "</bullet>\n";
        s += "      </field>\n";
        s += "      <field name=\"kpi\">" + w.sentence(5) + "</field>\n";
        s += "    </record>\n";
    }
    return s + "  </group>\n</records>\n";
}

}  // namespace

int chapters_for(int pages) { return std::max(1, int(std::lround(pages / kPagesPerChapter))); }

std::string write_workload(const std::string& dir, int chapters) {
    namespace fs = std::filesystem;
    fs::create_directories(fs::path(dir) / "data");
    Words w{uint64_t(chapters)};
    std::string report = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report layout=\"" REPORTC_SOURCE_ROOT
                         "/layouts/annual-report.xml\" lang=\"en\">\n"
                         "  <info><title>Generated annual report</title></info>\n"
                         "  <division page-master=\"front\">\n    <p style=\"toc-title\">Contents</p>\n"
                         "    <contents/>\n  </division>\n";
    for (int c = 1; c <= chapters; ++c) {
        report += chapter(c, w);
        write(fs::path(dir) / "data" / ("plan-" + std::to_string(c) + ".xml"), plan(c, w));
    }
    report += "  <section id=\"abbreviations-annex\" title=\"Abbreviations\">\n"
              "    <table id=\"abbreviations\" template=\"abbreviations\" data=\"data/abbreviations.csv\"/>\n"
              "  </section>\n</report>\n";
    std::string csv = "term,expansion\n";
    for (const auto& t : kTerms) csv += std::string(t[0]).append(",").append(t[1]).append("\n");
    write(fs::path(dir) / "data" / "abbreviations.csv", csv);
    write(fs::path(dir) / "report.xml", report);
    return (fs::path(dir) / "report.xml").string();
}

}  // namespace reportc::bench
