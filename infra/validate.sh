#!/usr/bin/env bash
# Compiles and lints the Bicep in this folder with the Bicep CLI served as a NuGet package, so it needs only
# the .NET SDK (no Azure CLI, no network beyond the NuGet feed). Nothing is written to the repo.
# Usage: infra/validate.sh
set -euo pipefail
cd "$(dirname "$0")"

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) echo "unsupported machine: $(uname -m)" >&2; exit 1 ;;
esac
package="azure.bicep.commandline.${rid}"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="${packages}/${package}/${BICEP_VERSION}/tools/bicep"

if [[ ! -f "$bicep" ]]; then
  # A throwaway project outside the repo restores the package into the NuGet cache.
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  dotnet new classlib --output "$work" --name BicepCli --framework net10.0 >/dev/null
  dotnet add "$work/BicepCli.csproj" package "Azure.Bicep.CommandLine.${rid}" --version "$BICEP_VERSION" >/dev/null
fi
chmod +x "$bicep"

"$bicep" --version
"$bicep" build main.bicep --stdout > /dev/null
"$bicep" lint main.bicep
echo "infra: bicep build and lint passed"
