// The 1:N match index against a real SQLCipher store: it loads in the background on a worker
// session with progress and cancellation, catches up with what other connections committed
// (as another process would), refreshes instead of being reloaded, normalises documents stored
// before normalisation existed, and is gone when the station locks.
#include "StoreTestSupport.h"
#include "common/Error.h"
#include "enroll/DocumentTypes.h"
#include "enroll/MatchIndex.h"
#include "store/Session.h"

#include <QtTest>
#include <atomic>
#include <cmath>
#include <random>
#include <thread>

using fe::enroll::MatchIndex;
using namespace fe::store;
using namespace fe::store::test;

namespace {

const MatchIndex::Spec kSpec{"fr_feature", 512};

// A random unit template: strangers score about 0 against each other (512 dimensions).
std::vector<float> randomTemplate(std::mt19937& rng)
{
    std::normal_distribution<float> n;
    std::vector<float> v(512);
    double norm = 0;
    for (float& x : v) {
        x = n(rng);
        norm += double(x) * x;
    }
    for (float& x : v)
        x = static_cast<float>(x / std::sqrt(norm));
    return v;
}

Enrollment enrollmentWith(std::uint32_t seed, const std::vector<float>& face, std::string documentNumber = {},
                          std::string phone = {})
{
    Enrollment e = sampleEnrollment(seed, 512);
    e.faceTemplate.values = face;
    e.flags.clear();
    e.liveness.evidenceFrames.clear(); // the index reads templates: keep the fixture cheap
    e.idPhoto.clear();
    e.idTemplate = {};
    if (!documentNumber.empty())
        e.subject.documentNumber = std::move(documentNumber);
    if (!phone.empty())
        e.phone = std::move(phone);
    return e;
}

// n enrollments with random faces, in batches (one transaction each).
std::vector<std::string> fill(Session& op, int n, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<std::string> ids;
    std::vector<Enrollment> batch;
    for (int i = 0; i < n; ++i) {
        batch.push_back(enrollmentWith(seed + static_cast<std::uint32_t>(i), randomTemplate(rng)));
        if (batch.size() == 500 || i + 1 == n) {
            for (auto& id : op.insertEnrollments(batch))
                ids.push_back(std::move(id));
            batch.clear();
        }
    }
    return ids;
}

} // namespace

class TestMatchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void load_reportsProgressAndFindsEveryTemplate();
    void load_cancelled_leavesTheIndexAsItWas();
    void load_onAWorkerThread_whileTheUiThreadWorks();
    void refresh_seesWhatAnotherConnectionCommitted();
    void catchUp_underTheWriteLock_seesCommitsAfterTheSnapshot();
    void storedDocumentNumbers_areComparedNormalised();
    void lock_endsTheWorker_andAWipeDropsALoadInFlight();
    void templatesOfAnotherModel_areLeftOut();
};

void TestMatchIndex::load_reportsProgressAndFindsEveryTemplate()
{
    TempStore store;
    Session op = store.login("op1");
    const auto ids = fill(op, 5000, 1);
    MatchIndex index(kSpec);
    QVERIFY(!index.ready());
    std::vector<MatchIndex::Progress> seen;
    QCOMPARE(index.load(op, [&](const MatchIndex::Progress& p) { seen.push_back(p); }),
             MatchIndex::LoadResult::Loaded);
    QVERIFY(index.ready());
    QCOMPARE(index.size(), ids.size());
    QVERIFY(seen.size() >= 3); // the total, steps of kProgressStep, the end
    QCOMPARE(seen.front().done, 0);
    QCOMPARE(seen.front().total, 5000);
    QCOMPARE(seen.back().done, 5000);
    for (std::size_t i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i].done >= seen[i - 1].done);
    QCOMPARE(index.sequence(), op.gallerySequence());
    for (const auto& id : {ids.front(), ids[4321], ids.back()})
        QVERIFY(index.contains(id));
    // A stored template finds itself.
    const Enrollment e = op.getEnrollment(ids[4321]);
    const auto hits = index.search(e.faceTemplate.values, 1);
    QCOMPARE(hits.size(), std::size_t(1));
    QCOMPARE(hits.front().id, ids[4321]);
    QVERIFY(hits.front().score > 0.999f);
}

