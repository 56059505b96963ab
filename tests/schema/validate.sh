#!/usr/bin/env bash
# Validates XML files against a RELAX NG schema with xmllint.
#
#   validate.sh [--expect-invalid] [--exclude-dir NAME]... [--exclude-file NAME]... SCHEMA PATH...
#
# PATH is an .xml file or a directory searched recursively for *.xml (directories named by
# --exclude-dir are skipped, e.g. `data` for data records that are not report sources).
# Normal mode: every file must validate. With --expect-invalid every file must be REJECTED as
# invalid (xmllint exit status 3); a file that validates, is not well-formed, or a schema that
# does not compile is a failure, so a negative test never passes by accident.
# Exits 1 on any failure or when no file was found; 77 (reported as skipped by CTest) when
# xmllint is not installed.
set -u

expect_invalid=0
exclude_dirs=()
exclude_files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --expect-invalid) expect_invalid=1; shift ;;
    --exclude-dir) exclude_dirs+=("$2"); shift 2 ;;
    --exclude-file) exclude_files+=("$2"); shift 2 ;;
    --) shift; break ;;
    -*) echo "validate.sh: unknown option '$1'" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -lt 2 ]; then
  echo "usage: validate.sh [--expect-invalid] [--exclude-dir NAME]... SCHEMA PATH..." >&2
  exit 2
fi
schema="$1"
shift

xmllint="${XMLLINT:-xmllint}"
if ! command -v "$xmllint" >/dev/null 2>&1; then
  echo "validate.sh: xmllint not found (Debian package libxml2-utils); skipping" >&2
  exit 77
fi
if [ ! -f "$schema" ]; then
  echo "validate.sh: schema '$schema' not found" >&2
  exit 1
fi

files=()
for path in "$@"; do
  if [ -f "$path" ]; then
    files+=("$path")
  elif [ -d "$path" ]; then
    prune=()
    for d in "${exclude_dirs[@]+"${exclude_dirs[@]}"}"; do
      prune+=(-name "$d" -o)
    done
    if [ ${#prune[@]} -gt 0 ]; then
      unset 'prune[${#prune[@]}-1]'
      find_args=("$path" -type d \( "${prune[@]}" \) -prune -o -type f -name '*.xml' -print0)
    else
      find_args=("$path" -type f -name '*.xml' -print0)
    fi
    while IFS= read -r -d '' f; do
      skip=0
      for name in "${exclude_files[@]+"${exclude_files[@]}"}"; do [ "$(basename "$f")" = "$name" ] && skip=1; done
      [ "$skip" -eq 0 ] && files+=("$f")
    done < <(find "${find_args[@]}" | sort -z)
  else
    echo "validate.sh: '$path' is neither a file nor a directory" >&2
    exit 1
  fi
done

if [ ${#files[@]} -eq 0 ]; then
  echo "FAIL: no .xml files found in: $*" >&2
  exit 1
fi

failures=0
for f in "${files[@]}"; do
  output=$("$xmllint" --noout --relaxng "$schema" "$f" 2>&1)
  rc=$?
  if [ "$expect_invalid" -eq 0 ]; then
    if [ "$rc" -eq 0 ]; then
      echo "ok       $f"
    else
      echo "FAIL     $f (xmllint exit $rc)"
      printf '%s\n' "$output" | grep -v ' fails to validate$' | sed 's/^/         /'
      failures=$((failures + 1))
    fi
  else
    case "$rc" in
      3)
        echo "rejected $f (as expected)"
        printf '%s\n' "$output" | grep -v ' fails to validate$' | sed 's/^/         /'
        ;;
      0)
        echo "FAIL     $f validates, but it is invalid and the schema must reject it"
        failures=$((failures + 1))
        ;;
      *)
        echo "FAIL     $f: xmllint exit $rc, not a validation error (schema or XML broken?)"
        printf '%s\n' "$output" | sed 's/^/         /'
        failures=$((failures + 1))
        ;;
    esac
  fi
done

echo "${#files[@]} file(s) checked against $(basename "$schema"), $failures failure(s)"
[ "$failures" -eq 0 ]
