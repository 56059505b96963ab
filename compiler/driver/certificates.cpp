#include "driver/certificates.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <thread>

#include "base/utf8.h"
#include "driver/combine.h"
#include "driver/compiler.h"
#include "driver/parallel.h"
#include "driver/records.h"
#include "driver/resources.h"
#include "driver/sha256.h"
#include "pdf/pdf_writer.h"
#include "source/atomic_file.h"

namespace reportc::driver {
namespace {

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The column of `record` whose field holds `c`, or nothing: the record's name when it does (a
// certificate prints it largest, and given and family names repeat its letters), else the first.
const std::string* column_holding(const MergeRecord& record, char32_t c) {
    const std::string encoded = utf8::encode(c);
    const std::string* found = nullptr;
    for (const auto& [column, field] : record.fields) {
        if (field.text.find(encoded) == std::string::npos) continue;
        if (field.text == record.name) return &column;
        if (!found) found = &column;
    }
    return found;
}

// Notes where the failed build of `record` comes from. True when every error is the record's
// own (at its row, or about a character one of its fields holds): other records may still
// build, and their errors are worth reporting in the same run.
bool note_record(const MergeRecord& record, const Diagnostics& record_diags, Diagnostics& diags) {
    bool own = true, noted = false;
    for (const auto& d : record_diags.all()) {
        if (d.severity != Severity::Error || d.span.file == record.span.file) continue;
        const std::string* column = d.character ? column_holding(record, d.character) : nullptr;
        if (!column) {
            own = false;
            continue;
        }
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", unsigned(d.character));
        diags.note(record.fields.at(*column).span,
                   std::string("the character ").append(code).append(" is in column '").append(*column).append("' of this record (").append(record.id).append(")"));
        noted = true;
    }
    if (!noted && !record_diags.all().empty() && record_diags.all().front().span.file != record.span.file)
        diags.note(record.span, "while building the document of this record (" + record.id + ")");
    return own;
}

struct RecordOutput {
    std::optional<frame::FrameDocument> frames;
    std::string pdf, sha256;
    Diagnostics diags;  // writing this record's PDF
};

// Each record's document built in file order on this thread (the resident fonts' caches are not
// shared across threads); a record whose build fails is reported and left without frames.
void build_all(Compiler& compiler, Prepared& prepared, const std::vector<MergeRecord>& records, std::vector<RecordOutput>& out,
               const MergeOptions& options, int pages, Diagnostics& diags) {
    Options build;
    build.input = options.run_file;
    for (size_t i = 0; i < records.size(); ++i) {
        build.variables = records[i].values;
        Diagnostics record_diags;
        out[i].frames = compiler.build_record(prepared, build, record_diags);
        if (out[i].frames && pages > 0 && out[i].frames->pages.size() > size_t(pages)) {
            // A field too long for the layout: the document runs on to another page.
            record_diags.error(records[i].span, "expected the document of this record on " + std::to_string(pages) +
                                                    (pages == 1 ? " page" : " pages") + ", found " + std::to_string(out[i].frames->pages.size()) +
                                                    "; a field is too long for the layout");
            out[i].frames.reset();
        }
        for (const auto& d : record_diags.all()) diags.add(d);
        if (!out[i].frames) {
            // An error at the source or layout: say which record it was built for, and which of its
            // fields holds a character no font can set.
            const bool own = note_record(records[i], record_diags, diags);
            if (!options.skip_bad && !own) return;  // the same error would follow for every record
        }
        if (options.progress) options.progress({"building", i + 1, records.size()});
    }
}

// --skip-bad: the records that did not build are left out like bad rows.
void drop_failed(std::vector<MergeRecord>& records, std::vector<RecordOutput>& out, MergeOutcome& outcome) {
    size_t kept = 0;
    for (size_t i = 0; i < records.size(); ++i) {
        if (!out[i].frames) {
            ++outcome.bad;
            continue;
        }
        if (kept != i) records[kept] = std::move(records[i]), out[kept] = std::move(out[i]);
        ++kept;
    }
    records.resize(kept);
    out.resize(kept);
}

bool write(const std::string& path, const std::string& bytes, const std::vector<std::string>& inputs, MergeOutcome& outcome,
           Diagnostics& diags) {
    if (auto error = write_file_atomically(path, bytes, inputs); !error.empty()) {
        diags.error({}, error);
        return false;
    }
    outcome.files.push_back(path);
    return true;
}

// Each file synced before its rename, as write_file_atomically does, but several at once: on the
// 2-core development machine one thread waited about 10 ms for each fsync, and 2 to 8 threads
// writing together took a fifth of that time per file or less (docs/merge.md). The folder is
// flushed once at the end, which makes every rename durable.
constexpr unsigned kWriterThreads = 4;

bool write_files(const std::vector<RecordOutput>& out, const std::vector<MergeRecord>& records, const MergeOptions& options,
                 const std::vector<std::string>& inputs, MergeOutcome& outcome, Diagnostics& diags) {
    std::vector<std::string> paths(out.size()), errors(out.size());
    std::atomic<size_t> done{0};
    std::atomic<bool> failed{false};
    const auto caller = std::this_thread::get_id();
    parallel_for(out.size(), kWriterThreads, [&](size_t i) {
        if (failed) return;  // as the files were written one by one: none after a failure
        paths[i] = join_path(options.out_dir, records[i].file);
        errors[i] = write_file_atomically_in_batch(paths[i], out[i].pdf, inputs);
        if (!errors[i].empty()) failed = true;
        ++done;
        if (options.progress && std::this_thread::get_id() == caller) options.progress({"writing", done, out.size()});
    });
    sync_folder(options.out_dir);
    if (options.progress) options.progress({"writing", done, out.size()});
    for (size_t i = 0; i < out.size(); ++i) {
        if (!errors[i].empty()) diags.error({}, errors[i]);
        else if (!paths[i].empty()) outcome.files.push_back(paths[i]);
    }
    return !failed;
}

// The per-record PDFs and their digests, on the pool: the same bytes for any thread count.
bool write_separate(std::vector<RecordOutput>& out, const std::vector<MergeRecord>& records, const MergeOptions& options,
                    const std::vector<std::string>& inputs, MergeOutcome& outcome, Diagnostics& diags) {
    parallel_for(out.size(), options.threads, [&](size_t i) {
        auto bytes = pdf::write_pdf(*out[i].frames, out[i].diags);
        if (bytes) out[i].sha256 = sha256_hex(*bytes), out[i].pdf = std::move(*bytes);
    });
    bool ok = true;
    for (auto& o : out) {
        for (const auto& d : o.diags.all()) diags.add(d);
        ok = ok && !o.diags.has_errors();
    }
    if (!ok || options.out_dir.empty()) return ok;
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    return write_files(out, records, options, inputs, outcome, diags);
}

std::string manifest_of(const std::vector<MergeRecord>& records, const std::vector<RecordOutput>& out, const MergeOptions& options) {
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < records.size(); ++i)
        rows.push_back({records[i].id, records[i].name, records[i].number, options.out_dir.empty() ? "" : records[i].file, out[i].sha256});
    return manifest_csv(rows);
}

// The names of the combined PDF and the manifest when they go into the records' folder, which
// no record's file may take.
std::vector<std::string> names_beside_records(const MergeOptions& options) {
    std::vector<std::string> names;
    if (options.out_dir.empty()) return names;
    const auto folder = (std::filesystem::absolute(options.out_dir) / "").lexically_normal();
    for (const std::string& file : {options.combined, options.manifest}) {
        if (file.empty()) continue;  // not written (absolute() throws on an empty path)
        const auto path = std::filesystem::absolute(file).lexically_normal();
        if ((path.parent_path() / "").lexically_normal() == folder) names.push_back(path.filename().string());
    }
    return names;
}

}  // namespace

