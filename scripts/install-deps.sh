#!/usr/bin/env bash
# Installs the Debian packages xapian-arabic builds, tests and runs with
# (docs/dependencies.md says why each is there). Does nothing when all are present.
set -euo pipefail
packages=(
  cmake make g++ clang-14 libclang-rt-14-dev clang-format pkg-config binutils git
  libxapian-dev xapian-tools xapian-omega python3-xapian python3-dev python3-pybind11
  libicu-dev libstemmer-dev hunspell-ar libhunspell-dev libtomlplusplus-dev libcli11-dev nlohmann-json3-dev
  libgumbo-dev zlib1g-dev libjemalloc-dev catch2 libbenchmark-dev
  default-jdk-headless liblucene4.10-java libjackson2-core-java
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
