/* Part of the SQLCipher 3 cross-check (crosscheck.sh), outside the product: compiled against
 * Debian 12's SQLCipher 3.4.1 (libsqlcipher-dev), the engine FaceEnroll stations used before
 * issue 16.
 *
 *   sqlcipher3_rewrite IN OUT KEY   reads the station database IN, records the engine's
 *                                   version in its settings, and writes all of it to OUT with
 *                                   3.4.1's own sqlcipher_export (same raw key and salt, 4 KiB
 *                                   pages, WAL mode), as a station of before the upgrade.
 *   sqlcipher3_rewrite --probe DB KEY   exits 0 when 3.4.1 opens DB with KEY, 1 when not.
 *
 * KEY is SQLCipher's raw key-and-salt literal, x'<64 hex><32 hex>'. Synthetic test data only. */
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *open_keyed(const char *path, const char *key)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
        sqlite3_key(db, key, (int)strlen(key)) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA cipher_page_size = 4096;", NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s: %s\n", path, sqlite3_errmsg(db));
        exit(1);
    }
    return db;
}

static void run(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", sql, err ? err : sqlite3_errmsg(db));
        exit(1);
    }
}

static char *text(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
        exit(1);
    }
    out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--probe") == 0) {
        sqlite3 *db = open_keyed(argv[2], argv[3]);
        const int ok = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master;", NULL, NULL, NULL) == SQLITE_OK;
        sqlite3_close(db);
        return ok ? 0 : 1;
    }
    if (argc != 4) {
        fprintf(stderr, "usage: sqlcipher3_rewrite IN OUT KEY | --probe DB KEY\n");
        return 2;
    }
    sqlite3 *db = open_keyed(argv[1], argv[3]);
    char *version = text(db, "PRAGMA cipher_version;");
    char *sqlite = text(db, "SELECT sqlite_version();");
    char *userVersion = text(db, "PRAGMA user_version;");
    char *tables = text(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table';");
    char sql[512];
    snprintf(sql, sizeof sql,
             "INSERT INTO settings (key, value, updated_at) VALUES ('crosscheck.engine', '%s', 0);", version);
    run(db, sql);

    sqlite3_stmt *attach = NULL;
    if (sqlite3_prepare_v2(db, "ATTACH DATABASE ?1 AS old KEY ?2;", -1, &attach, NULL) != SQLITE_OK) {
        fprintf(stderr, "attach: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_bind_text(attach, 1, argv[2], -1, SQLITE_STATIC);
    sqlite3_bind_text(attach, 2, argv[3], -1, SQLITE_STATIC);
    if (sqlite3_step(attach) != SQLITE_DONE) {
        fprintf(stderr, "attach: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_finalize(attach);
    run(db, "PRAGMA old.cipher_page_size = 4096;");
    run(db, "SELECT sqlcipher_export('old');");
    snprintf(sql, sizeof sql, "PRAGMA old.user_version = %s;", userVersion);
    run(db, sql);
    run(db, "DETACH DATABASE old;");
    sqlite3_close(db);

    db = open_keyed(argv[2], argv[3]);
    run(db, "PRAGMA journal_mode = WAL;");
    char *integrity = text(db, "PRAGMA integrity_check;");
    sqlite3_close(db);
    printf("SQLCipher %s (SQLite %s) read %s tables at schema version %s and wrote them to %s: integrity %s\n",
           version, sqlite, tables, userVersion, argv[2], integrity);
    return strcmp(integrity, "ok") == 0 ? 0 : 1;
}