std::string manifest_csv(const std::vector<std::vector<std::string>>& rows) {
    std::string text = "id,name,number,file,sha256\r\n";
    for (const auto& row : rows) {
        for (size_t c = 0; c < row.size(); ++c) text.append(c ? "," : "").append(csv_field(row[c]));
        text += "\r\n";
    }
    return text;
}

MergeOutcome make_certificates(const MergeOptions& options, const Environment& outer, SourceManager& sources, Diagnostics& diags) {
    MergeOutcome outcome;
    const RecordingEnvironment env(outer);  // what was read, never to be written over
    auto run = input::read_run_file(options.run_file, env, sources, diags);
    if (!run) return outcome;
    Compiler compiler(env, sources);
    Options prepare;
    prepare.input = run->source;
    prepare.layout = run->layout;
    auto prepared = compiler.prepare(prepare, diags);
    if (!prepared) return outcome;
    RecordSet set = read_records(*run, compiler.date_format(*prepared), env, sources, diags, names_beside_records(options));
    outcome.records = set.good.size() + set.bad;
    outcome.bad = set.bad;
    if (!set.readable || (set.bad > 0 && !options.skip_bad) || set.good.empty()) return outcome;

    const size_t errors_before = diags.error_count();
    std::vector<RecordOutput> out(set.good.size());
    build_all(compiler, *prepared, set.good, out, options, run->pages, diags);
    if (diags.error_count() > errors_before) {  // a record that does not build
        if (!options.skip_bad) return outcome;
        drop_failed(set.good, out, outcome);
        if (set.good.empty()) return outcome;
    }

    const std::vector<std::string> inputs(env.paths_read().begin(), env.paths_read().end());
    const bool separate = !options.out_dir.empty() || !options.manifest.empty();
    if (separate && !write_separate(out, set.good, options, inputs, outcome, diags)) return outcome;
    if (!options.manifest.empty() && !write(options.manifest, manifest_of(set.good, out, options), inputs, outcome, diags)) return outcome;
    if (!options.combined.empty()) {
        std::vector<frame::FrameDocument> frames;
        for (auto& o : out) frames.push_back(std::move(*o.frames));
        auto bytes = pdf::write_pdf(combine_records(std::move(frames)), diags);
        if (!bytes || !write(options.combined, *bytes, inputs, outcome, diags)) return outcome;
    }
    outcome.written = set.good.size();
    outcome.success = true;
    return outcome;
}

}  // namespace reportc::driver
