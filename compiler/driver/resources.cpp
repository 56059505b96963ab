#include "driver/resources.h"

#include "driver/images.h"
#include "input/layout_reader.h"

namespace reportc::driver {

void register_fonts(const doc::LayoutSource& layout, text::FontRegistry& fonts, Diagnostics& diags) {
    for (const auto& family : layout.font_families) {
        std::string error;
        if (!fonts.add_family(family.name, family.regular, family.bold, family.italic, family.bold_italic, error))
            diags.error(family.span_of(fonts.unloaded_file(family.name)), error);
        else if (!family.kerning)
            fonts.turn_off_kerning(family.name);
        if (!family.features.empty()) fonts.set_features(family.name, family.features);
    }
    for (const auto& name : layout.fallback_families)
        if (!fonts.is_declared(name))
            diags.error(layout.fallback_span, "expected a font family declared with <font-family>, found '" + name + "'");
    fonts.set_fallbacks(layout.fallback_families);
    for (const auto& style : layout.styles)
        for (const auto& p : style.properties)
            if (p.name == "font-family" && !fonts.is_declared(p.value))
                diags.error(p.span, "expected a font family declared with <font-family>, found '" + p.value + "'");
}

namespace {

// The page masters' images, read like the report's but from the layout's folder; the
// image-paths setting is read here from its declaration (the styles are built from the result).
void load_page_images(doc::LayoutSource& layout, const std::string& path, const Environment& env, Diagnostics& diags) {
    Diagnostics ignored;  // the setting's own errors are reported when the styles read it
    auto settings = style::read_settings(layout.settings, [](const std::string&) { return true; }, ignored);
    ImageLoader images(env, image_folders(parent_directory(path), path, settings.image_paths));
    for (auto& master : layout.page_masters) {
        for (auto& placed : master.images) images.load(placed.image, diags);
        for (auto* marginal : {&master.header, &master.footer})
            for (auto* slot : {&marginal->left_image, &marginal->center_image, &marginal->right_image})
                if (*slot) images.load(**slot, diags);
    }
}

}  // namespace

const Resources* ResourceCache::get(const std::string& path, Span from, unsigned jobs, Diagnostics& diags) {
    auto& slot = m_by_path[path];
    // Reused only while the file reads the same: a layout edited between builds is made anew.
    auto text = m_env.read_file(path);
    if (slot && text && *text == slot->layout_text) {
        ++m_counts.layouts_reused;
    } else {
        Diagnostics own;
        slot = make(path, text.value_or(std::string{}), from, jobs, own);
        if (!slot) {
            for (const auto& d : own.all()) diags.add(d);
            return nullptr;
        }
    }
    for (const auto& d : slot->diagnostics) diags.add(d);
    return slot.get();
}

// Reads the layout, builds its styles, loads its fonts and dictionary; every finding is kept
// in the result (and in `diags` when there is no result).
// Font files by path, read once for every layout that names them.
text::FontReader ResourceCache::font_reader(const Environment& env) {
    return [this, read = text::read_fonts_through(env)](const std::string& path, std::string& error) -> FontBytes {
        if (auto it = m_font_bytes.find(path); it != m_font_bytes.end()) return it->second;
        FontBytes bytes = read(path, error);
        if (bytes) m_font_bytes.emplace(path, bytes);
        return bytes;
    };
}

std::unique_ptr<Resources> ResourceCache::make(const std::string& path, std::string text, Span from, unsigned jobs,
                                               Diagnostics& diags) {
    auto reads = std::make_unique<RecordingEnvironment>(m_env);
    const RecordingEnvironment& env = *reads;
    auto layout = input::read_layout(path, env, m_sources, diags, from);
    if (!layout) return nullptr;
    ++m_counts.layouts_parsed;
    auto r = std::make_unique<Resources>();
    r->layout_text = std::move(text);
    r->reads = std::move(reads);
    r->layout = std::move(*layout);
    r->generation = ++m_made;
    // The dictionary first, so that its parse goes on while the fonts and styles are made (and
    // the report resolved); what refuses it is reported where it always was, after the fonts.
    std::string dictionary_error;
    if (!r->layout.hyphenation_dictionary.empty()) {
        // Read once, as text::Hyphenator::read does.
        const std::string& dictionary = r->layout.hyphenation_dictionary;
        if (auto bytes = env.read_file(dictionary, FileUse::FontOrDictionary)) {
            if (auto why = text::Hyphenator::refusal(dictionary, *bytes)) {
                dictionary_error = std::move(*why);
            } else {
                r->dictionary = std::move(*bytes);
                r->hyphenator = HyphenatorLoad(dictionary, r->dictionary, jobs > 1);
                if (r->hyphenator.on_thread()) ++m_counts.dictionaries_on_thread;
            }
        } else {
            dictionary_error = std::string("cannot read hyphenation dictionary '")
                                   .append(dictionary)
                                   .append("': ")
                                   .append(env.why_unreadable(dictionary, FileUse::FontOrDictionary));
        }
        ++m_counts.dictionaries_loaded;
    }
    load_page_images(r->layout, path, env, diags);
    r->styles = style::Stylesheet::build(r->layout, diags);
    r->fonts = std::make_unique<text::FontRegistry>(font_reader(env));
    register_fonts(r->layout, *r->fonts, diags);
    m_counts.font_families_loaded += r->layout.font_families.size();
    for (const auto& family : r->layout.font_families)
        for (const auto* file : {&family.regular, &family.bold, &family.italic, &family.bold_italic})
            if (auto it = m_font_bytes.find(*file); it != m_font_bytes.end()) r->font_files.emplace(*file, it->second);
    if (!dictionary_error.empty()) diags.error(r->layout.hyphenation_span, dictionary_error);
    const auto& settings = r->styles.settings();
    r->body_master = r->styles.page_master(settings.page_master);
    // An undefined page-master setting is reported at the setting; without one, here.
    if (!r->body_master && !settings.page_master_span.valid())
        diags.error(from, "expected the layout to define the page master '" + settings.page_master + "'");
    r->diagnostics = diags.all();
    return r;
}

}  // namespace reportc::driver
