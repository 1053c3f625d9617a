#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the browser tests, poppler for PDF checks, the
# libraries WeasyPrint renders with, and Node's npm where the machine has none. Installs only what is missing; uses sudo when not root.
set -euo pipefail
packages=(chromium poppler-utils fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
missing=()
command -v npm >/dev/null || missing+=(nodejs npm)  # axe-core for the accessibility tests comes from npm
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
