// Helper of tst_ciphermigrationcrash: logs in to a station, which migrates it from the
// SQLCipher 3 format, and reports how long that took. Prints "ready" (flushed) just before
// the login and "done MS" after it.
//   store_cipher_migrator DB USER PASSWORD_FILE
#include "StoreTestSupport.h"
#include "store/Store.h"

#include <chrono>
#include <cstdio>
#include <fstream>

using namespace fe::store;
using namespace fe::store::test;

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: store_cipher_migrator DB USER PASSWORD_FILE\n");
        return 2;
    }
    try {
        std::ifstream pwFile(argv[3]);
        std::string password;
        std::getline(pwFile, password);
        const SecretBytes pw = secret(password);
        std::printf("ready\n");
        std::fflush(stdout);
        const auto t = std::chrono::steady_clock::now();
        Session session = Store::unlock(argv[1], argv[2], pw, fastOptions());
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t).count();
        session.logout();
        std::printf("done %lld\n", static_cast<long long>(ms));
        std::fflush(stdout);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_cipher_migrator: %s\n", e.what());
        return 1;
    }
}
