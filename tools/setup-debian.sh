#!/usr/bin/env bash
# Installs the Debian bookworm packages segc needs to build and test; does
# nothing when they are all present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  antlr4 default-jre-headless libantlr4-runtime-dev
  llvm-19-dev libfmt-dev catch2 libcli11-dev libre2-dev libicu-dev
  nlohmann-json3-dev libssl-dev libroaring-dev libxxhash-dev
  clang-19 libclang-rt-19-dev
  git python3 python3-yaml
  chromium fonts-dejavu-core
  libsqlite3-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
