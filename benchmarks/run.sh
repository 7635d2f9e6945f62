#!/usr/bin/env bash
# Runs the end-to-end benchmark (see benchmarks/README.md). Arguments pass through, e.g.
#   benchmarks/run.sh --sizes 1000000,10000000
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
"$REPO/run.sh" --version >/dev/null   # builds the jars if needed
if [ ! -f "$HERE/target/wellspring-benchmarks.jar" ]; then
  (cd "$REPO" && mvn -B -q -DskipTests -Dassembly.skipAssembly=true -Dspotless.check.skip=true package -pl benchmarks -am)
fi
exec java -Xmx2g -cp "$HERE/target/wellspring-benchmarks.jar:$HERE/target/lib/*" \
  dev.wellspring.bench.Benchmark --repo "$REPO" --data "$HERE/data" "$@"
