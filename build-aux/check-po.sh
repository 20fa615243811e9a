#!/bin/sh
# Fails unless every translatable string in the sources has a zh_CN
# translation: extracts the strings afresh (the same keywords as meson's glib
# preset) and compares them with po/zh_CN.po, and checks that POTFILES.in
# lists every file that has translatable strings.
set -eu
top="$1"
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
for f in $(grep -rlE '_\(|N_\(|C_\(|translatable="yes"' src ui data --include='*.c' \
             --include='*.ui' --include='*.in.in' --include='*.gschema.xml' | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "check-po: $f has translatable strings but is not listed in po/POTFILES.in"
    status=1
  fi
done

xgettext --files-from=po/POTFILES.in --directory="$top" --output="$tmp/sihua.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=g_string_printf:2:c-format --flag=g_strdup_printf:1:c-format 2>/dev/null

# msgcmp treats untranslated and fuzzy entries as missing.
if ! msgcmp po/zh_CN.po "$tmp/sihua.pot" 2>"$tmp/msgcmp.log"; then
  echo "check-po: po/zh_CN.po lacks translations:"
  cat "$tmp/msgcmp.log" | head -40
  status=1
fi

msgfmt --check -o /dev/null po/zh_CN.po || status=1
exit $status
