#!/usr/bin/env bash
# Debian packages of the project, only those that are missing (sudo when not root).
#   tools/install-system-packages.sh build   the libraries WeasyPrint renders the PDF with
#   tools/install-system-packages.sh         those, plus what the tests need: Chromium for the
#                                             browser tests, poppler for the PDF checks, npm for axe-core
#                                             and the Nu Html Checker, Java to run the checker
set -euo pipefail
packages=(fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
missing=()
if [ "${1:-test}" != build ]; then
  packages+=(chromium poppler-utils)
  command -v npm >/dev/null || missing+=(nodejs npm)  # axe-core and vnu-jar (the checker) come from npm
  command -v java >/dev/null || missing+=(default-jre-headless)  # runs the Nu Html Checker (Java 17 or later)
fi
if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "not a Debian system: install these yourself if they are missing: ${packages[*]}" >&2
  exit 0
fi
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
