#!/usr/bin/env bash
# Installs the Debian packages reportc needs to build and test. As root it runs apt-get;
# otherwise it prints the exact command and fails, so nothing is half-installed.
set -euo pipefail
packages=(
  cmake make ninja-build g++ pkg-config
  libhpdf-dev libcairo2-dev libpugixml-dev libfreetype-dev libharfbuzz-dev libzip-dev
  libhyphen-dev hyphen-en-us
  libpng-dev libjpeg62-turbo-dev
  libqrencode-dev
  zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  poppler-utils qpdf libxml2-utils
  zbar-tools
  fonts-nanum fonts-arphic-gbsn00lp fonts-droid-fallback
  fonts-vollkorn
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "reportc needs these Debian packages: ${missing[*]}" >&2
  echo "install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
