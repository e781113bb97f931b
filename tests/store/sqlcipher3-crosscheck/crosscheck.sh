#!/usr/bin/env bash
# The SQLCipher 3 format checked against Debian 12's SQLCipher 3.4.1 itself, the engine of
# FaceEnroll stations before issue 16. Outside the product and outside ctest (it needs
# libsqlcipher-dev, which the build no longer uses): run it by hand while Debian still ships
# that package.
#   apt-get install libsqlcipher-dev && tests/store/sqlcipher3-crosscheck/crosscheck.sh [BUILD_BIN_DIR]
# 1. store_make_sqlcipher3_station writes a station in the SQLCipher 3 format with SQLCipher
#    4.14's cipher_compatibility = 3 (as the store tests make their old stations);
# 2. SQLCipher 3.4.1 opens it (so that format is 3.4.1's), adds a row, and rewrites the whole
#    database with its own sqlcipher_export: every page of the station is now 3.4.1's work;
# 3. faceenroll-cli logs in to that station, which migrates it: store-info must say 4.14, the
#    audit chain must verify and record the migration, and every row must be there;
# 4. SQLCipher 3.4.1 can no longer open the migrated file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:-$here/../../../build/bin}"
pkg-config --exists sqlcipher || { echo "crosscheck: needs Debian's libsqlcipher-dev (SQLCipher 3.4.1)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cc -O1 -o "$work/sqlcipher3_rewrite" "$here/sqlcipher3_rewrite.c" $(pkg-config --cflags --libs sqlcipher)

key="$("$bin/store_make_sqlcipher3_station" "$work")"
"$work/sqlcipher3_rewrite" "$work/store.db" "$work/by-3.4.1.db" "$key"
cmp -n 16 "$work/store.db" "$work/by-3.4.1.db" || { echo "crosscheck: 3.4.1 changed the salt" >&2; exit 1; }
mv "$work/by-3.4.1.db" "$work/store.db"
rm -f "$work/store.db-wal" "$work/store.db-shm"

cli=("$bin/faceenroll-cli")
auth=(--db "$work/store.db" --user sup --password-file "$work/sup.pw")
info="$("${cli[@]}" store-info "${auth[@]}" | tail -1)"
echo "store-info: $info"
grep -q '"cipher_version":"4\.14\.0 community"' <<<"$info" || { echo "crosscheck: not migrated to 4.14" >&2; exit 1; }
grep -q '"integrity":"ok"' <<<"$info" || { echo "crosscheck: integrity check failed" >&2; exit 1; }
verify="$("${cli[@]}" audit verify "${auth[@]}" | tail -1)"
echo "audit verify: $verify"
grep -q '"valid":true' <<<"$verify" || { echo "crosscheck: audit chain broken" >&2; exit 1; }
"${cli[@]}" audit list "${auth[@]}" | grep -q '"cipher_migrated"' || { echo "crosscheck: migration not audited" >&2; exit 1; }
enrollments="$("${cli[@]}" list "${auth[@]}" | grep -c '"id"' || true)"
[[ "$enrollments" == 3 ]] || { echo "crosscheck: $enrollments enrollments instead of 3" >&2; exit 1; }
admin=(--db "$work/store.db" --user admin --password-file "$work/admin.pw")
"${cli[@]}" settings list "${admin[@]}" | grep -q '3\.4\.1' || { echo "crosscheck: the row 3.4.1 wrote is gone" >&2; exit 1; }
if "$work/sqlcipher3_rewrite" --probe "$work/store.db" "$key"; then
  echo "crosscheck: SQLCipher 3.4.1 still opens the migrated database" >&2
  exit 1
fi
echo "crosscheck: ok (SQLCipher 3.4.1 read the compatibility-3 file; its own file was migrated to 4.14 with 3 enrollments and a valid audit chain; 3.4.1 no longer opens it)"
