#!/bin/sh
# Compiles the locales the tests switch between into a private folder, so the
# tests need neither root nor a locale generated system-wide (LOCPATH points
# at it).
set -eu
out="$1"
stamp="$2"
mkdir -p "$out"
for loc in zh_CN en_US; do
  [ -d "$out/$loc.UTF-8" ] || localedef -i "$loc" -f UTF-8 "$out/$loc.UTF-8" 2>/dev/null || {
    # localedef exits 1 on mere warnings; what matters is the result.
    [ -f "$out/$loc.UTF-8/LC_MESSAGES/SYS_LC_MESSAGES" ] || {
      echo "make-test-locales: cannot build $loc.UTF-8 (is the 'locales' package installed?)" >&2
      exit 1
    }
  }
done
touch "$stamp"
