#!/usr/bin/env bash
# Checks every #include in compiler/ against the module dependency table of
# docs/architecture.md: a module may include its own headers, the headers of the modules it
# may use (transitively), the standard library, and only its own third-party library.
set -u
root=${1:?usage: check_layers.sh REPO_ROOT}
cd "$root/compiler" || exit 2

declare -A allowed=(
  [base]=""
  [source]="base"
  [doc]="base"
  [frame]="base"
  [input]="doc source base"
  [style]="doc base"
  [text]="base source"
  [linebreak]="base"
  [inline]="text style linebreak doc base source"
  [layout]="inline frame doc style text linebreak base source chart"
  [pages]="layout inline frame doc style text linebreak base source chart"
  [pdf]="frame base"
  [trace]="frame base"
  [render]="frame base"
  [chart]="frame text doc style base source"
  [data]="doc input source base"
  [xref]="doc base"
  [driver]="input style text inline layout pages pdf trace render chart data xref frame doc linebreak source base"
  [cli]="driver base source layout frame render"
)
declare -A third_party=(
  [input]="pugixml.hpp"
  [pdf]="hpdf.h hpdf_doc.h hpdf_objects.h hpdf_pages.h hpdf_fontdef.h hpdf_font.h hpdf_encoder.h hpdf_streams.h hpdf_mmgr.h hpdf_types.h hpdf_consts.h hpdf_error.h hpdf_conf.h hpdf_list.h hpdf_utils.h"
  [text]="ft2build.h hyphen.h"
  [render]="cairo.h cairo-ft.h ft2build.h"
  [chart]="cairo.h"
)
status=0
checked=0
for dir in */; do
  module=${dir%/}
  [ -n "${allowed[$module]+x}" ] || { echo "unknown module folder compiler/$module (add it to check_layers.sh and docs/architecture.md)"; status=1; continue; }
  for file in "$module"/*.h "$module"/*.cpp; do
    [ -e "$file" ] || continue
    while IFS= read -r line; do
      checked=$((checked + 1))
      if [[ $line =~ ^#include\ \"([a-z_]+)/ ]]; then
        dep=${BASH_REMATCH[1]}
        [ "$dep" = "$module" ] && continue
        [[ " ${allowed[$module]} " == *" $dep "* ]] && continue
        echo "compiler/$file: includes $dep, which $module may not use"; status=1
      elif [[ $line =~ ^#include\ [\<\"]([^\>\"]+)[\>\"] ]]; then
        header=${BASH_REMATCH[1]}
        [[ $header == */* || $header == *.h || $header == *.hpp ]] || continue  # standard headers
        case $header in sys/*|unistd.h) continue ;; esac
        if [[ " ${third_party[$module]:-} " == *" ${header##*/} "* || ( ( $module == text || $module == render ) && $header == FT_* ) || ( $module == text && $header == freetype/* ) ]]; then
          # A third-party header may appear in a .cpp or a private header, never a public one
          # that other modules include.
          continue
        fi
        echo "compiler/$file: includes third-party header <$header>, which belongs to no module allowed here"; status=1
      fi
    done < <(grep -E '^#include' "$file")
  done
done
# Third-party headers must not leak through headers other modules include.
for pair in "input:pugixml.hpp" "pdf:hpdf" "text:ft2build.h" "text:hyphen.h" "render:cairo.h" "chart:cairo.h"; do
  module=${pair%%:*}; header=${pair#*:}
  for h in "$module"/*.h; do
    [ -e "$h" ] || continue
    if grep -qE "^#include [<\"]$header" "$h"; then
      base=$(basename "$h")
      if grep -rqE "^#include \"$module/$base\"" --include=*.h --include=*.cpp . 2>/dev/null | grep -v "^./$module/" >/dev/null; then :; fi
      users=$(grep -rlE "^#include \"$module/$base\"" . | grep -v "^./$module/" || true)
      [ -z "$users" ] || { echo "compiler/$h includes <$header> and is included outside $module: $users"; status=1; }
    fi
  done
done
[ $checked -gt 50 ] || { echo "checked only $checked include lines: is REPO_ROOT right?"; status=1; }
[ $status -eq 0 ] && echo "layering: $checked include lines checked, all within the module table"
exit $status
