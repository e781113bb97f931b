// Helper of tests/store/sqlcipher3-crosscheck (not run by ctest): writes a station as
// FaceEnroll wrote it before issue 16 (users admin, op1, sup; three enrollments; the
// SQLCipher 3 format, written here with SQLCipher 4's cipher_compatibility = 3) into DIR, the
// users' password files beside it, and prints the raw key and salt in SQLCipher's
// "x'<key><salt>'" form on stdout, so that Debian's SQLCipher 3.4.1 can open the file too.
// Synthetic test data only.
//   store_make_sqlcipher3_station DIR
#include "StoreTestSupport.h"
#include "store/FileUtil.h"
#include "store/Store.h"

#include <cstdio>

using namespace fe::store;
using namespace fe::store::test;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: store_make_sqlcipher3_station DIR\n");
        return 2;
    }
    try {
        const std::filesystem::path dir = argv[1];
        const auto paths = StorePaths::forDatabase(dir / "store.db");
        Store::initialize(paths.database, "admin", secret(kAdminPassword), fastOptions());
        {
            Session admin = Store::unlock(paths.database, "admin", secret(kAdminPassword), fastOptions());
            admin.addUser("op1", Role::Operator, secret(kOperatorPassword));
            admin.addUser("sup", Role::Supervisor, secret(kSupervisorPassword));
        }
        {
            Session op = Store::unlock(paths.database, "op1", secret(kOperatorPassword), fastOptions());
            for (std::uint32_t i = 1; i <= 3; ++i)
                (void)op.insertEnrollment(sampleEnrollment(i));
        }
        const auto key = databaseKey(paths, "admin", kAdminPassword);
        convertToSqlcipher3(paths, key);
        writeFileAtomically(dir / "admin.pw", kAdminPassword);
        writeFileAtomically(dir / "sup.pw", kSupervisorPassword);
        std::string literal = "x'";
        const auto hex = [&](unsigned char b) {
            static constexpr char kHex[] = "0123456789abcdef";
            literal += kHex[b >> 4];
            literal += kHex[b & 0x0f];
        };
        for (std::size_t i = 0; i < key.size(); ++i)
            hex(key.data()[i]);
        for (const unsigned char b : readFileHead(paths.database, 16))
            hex(b);
        literal += "'";
        std::printf("%s\n", literal.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_make_sqlcipher3_station: %s\n", e.what());
        return 1;
    }
}
