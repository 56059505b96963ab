#!/bin/sh
# What the sanitizer and fuzzing builds need beyond scripts/install-deps.sh: clang (libFuzzer and
# the sanitizer runtimes come with it in Debian) and python3 for the seed corpora.
set -eu
missing=""
for tool in clang++ python3; do
    command -v "$tool" >/dev/null || missing="$missing $tool"
done
[ -z "$missing" ] && exit 0
apt-get update
apt-get install -y clang python3
