#include "text/letters.h"

namespace reportc::text::letters {

bool is_mark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

bool is_letter(char32_t cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
    if (cp == 0x00AA || cp == 0x00B5 || cp == 0x00BA) return true;
    if (cp >= 0x00C0 && cp <= 0x024F) return cp != 0x00D7 && cp != 0x00F7;
    if (is_mark(cp)) return true;
    if (cp >= 0x0386 && cp <= 0x03FF) return cp != 0x0387 && cp != 0x03F6;  // Greek, minus punctuation
    if (cp >= 0x0400 && cp <= 0x052F) return !(cp >= 0x0482 && cp <= 0x0489);  // Cyrillic, minus signs
    return cp >= 0x1E00 && cp <= 0x1EFF;
}

char32_t to_lower(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7) return cp + 32;
    if (cp < 0x0100) return cp;
    // Latin Extended-A: alternating upper/lower pairs, with the parity flipping twice.
    if (cp == 0x0130) return U'i';
    if (cp == 0x0178) return 0x00FF;
    if ((cp <= 0x0137 && cp != 0x0131) || (cp >= 0x014A && cp <= 0x0177)) return (cp % 2 == 0) ? cp + 1 : cp;
    if ((cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E)) return (cp % 2 == 1) ? cp + 1 : cp;
    // Latin Extended-B: only the regular runs that European languages use.
    if (cp == 0x01C4 || cp == 0x01C5) return 0x01C6;
    if (cp == 0x01C7 || cp == 0x01C8) return 0x01C9;
    if (cp == 0x01CA || cp == 0x01CB) return 0x01CC;
    if (cp == 0x01A0 || cp == 0x01AF) return cp + 1;  // Ơ, Ư: Vietnamese
    if (cp >= 0x01CD && cp <= 0x01DC) return (cp % 2 == 1) ? cp + 1 : cp;
    if ((cp >= 0x01DE && cp <= 0x01EF) || (cp >= 0x01F8 && cp <= 0x021F)) return (cp % 2 == 0) ? cp + 1 : cp;
    // Greek.
    if (cp >= 0x0391 && cp <= 0x03AB && cp != 0x03A2) return cp + 32;
    if (cp == 0x0386) return 0x03AC;
    if (cp >= 0x0388 && cp <= 0x038A) return cp + 37;
    if (cp == 0x038C) return 0x03CC;
    if (cp == 0x038E || cp == 0x038F) return cp + 63;
    // Cyrillic.
    if (cp >= 0x0400 && cp <= 0x040F) return cp + 80;
    if (cp >= 0x0410 && cp <= 0x042F) return cp + 32;
    if ((cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) || (cp >= 0x04D0 && cp <= 0x052F))
        return (cp % 2 == 0) ? cp + 1 : cp;
    if (cp == 0x04C0) return 0x04CF;
    if (cp >= 0x04C1 && cp <= 0x04CE) return (cp % 2 == 1) ? cp + 1 : cp;
    // Latin Extended Additional (Vietnamese, Welsh …), except the unpaired U+1E96-U+1E9F.
    if (cp >= 0x1E00 && cp <= 0x1EFF && !(cp >= 0x1E96 && cp <= 0x1E9F)) return (cp % 2 == 0) ? cp + 1 : cp;
    return cp;
}

}  // namespace reportc::text::letters
