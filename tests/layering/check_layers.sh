#!/usr/bin/env bash
# Checks the module graph against its one source of truth, the table between the
# "layers:begin" and "layers:end" markers of docs/architecture.md:
#   - a module includes ("x/…") only its own headers and those of the modules in its row;
#   - every module in its row is included somewhere in the module (no unused entries);
#   - compiler/<module>/CMakeLists.txt declares exactly its row as DEPS (reportc::x) and its
#     third-party libraries as PRIVATE_DEPS;
#   - third-party headers appear only in the modules that list the library, and never in a
#     header that another module includes.
set -u
root=${1:?usage: check_layers.sh REPO_ROOT}
cd "$root/compiler" || exit 2
table_file=../docs/architecture.md

# Third-party libraries the table may name: the headers that belong to each (glob patterns) and
# the CMake target that links it.
declare -A library_headers=(
  [pugixml]="pugixml.hpp"
  [FreeType]="ft2build.h freetype/*"
  [libhyphen]="hyphen.h"
  [libharu]="hpdf*.h"
  [Cairo]="cairo.h cairo-ft.h"
  [libzip]="zip.h"
  [libpng]="png.h"
  [libjpeg]="jpeglib.h jerror.h"
  [libqrencode]="qrencode.h"
  [HarfBuzz]="hb.h hb-*.h"
  [zlib]="zlib.h zconf.h"
)
declare -A library_target=(
  [pugixml]="PkgConfig::PUGIXML"
  [FreeType]="PkgConfig::FREETYPE"
  [libhyphen]="hyphen::hyphen"
  [libharu]="hpdf::hpdf"
  [Cairo]="PkgConfig::CAIRO"
  [libzip]="PkgConfig::LIBZIP"
  [libpng]="PNG::PNG"
  [libjpeg]="JPEG::JPEG"
  [libqrencode]="PkgConfig::QRENCODE"
  [HarfBuzz]="PkgConfig::HARFBUZZ"
  [zlib]="ZLIB::ZLIB"
)

status=0
fail() { echo "$*"; status=1; }

# --- the table -----------------------------------------------------------------------------
declare -A uses=() libraries=()
in_table=0
while IFS= read -r line; do
  case $line in
    '<!-- layers:begin -->') in_table=1; continue ;;
    '<!-- layers:end -->') in_table=0; continue ;;
  esac
  [ $in_table -eq 1 ] || continue
  [[ $line =~ ^\|\ *([a-z_]+)\ *\|([^|]*)\|([^|]*)\|\ *$ ]] || continue
  module=${BASH_REMATCH[1]}
  [ "$module" = module ] && continue  # the header row
  uses[$module]=$(echo ${BASH_REMATCH[2]})
  libraries[$module]=$(echo ${BASH_REMATCH[3]})
  for library in ${libraries[$module]}; do
    [ -n "${library_headers[$library]+x}" ] ||
      fail "docs/architecture.md: unknown third-party library '$library' in the $module row (known: ${!library_headers[*]})"
  done
