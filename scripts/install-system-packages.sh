#!/usr/bin/env bash
# Installs the Debian packages the demo and the tests need, only those missing (run as root, or with sudo).
#   chromium              drives the workbench in the integration and UI tests
#   ripgrep, libkrb5-dev  needed to install code-server, the VS Code the tests and the demo run in
#   build-essential, python3  build code-server's native modules
#   git                   the storage of every decision log; the CLI and the tests drive it
#   adr-tools             the peer `npm run bench` measures against
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=(chromium ripgrep libkrb5-dev git adr-tools build-essential python3)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "system packages: all present"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${missing[@]}" </dev/null
