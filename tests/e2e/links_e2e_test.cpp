// End to end: link targets are http, https, mailto or '#id' unless the layout's
// <links allow-schemes> names more (docs/layout-format.md#links); `check` and `build` agree.
#include <gtest/gtest.h>

#include "run.h"

using namespace reportc::e2e;

namespace {

// The repository's layout with its fonts by absolute path and `extra` before </layout>.
std::string layout_with(const std::string& extra) {
    std::string text = read_file(source_root() + "/layouts/annual-report.xml");
    for (size_t at; (at = text.find("\"../fonts/")) != std::string::npos;) text.replace(at, 10, std::string("\"").append(source_root()).append("/fonts/"));
    text.replace(text.rfind("</layout>"), 9, extra + "\n</layout>");
    return text;
}

Run command(const std::string& verb, const std::string& name, const std::string& body, const std::string& extra = "") {
    const std::string dir = scratch_dir(name);
    write_file(dir + "/layout.xml", layout_with(extra));
    write_file(dir + "/report.xml", "<report layout=\"layout.xml\">\n<info><title>T</title></info>\n" + body + "</report>\n");
    return run(reportc_exe() + " " + verb + " " + quote(dir + "/report.xml") + (verb == "build" ? " -o " + quote(dir + "/out.pdf") : ""));
}

const std::string kExpected =
    "error: expected a link to an http, https or mailto address or to '#id' (other schemes need the layout's <links "
    "allow-schemes>), found ";

}  // namespace

TEST(LinksE2E, OtherSchemesAreErrorsInCheckAndBuild) {
    const std::string body =
        "<section title=\"S\" id=\"s\"><p><a href=\"javascript:alert(1)\">one <b>two</b></a> <a href=\"FILE:///etc/passwd\">f</a> "
        "<a href=\"data:text/html,x\">d</a> <a href=\"annex.pdf\">a</a> <a href=\"HTTPS://example.org\">ok</a> "
        "<a href=\"mailto:a@example.org\">m</a> <a href=\"#s\">s</a></p></section>\n";
    for (const char* verb : {"check", "build"}) {
        auto r = command(verb, std::string("links-") + verb, body);
        EXPECT_EQ(r.status, 1) << verb;
        EXPECT_NE(r.err.find(kExpected + "the scheme 'javascript:'\n"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(kExpected + "the scheme 'file:'\n"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(kExpected + "the scheme 'data:'\n"), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(kExpected + "a target without a scheme\n"), std::string::npos) << r.err;
        size_t count = 0;
        for (size_t at = 0; (at = r.err.find(kExpected, at)) != std::string::npos; ++at) ++count;
        EXPECT_EQ(count, 4u) << r.err;  // one per link, though "one two" is two runs
    }
}

TEST(LinksE2E, TheLayoutAllowsMoreSchemes) {
    const std::string body = "<p><a href=\"ftp://example.org/x\">f</a> <a href=\"tel:+6791234\">t</a></p>\n"
                             "<qr data=\"tel:+6791234\" link=\"yes\" size=\"20mm\"/>\n";
    auto refused = command("check", "links-refused", body);
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.err.find(kExpected + "the scheme 'ftp:'\n"), std::string::npos) << refused.err;
    size_t count = 0;
    for (size_t at = 0; (at = refused.err.find(kExpected + "the scheme 'tel:'", at)) != std::string::npos; ++at) ++count;
    EXPECT_EQ(count, 2u) << refused.err;  // the link and the QR code
    auto allowed = command("build", "links-allowed", body, "<links allow-schemes=\"FTP tel\"/>");
    EXPECT_EQ(allowed.status, 0) << allowed.err;
}

TEST(LinksE2E, MalformedSchemeInTheLayoutIsAnError) {
    auto r = command("check", "links-bad-scheme", "<p>x</p>\n", "<links allow-schemes=\"ftp 1x\"/>");
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("error: expected link schemes such as 'ftp tel' (a letter, then letters, digits, '+', '-' or '.'), found '1x'"),
              std::string::npos) << r.err;
}