done < "$table_file"
[ ${#uses[@]} -gt 10 ] || { echo "read only ${#uses[@]} module rows from $table_file: are the layers markers there?"; exit 1; }

in_list() { [[ " $2 " == *" $1 "* ]]; }
table_hint() { echo "(edit the $1 row of docs/architecture.md and DEPS in compiler/$1/CMakeLists.txt together)"; }

# --- includes --------------------------------------------------------------------------------
checked=0
for dir in */; do
  module=${dir%/}
  if [ -z "${uses[$module]+x}" ]; then
    fail "compiler/$module: module folder without a row in the table of docs/architecture.md"
    continue
  fi
  included=" "
  for file in "$module"/*.h "$module"/*.cpp; do
    [ -e "$file" ] || continue
    while IFS=: read -r number line; do
      checked=$((checked + 1))
      if [[ $line =~ ^#include\ \"([a-z_]+)/ ]]; then
        dep=${BASH_REMATCH[1]}
        [ "$dep" = "$module" ] && continue
        in_list "$dep" "$included" || included+="$dep "
        in_list "$dep" "${uses[$module]}" ||
          fail "compiler/$file:$number: includes \"$dep/…\", but $module may not use $dep $(table_hint "$module")"
      elif [[ $line =~ ^#include\ [\<\"]([^\>\"]+)[\>\"] ]]; then
        header=${BASH_REMATCH[1]}
        [[ $header == */* || $header == *.h || $header == *.hpp ]] || continue  # standard headers
        # Linux's file and signal notification (watch mode) stays in cli, beside the process's
        # other concerns (docs/architecture.md, "The driver: a resident compiler").
        case $header in sys/inotify.h|sys/signalfd.h)
          [ "$module" = cli ] || fail "compiler/$file:$number: includes <$header>, which only cli may use (watch mode)"
          continue ;;
        esac
        case $header in sys/*|unistd.h|fcntl.h|poll.h|signal.h) continue ;; esac  # POSIX
        # glibc's allocator: the driver gives the parsed document's freed nodes back once they
        # are encoded (malloc_trim(3); docs/performance.md, "The document kept as bytes").
        case $header in malloc.h)
          [ "$module" = driver ] || fail "compiler/$file:$number: includes <$header>, which only driver may use"
          continue ;;
        esac
        owner=""
        for library in "${!library_headers[@]}"; do
          for pattern in ${library_headers[$library]}; do
            # shellcheck disable=SC2053  # $pattern is a glob on purpose
            [[ $header == $pattern ]] && owner=$library
          done
        done
        if [ -z "$owner" ]; then
          fail "compiler/$file:$number: includes <$header>, which belongs to no third-party library of the table"
        elif ! in_list "$owner" "${libraries[$module]}"; then
          fail "compiler/$file:$number: includes <$header> ($owner), which $module may not use"
        elif [[ $file == *.h ]]; then
          # A header with a third-party include must stay private to its module.
          users=$(grep -rlE "^#include \"$file\"" . | grep -v "^\./$module/" | tr '\n' ' ')
          [ -z "$users" ] || fail "compiler/$file includes <$header> and is included outside $module: $users"
        fi
      fi
    done < <(grep -nE '^#include' "$file")
  done
  for dep in ${uses[$module]}; do
    in_list "$dep" "$included" ||
      fail "docs/architecture.md: $module is said to use $dep, but no file of compiler/$module includes \"$dep/…\""
  done

  # --- CMake declarations ---------------------------------------------------------------------
  cmake_file="$module/CMakeLists.txt"
  [ -e "$cmake_file" ] || { fail "compiler/$cmake_file: missing"; continue; }
  # The reportc_module(...) call as one line of words, comments dropped.
  call=$(sed -e 's/#.*//' "$cmake_file" | tr '\n' ' ' | grep -oE "reportc_module\($module[[:space:]][^)]*\)")
  [ -n "$call" ] || { fail "compiler/$cmake_file: no reportc_module($module …) call"; continue; }
  declared="" private="" section=""
  for word in ${call//[()]/ }; do
    case $word in
      SOURCES|DEPS|PRIVATE_DEPS) section=$word ;;
      *) case $section in
           DEPS) declared+="${word#reportc::} " ;;
           PRIVATE_DEPS) private+="$word " ;;
         esac ;;
    esac
  done
  for dep in $declared; do
    in_list "$dep" "${uses[$module]}" ||
      fail "compiler/$cmake_file: declares reportc::$dep, which is not in the $module row of docs/architecture.md"
  done
  for dep in ${uses[$module]}; do
    in_list "$dep" "$declared" ||
      fail "compiler/$cmake_file: does not declare reportc::$dep, which $module uses (see docs/architecture.md)"
  done
  expected_private=""
  for library in ${libraries[$module]}; do expected_private+="${library_target[$library]:-?} "; done
  for target in $private; do
    in_list "$target" "$expected_private" ||
      fail "compiler/$cmake_file: PRIVATE_DEPS has $target, which is not a library of the $module row"
  done
  for target in $expected_private; do
    in_list "$target" "$private" ||
      fail "compiler/$cmake_file: PRIVATE_DEPS lacks $target, a library of the $module row"
  done
done
for module in "${!uses[@]}"; do
  [ -d "$module" ] || fail "docs/architecture.md: row for $module, but there is no compiler/$module"
done

[ $checked -gt 50 ] || fail "checked only $checked include lines: is REPO_ROOT right?"
[ $status -eq 0 ] && echo "layering: $checked include lines and ${#uses[@]} CMakeLists checked against docs/architecture.md"
exit $status