void TestMatchIndex::load_cancelled_leavesTheIndexAsItWas()
{
    TempStore store;
    Session op = store.login("op1");
    fill(op, 5000, 2);
    MatchIndex index(kSpec);
    fe::CancelToken cancel;
    const auto result = index.load(
        op,
        [&](const MatchIndex::Progress& p) {
            if (p.done > 0)
                cancel.cancel(); // the user closed the window after the first step
        },
        cancel);
    QCOMPARE(result, MatchIndex::LoadResult::Cancelled);
    QVERIFY(!index.ready());
    QCOMPARE(index.size(), std::size_t(0));
    // A loaded index stays as it was when a later load is cancelled.
    QCOMPARE(index.load(op), MatchIndex::LoadResult::Loaded);
    fill(op, 10, 50'000);
    fe::CancelToken stopAtOnce;
    stopAtOnce.cancel();
    QCOMPARE(index.load(op, {}, stopAtOnce), MatchIndex::LoadResult::Cancelled);
    QCOMPARE(index.size(), std::size_t(5000));
}

void TestMatchIndex::load_onAWorkerThread_whileTheUiThreadWorks()
{
    TempStore store;
    Session ui = store.login("op1");
    fill(ui, 3000, 3);
    auto index = std::make_shared<MatchIndex>(kSpec);
    Session worker = ui.openWorker();
    std::atomic<std::int64_t> lastDone{-1};
    std::atomic<bool> finished{false};
    std::exception_ptr failure;
    MatchIndex::LoadResult result = MatchIndex::LoadResult::Cancelled;
    std::thread loader([&, w = std::move(worker)]() mutable {
        try {
            result = index->load(w, [&](const MatchIndex::Progress& p) { lastDone = p.done; });
            w.logout();
        } catch (...) {
            failure = std::current_exception();
        }
        finished = true;
    });
    // The UI thread keeps working on its own connection meanwhile: enrolls, lists, asks.
    std::mt19937 rng(99);
    std::vector<std::string> during;
    while (!finished) {
        during.push_back(ui.insertEnrollment(
            enrollmentWith(70'000 + static_cast<std::uint32_t>(during.size()), randomTemplate(rng))));
        (void)index->ready();
        (void)index->size();
        if (during.size() >= 200)
            break;
    }
    loader.join();
    if (failure)
        std::rethrow_exception(failure);
    QCOMPARE(result, MatchIndex::LoadResult::Loaded);
    // The last progress report counts the whole snapshot (3000 and whatever the UI thread had
    // committed before the worker's read began).
    QCOMPARE(static_cast<std::size_t>(lastDone.load()), index->size());
    QVERIFY(index->size() >= 3000);
    // Whatever the snapshot missed, the next refresh brings in.
    index->refresh(ui);
    QCOMPARE(index->size(), 3000 + during.size());
    for (const auto& id : during)
        QVERIFY(index->contains(id));
}

void TestMatchIndex::refresh_seesWhatAnotherConnectionCommitted()
{
    TempStore store;
    Session here = store.login("op1");
    Session elsewhere = store.login("op2"); // another connection: another process, for SQLite
    fill(here, 100, 4);
    MatchIndex index(kSpec);
    QCOMPARE(index.load(here), MatchIndex::LoadResult::Loaded);
    QCOMPARE(index.refresh(here), std::size_t(0)); // nothing changed: one query

    std::mt19937 rng(5);
    const std::string added = elsewhere.insertEnrollment(enrollmentWith(900, randomTemplate(rng)));
    QVERIFY(!index.contains(added));
    QCOMPARE(index.refresh(here), std::size_t(1));
    QVERIFY(index.contains(added));
    QCOMPARE(index.size(), std::size_t(101));

    // An erasure by another session (a supervisor) leaves the index at the next refresh.
    Session sup = store.login("sup");
    sup.eraseEnrollment(added);
    QCOMPARE(index.refresh(here), std::size_t(1));
    QVERIFY(!index.contains(added));
    QCOMPARE(index.size(), std::size_t(100));
}

void TestMatchIndex::catchUp_underTheWriteLock_seesCommitsAfterTheSnapshot()
{
    TempStore store;
    Session here = store.login("op1");
    Session elsewhere = store.login("op2");
    MatchIndex index(kSpec);
    QCOMPARE(index.load(here), MatchIndex::LoadResult::Loaded);
    QCOMPARE(index.size(), std::size_t(0));

    // Committed after the snapshot by another connection: the same face, another document.
    std::mt19937 rng(6);
    const auto face = randomTemplate(rng);
    const std::string first = elsewhere.insertEnrollment(enrollmentWith(1, face, "P1111111"));

    MatchIndex::Lookup lookup;
    Enrollment mine = enrollmentWith(2, face, "P2222222");
    here.insertEnrollment(mine, [&](Session::GalleryChanges& changes, Enrollment&) {
        lookup =
            index.catchUpAndLookup(changes, face, mine.subject.documentType, "P2222222", mine.phone, 0.45f);
    });
    QCOMPARE(lookup.size, std::size_t(1));
    QCOMPARE(lookup.similar.size(), std::size_t(1));
    QCOMPARE(lookup.similar.front().enrollmentId, first);
    QCOMPARE(lookup.similar.front().documentNumber, std::string("P1111111"));
    QVERIFY(lookup.similar.front().score > 0.999f);
}

void TestMatchIndex::storedDocumentNumbers_areComparedNormalised()
{
    TempStore store;
    Session op = store.login("op1");
    std::mt19937 rng(7);
    // As a build before normalisation stored it: raw, with a space, a dash and a zero-width space.
    Enrollment legacy = enrollmentWith(3, randomTemplate(rng), " p12-34567\u200b");
    legacy.subject.documentType = "passport";
    const std::string id = op.insertEnrollment(legacy);
    MatchIndex index(kSpec);
    QCOMPARE(index.load(op), MatchIndex::LoadResult::Loaded);
    const auto other = randomTemplate(rng);
    MatchIndex::Lookup lookup;
    Enrollment next = enrollmentWith(4, other, "P1234567");
    next.subject.documentType = "passport";
    op.insertEnrollment(next, [&](Session::GalleryChanges& changes, Enrollment&) {
        lookup = index.catchUpAndLookup(changes, other, "passport",
                                        fe::enroll::DocumentTypes::canonical("P1234567"), next.phone, 0.45f);
    });
    QCOMPARE(lookup.sameDocument.size(), std::size_t(1));
    QCOMPARE(lookup.sameDocument.front().enrollmentId, id);
    QVERIFY(lookup.sameDocument.front().score < 0.3f); // another face
}

void TestMatchIndex::lock_endsTheWorker_andAWipeDropsALoadInFlight()
{
    TempStore store;
    Session ui = store.login("op1");
    fill(ui, 500, 8);
    Session worker = ui.openWorker();
    ui.lock(); // manual lock (the idle lock does the same)
    MatchIndex index(kSpec);
    try {
        (void)index.load(worker);
        QFAIL("a worker of a locked session loaded the index");
    } catch (const fe::Error& e) {
        QCOMPARE(e.code(), fe::ErrorCode::Locked);
    }
    QVERIFY(!index.ready());

    // A wipe (the GUI's reaction to the lock) while a load runs: the load must not swap its
    // result in afterwards.
    ui.resume(secret(kOperatorPassword));
    Session worker2 = ui.openWorker();
    MatchIndex::LoadResult result = MatchIndex::LoadResult::Loaded;
    index.wipe(); // nothing to wipe yet; the generation moves on
    bool wiped = false;
    result = index.load(worker2, [&](const MatchIndex::Progress&) {
        if (!wiped) { // at the first report, before any row is read
            index.wipe();
            wiped = true;
        }
    });
    QCOMPARE(result, MatchIndex::LoadResult::Cancelled);
    QVERIFY(!index.ready());
    QCOMPARE(index.size(), std::size_t(0));
    // The audit names the worker's login and logout as this user's.
    worker2.logout();
    Session sup = store.login("admin");
    int workerLogins = 0;
    for (const auto& entry : sup.auditEntries())
        workerLogins += entry.event.action == "login" && entry.event.outcome == "worker";
    QCOMPARE(workerLogins, 2);
}

void TestMatchIndex::templatesOfAnotherModel_areLeftOut()
{
    TempStore store;
    Session op = store.login("op1");
    fill(op, 20, 9);
    Enrollment other = sampleEnrollment(77, 1024, nullptr, 128);
    other.faceTemplate.modelId = "another_model";
    other.flags.clear();
    const std::string id = op.insertEnrollment(other);
    MatchIndex index(kSpec);
    QCOMPARE(index.load(op), MatchIndex::LoadResult::Loaded);
    QCOMPARE(index.size(), std::size_t(20));
    QVERIFY(!index.contains(id));
}

QTEST_APPLESS_MAIN(TestMatchIndex)
#include "tst_matchindex.moc"
