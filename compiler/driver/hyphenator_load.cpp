#include "driver/hyphenator_load.h"

#include <system_error>

#include "base/interrupts.h"

namespace reportc::driver {

HyphenatorLoad::HyphenatorLoad(const std::string& path, const std::string& bytes, bool on_thread) {
    auto parse = [path, &bytes, on_thread] {
        if (on_thread) block_interrupts_in_this_thread();
        Loaded loaded;
        loaded.hyphenator = text::Hyphenator::load_checked(path, bytes, loaded.error);
        return loaded;
    };
    if (on_thread) {
        try {
            m_loaded = std::async(std::launch::async, parse).share();
            m_on_thread = true;
            return;
        } catch (const std::system_error&) {
            // No thread to be had (resource_unavailable_try_again): parsed here instead.
        }
    }
    std::promise<Loaded> now;
    now.set_value(parse());
    m_loaded = now.get_future().share();
}

const std::string& HyphenatorLoad::error() const {
    static const std::string none;
    return m_loaded.valid() ? m_loaded.get().error : none;
}

}  // namespace reportc::driver
