// Helper process of tst_enrollrace: one station session that enrolls one customer when told.
//   enroll_race_worker DB USER PASSWORD_FILE INPUTS DOCUMENT PHONE
// Logs in, loads the match index (its snapshot), prints "ready N" (N: enrollments in the
// index), then waits for "go MS" on stdin, sleeps MS milliseconds and enrolls through the real
// EnrollmentService and store. Prints "done ID FLAG,FLAG,..." or "error REASON", and exits.
#include "RaceInput.h"
#include "enroll/EnrollmentService.h"
#include "enroll/MatchIndex.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

using namespace fe;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 7) {
        std::fprintf(stderr, "usage: enroll_race_worker DB USER PASSWORD_FILE INPUTS DOCUMENT PHONE\n");
        return 2;
    }
    try {
        std::ifstream pwFile(argv[3]);
        std::string password;
        std::getline(pwFile, password);
        enroll::IdPhotoCheck id;
        enroll::LiveResult live;
        if (!enroll::test::readInputs(QString::fromLocal8Bit(argv[4]), id, live))
            throw std::runtime_error("cannot read the inputs");

        store::Session session =
            store::Store::unlock(argv[1], argv[2], store::SecretBytes::fromString(password));
        auto index = std::make_shared<enroll::MatchIndex>(enroll::MatchIndex::Spec{
            live.portrait->faceTemplate.modelId, live.portrait->faceTemplate.values.size()});
        index->load(session);
        enroll::EnrollmentService service(session, index);
        std::printf("ready %zu\n", index->size());
        std::fflush(stdout);

        std::string go;
        int delayMs = 0;
        if (!(std::cin >> go >> delayMs) || go != "go")
            throw std::runtime_error("expected \"go MS\" on stdin");
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));

        enroll::SubjectInput input;
        input.subject.name = "Race Subject";
        input.subject.documentType = "passport";
        input.subject.documentNumber = argv[5];
        input.phone = argv[6];
        input.consent = {true, "1", "en", true};
        const enroll::EnrollmentOutcome out = service.enroll(input, id, live);
        std::string flags;
        for (const auto& f : out.flags)
            flags += (flags.empty() ? "" : ",") + f.code;
        std::printf("done %s %s\n", out.enrollmentId.c_str(), flags.empty() ? "-" : flags.c_str());
        std::fflush(stdout);
        session.logout();
        return 0;
    } catch (const std::exception& e) {
        std::printf("error %s\n", e.what());
        std::fflush(stdout);
        return 1;
    }
}
