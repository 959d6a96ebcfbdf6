#!/usr/bin/env bash
# Installs the Debian packages newsdex needs, only those missing; uses sudo when not root.
# Usage: scripts/install-deps.sh [extra-package ...]
set -euo pipefail

packages=(
  build-essential cmake pkg-config  # compiler and build
  libxapian-dev xapian-tools        # the search engine library; xapian-check/compact/tcpsrv
  libcli11-dev                      # command-line parsing
  nlohmann-json3-dev                # JSON in and out
  catch2                            # tests (Catch2 v2)
  libgumbo-dev                      # HTML5 parser for the HTML reader
  libutf8proc-dev                   # Unicode NFC, case folding, accent stripping
  libzstd-dev                       # compressing stored article data with a trained dictionary
  libcld2-dev                       # language identification of each article (CLD2)
  zlib1g-dev                        # gzipped benchmark pages (bench/body_extraction)
  python3                           # corpus converters and evaluation scripts
  "$@"
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
