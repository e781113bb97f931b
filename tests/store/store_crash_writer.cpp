// Helper of tst_crashconsistency: logs in and inserts enrollments in a loop until it is
// killed, writing "ack SEED ID" to stdout (flushed) after each commit returned. Every fifth
// round it also rewrites its own key slot, so kills land in key-file writes too.
//   store_crash_writer DB USER PASSWORD_FILE FIRST_SEED MARKER_BASE [COUNT]
#include "CrashWriter.h"
#include "store/Store.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace fe::store;
using namespace fe::store::test;

int main(int argc, char** argv)
{
    if (argc < 6) {
        std::fprintf(stderr,
                     "usage: store_crash_writer DB USER PASSWORD_FILE FIRST_SEED MARKER_BASE [COUNT]\n");
        return 2;
    }
    try {
        std::ifstream pwFile(argv[3]);
        std::string password;
        std::getline(pwFile, password);
        const auto firstSeed = static_cast<std::uint32_t>(std::stoul(argv[4]));
        const std::string base = argv[5];
        const long count = argc > 6 ? std::stol(argv[6]) : 1'000'000;
        Session session = Store::unlock(argv[1], argv[2], secret(password), fastOptions());
        std::printf("ready\n");
        std::fflush(stdout);
        for (long i = 0; i < count; ++i) {
            const auto seed = firstSeed + static_cast<std::uint32_t>(i);
            const auto id = session.insertEnrollment(crashEnrollment(base, seed));
            std::printf("ack %u %s\n", seed, id.c_str());
            std::fflush(stdout);
            if (i % 5 == 4)
                session.changeOwnPassword(secret(password));
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_crash_writer: %s\n", e.what());
        return 1;
    }
}
