#!/usr/bin/env bash
# Builds the current commit twice, each time in a fresh clone in its own temporary directory, and
# compares the sha256 of every published jar (main, sources, javadoc) of sdk-core and
# sdk-testkit. Exits non-zero when any differs. Uncommitted changes are not part of the check.
#
#   scripts/check-reproducible.sh          # online, as CI runs it
#   MVN_ARGS=-o scripts/check-reproducible.sh   # offline, once dependencies are downloaded
set -euo pipefail

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$root" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

modules=(sdk-core sdk-testkit)
for n in 1 2; do
  git clone -q --no-hardlinks "$root" "$work/build-$n"
  git -C "$work/build-$n" checkout -q --detach "$commit"
  (cd "$work/build-$n" \
    && mvn -B -q ${MVN_ARGS:-} -pl build-tools,cdapkit-bom,sdk-core,sdk-testkit \
      -DskipTests -Dspotless.check.skip=true package)
  for m in "${modules[@]}"; do
    (cd "$work/build-$n" && sha256sum "$m"/target/*.jar)
  done | sort -k2 > "$work/sha256-$n.txt"
done

echo "commit $commit"
cat "$work/sha256-1.txt"
if diff -u "$work/sha256-1.txt" "$work/sha256-2.txt"; then
  echo "reproducible: $(wc -l < "$work/sha256-1.txt") jars identical across two clean builds"
else
  echo "NOT reproducible: the jars above differ between two clean builds" >&2
  exit 1
fi
