// A second (and third) process on a real store, for the race tests of tst_concurrency. It
// logs in first, prints "ready", then waits for a line on stdin so that two of them start the
// contested step at the same moment, runs the step on every id it was given, in order (with a
// short random pause before each), and prints "<id> ok" or "<id> <error code>" per id.
//
//   store_race review|export|erase DB USER PASSWORD ID...
//   store_race init DB ADMIN PASSWORD         (prints "init ok" or "init <error code>")
//
// Uses the tests' cheap Argon2id cost (fastOptions). Exit 0 when it ran, 3 on bad usage or a
// failed login.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "store/Store.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <thread>
#include <unistd.h>
#include <string>
#include <vector>

using namespace fe::store;

namespace {

void waitForGo()
{
    std::cout << "ready" << std::endl;
    std::string line;
    std::getline(std::cin, line);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 5)
        return 3;
    const std::string mode = argv[1];
    const std::filesystem::path db = argv[2];
    const std::string user = argv[3];
    const std::string password = argv[4];
    const std::vector<std::string> ids(argv + 5, argv + argc);
    const StoreOptions options = test::fastOptions();

    if (mode == "init") {
        waitForGo();
        try {
            (void)Store::initialize(db, user, SecretBytes::fromString(password), options);
            std::cout << "init ok" << std::endl;
        } catch (const fe::Error& e) {
            std::cout << "init " << fe::errorCodeName(e.code()) << std::endl;
        }
        return 0;
    }

    try {
        Session session = Store::unlock(db, user, SecretBytes::fromString(password), options);
        waitForGo();
        // A pause of 0-4 ms between steps (different in each process), as two clients that do
        // more than write: otherwise the process that takes the write lock first keeps it
        // step after step and the other only ever finds finished work.
        std::mt19937 jitter(static_cast<unsigned>(::getpid()));
        for (const auto& id : ids) {
            std::this_thread::sleep_for(std::chrono::microseconds(jitter() % 4000));
            try {
                if (mode == "review")
                    session.recordReview(id, ReviewOutcome::Approved, "race");
                else if (mode == "export")
                    session.markExported(id, "bundle-" + user);
                else if (mode == "erase")
                    session.eraseEnrollment(id);
                else
                    return 3;
                std::cout << id << " ok" << std::endl;
            } catch (const fe::Error& e) {
                std::cout << id << ' ' << fe::errorCodeName(e.code()) << std::endl;
            }
        }
        session.logout();
    } catch (const fe::Error& e) {
        std::cerr << "store_race: " << e.what() << std::endl;
        return 3;
    }
    return 0;
}
