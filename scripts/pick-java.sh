#!/usr/bin/env bash
# Prints the java command the app prefers: ANTQ_JAVA when set; else the newest JDK 25 or later
# among $JAVA_HOME, `java` on PATH and /usr/lib/jvm/* (its AOT cache starts the app in about half
# the time, docs/performance.md T5); else $JAVA_HOME's or PATH's java (JDK 17+, with an AppCDS
# archive instead).
set -euo pipefail
if [ -n "${ANTQ_JAVA:-}" ]; then echo "$ANTQ_JAVA"; exit 0; fi
major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
candidates=()
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && candidates+=("$JAVA_HOME/bin/java")
command -v java >/dev/null && candidates+=("$(command -v java)")
for j in /usr/lib/jvm/*/bin/java; do [ -x "$j" ] && candidates+=("$j"); done
best="" best_major=0
for j in "${candidates[@]}"; do
  m=$(major "$j" 2>/dev/null || echo 0)
  [[ "$m" =~ ^[0-9]+$ ]] || continue
  if [ "$m" -ge 25 ] && [ "$m" -gt "$best_major" ]; then best=$j best_major=$m; fi
done
if [ -n "$best" ]; then echo "$best"; elif [ ${#candidates[@]} -gt 0 ]; then echo "${candidates[0]}"; else echo java; fi
