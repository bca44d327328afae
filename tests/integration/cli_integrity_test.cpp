// Input integrity through the real program: numbers from outside are
// range-checked and quoted as given, text limits count characters the same
// way everywhere, and a journal the user may not write can still be read.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <tuple>

#include "fascia/adapters/kb_paths.hpp"
#include "integration/cli_harness.hpp"

using cli_test::all_no_answers;
using cli_test::exported;
using cli_test::Outcome;
using cli_test::Sandbox;
using nlohmann::json;

namespace {

void set_up(const Sandbox& box) {
  ASSERT_EQ(box.run("profile set --region upper-trapezius:both:6 --tools starter-kit --days all --minutes 20").code, 0);
  cli_test::write_file(box.path("answers.yaml"), all_no_answers());
  ASSERT_EQ(box.run("screen --answers '" + box.path("answers.yaml").string() + "'").code, 0);
}

// The neck protocol done in full, then no soreness, so it is due again two days later.
const char* kNeckSessionNoSoreness =
    "done\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\ndone\nsoreness 0\n";


std::string repeat(const std::string& piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

void expect_refused(const Outcome& r, const std::string& says, const std::string& what) {
  EXPECT_EQ(r.code, 2) << what << "\n" << r.err;
  EXPECT_NE(r.err.find(says), std::string::npos) << what << "\n" << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;
}

}  // namespace

// ---- numbers from outside ----

TEST(CliIntegrity, AnImportedSessionIdBeyondTheLargestIsRefusedQuotedAndTheJournalIsUntouched) {
  Sandbox box;
  set_up(box);
  ASSERT_EQ(box.run("session --script -", kNeckSessionNoSoreness).code, 0);
  const std::string before = exported(box);
  // Beyond 64 bits (2^64, -2^63-1) the digits must still be quoted as written.
  for (const char* id : {"18446744073709551615", "9223372036854775807", "9007199254740993", "18446744073709551616",
                         "-9223372036854775809", "100000000000000000000000000000"}) {
    std::string text = before;
    const auto at = text.find("\"id\": 1");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 7, std::string("\"id\": ") + id);
    cli_test::write_file(box.path("huge.json"), text);
    expect_refused(box.run("import '" + box.path("huge.json").string() + "'"), std::string(id) + " is", id);
    EXPECT_EQ(exported(box), before);
  }
}

TEST(CliIntegrity, ANewSessionAfterImportingTheLargestIdIsSavedWithAFreshId) {
  Sandbox box;
  set_up(box);
  ASSERT_EQ(box.run("session --script -", kNeckSessionNoSoreness).code, 0);
  json doc = json::parse(exported(box));
  doc["journal"]["sessions"][0]["id"] = 9007199254740992;  // 2^53, the largest accepted
  cli_test::write_file(box.path("max.json"), doc.dump());
  Sandbox other;
  ASSERT_EQ(other.run("import '" + box.path("max.json").string() + "'").code, 0);
  // Two days later, with the treated regions reported settled, the session is due again.
  for (const char* region : {"upper-trapezius", "levator-scapulae", "suboccipitals", "thoracic-paraspinals"})
    ASSERT_EQ(other.run(std::string("log reaction ") + region + " --soreness 0", "", "2026-11-25").code, 0);
  const Outcome again = other.run("session --script -", kNeckSessionNoSoreness, "2026-11-25");
  ASSERT_EQ(again.code, 0) << again.err;
  const json after = json::parse(exported(other));
  ASSERT_EQ(after["journal"]["sessions"].size(), 2u);
  EXPECT_EQ(after["journal"]["sessions"][0]["id"], 9007199254740992);
  EXPECT_EQ(after["journal"]["sessions"][1]["id"], 1) << "the lowest free id: never past what import accepts";
  // And that export imports again.
  cli_test::write_file(box.path("again.json"), after.dump());
  Sandbox third;
  const Outcome reimport = third.run("import '" + box.path("again.json").string() + "'", "", "2026-11-25");
  EXPECT_EQ(reimport.code, 0) << reimport.err;
}

TEST(CliIntegrity, HugeNumbersOnTheCommandLineAreRefusedAndQuotedAsTyped) {
  Sandbox box;
  set_up(box);
  const std::string before = exported(box);
  // 2^64 - 1, and 2^64: past what any 64-bit integer holds.
  for (const std::string huge : {"18446744073709551615", "18446744073709551616"}) {
    for (const std::string& args :
         {"log pain upper-trapezius " + huge, "log reaction calves --soreness " + huge,
          "profile set --region upper-trapezius:both:" + huge, "profile set --region upper-trapezius --minutes " + huge,
          "profile set --region upper-trapezius --weeks " + huge, "log pain upper-trapezius -" + huge}) {
      const Outcome r = box.run(args);
      EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
      EXPECT_NE(r.err.find(huge), std::string::npos) << args << "\n" << r.err;
    }
    const Outcome script = box.run("session --script -", "done " + huge + "\n");
    EXPECT_EQ(script.code, 2) << script.err;
    EXPECT_NE(script.err.find(huge), std::string::npos) << script.err;
  }
  EXPECT_EQ(exported(box), before);
}

// A number that fits 64 bits but not the option's own type (past 2^31) is
// refused with the option's range, like any other out-of-range number.
TEST(CliIntegrity, NumbersPastAnOptionsTypeNameItsRange) {
  Sandbox box;
  set_up(box);
  const std::string before = exported(box);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"log pain upper-trapezius 99999999999", "99999999999 is outside 0..10"},
      {"log pain upper-trapezius -2147483649", "-2147483649 is outside 0..10"},
      {"log reaction calves --soreness 4294967296", "4294967296 is outside 0..10"},
      {"log checkin --soreness 99999999999", "99999999999 is outside 0..10"},
      {"profile set --region upper-trapezius --minutes 99999999999", "99999999999 is outside 5..120"},
      {"profile set --region upper-trapezius --weeks 2147483648", "2147483648 is outside 1..52"},
  };
  for (const auto& [args, expected] : cases) {
    const Outcome r = box.run(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << args << "\n" << r.err;
    EXPECT_EQ(r.err.find("Could not convert"), std::string::npos) << args << "\n" << r.err;
  }
  EXPECT_EQ(exported(box), before);
}

// Numbers on the command line are decimal: a leading zero is not octal and
// "0x5" is not a number, so a score is never stored as something else.
// A session id is 1 or more: 0 or a negative number is refused, not taken
// to mean "the latest session".
TEST(CliIntegrity, ACheckInForSessionZeroOrBelowIsRefused) {
  Sandbox box;
  set_up(box);
  ASSERT_EQ(box.run("session --script -", kNeckSessionNoSoreness).code, 0);
  const std::string before = exported(box);
  for (const char* id : {"0", "-1", "-2147483649"}) {
    const Outcome r = box.run(std::string("log checkin --session ") + id, "", "2026-11-25");
    EXPECT_EQ(r.code, 2) << id << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(std::string("--session ") + id + " is not a session id"), std::string::npos) << r.err;
  }
  EXPECT_EQ(exported(box), before);
}

TEST(CliIntegrity, NumbersOnTheCommandLineAreReadInBaseTenOnly) {
  Sandbox box;
  set_up(box);
  ASSERT_EQ(box.run("log pain upper-trapezius 010").code, 0);
  EXPECT_EQ(json::parse(exported(box))["journal"]["pain"].back()["score"], 10) << "010 is ten, not octal eight";
  const std::string before = exported(box);
  for (const std::string typed : {"0x5", "5.0", "1e1", "+5", " 5"}) {
    const Outcome r = box.run("log pain upper-trapezius '" + typed + "'");
    EXPECT_EQ(r.code, 2) << typed << "\n" << r.err;
    EXPECT_NE(r.err.find("'" + typed + "'"), std::string::npos) << "quoted as typed: " << r.err;
  }
  const Outcome session = box.run("log checkin --session 18446744073709551615");
  EXPECT_EQ(session.code, 2) << session.err;
  EXPECT_NE(session.err.find("18446744073709551615"), std::string::npos) << session.err;
  EXPECT_EQ(exported(box), before);
}

// ---- text limits ----

TEST(CliIntegrity, TextLimitsCountCharactersNotBytes) {
  Sandbox box;
  set_up(box);
  const std::string emoji = "\xF0\x9F\x98\x80";  // U+1F600
  const Outcome note = box.run("log note '" + repeat(emoji, 1500) + "'");
  EXPECT_EQ(note.code, 0) << note.err;
  const Outcome name = box.run("profile set --region upper-trapezius --name '" + repeat("\xC3\x84", 100) + "'");
  EXPECT_EQ(name.code, 0) << name.err;
  const std::string before = exported(box);
  expect_refused(box.run("log note '" + std::string(4001, 'x') + "'"), "longer than 4000 characters", "note");
  expect_refused(box.run("profile set --region upper-trapezius --name '" + std::string(101, 'n') + "'"),
                 "longer than 100 characters", "name of 101");
  expect_refused(box.run("profile set --region upper-trapezius --name '" + std::string(60000, 'n') + "'"),
                 "longer than 100 characters", "name of 60000");
  expect_refused(box.run("log note \"$(printf 'caf\\351')\""), "not valid UTF-8", "Latin-1 note");
  expect_refused(box.run("session --script -", "skip " + std::string(201, 'r') + "\n"), "longer than 200 characters",
                 "skip reason");
  EXPECT_EQ(exported(box), before);
}

TEST(CliIntegrity, AnImportHoldsTheSameTextLimits) {
  Sandbox box;
  set_up(box);
  const std::string before = exported(box);
  json doc = json::parse(before);
  doc["profile"]["name"] = std::string(101, 'n');
  cli_test::write_file(box.path("name.json"), doc.dump());
  expect_refused(box.run("import '" + box.path("name.json").string() + "'"), "longer than 100 characters", "name");
  doc = json::parse(before);
  doc["journal"]["notes"] = json::array({{{"date", "2026-11-20"}, {"text", std::string(4001, 'x')}}});
  cli_test::write_file(box.path("note.json"), doc.dump());
  expect_refused(box.run("import '" + box.path("note.json").string() + "'"), "longer than 4000 characters", "note");
  EXPECT_EQ(exported(box), before);
  doc["journal"]["notes"][0]["text"] = repeat("\xF0\x9F\x98\x80", 1500);
  cli_test::write_file(box.path("emoji.json"), doc.dump());
  const Outcome ok = box.run("import '" + box.path("emoji.json").string() + "'");
  EXPECT_EQ(ok.code, 0) << ok.err;
}

// An imported session's own stop sign and target region must name
// knowledge-base entries, like its steps.
TEST(CliIntegrity, AnImportedSessionNamingAnUnknownStopSignOrTargetIsRefused) {
  Sandbox box;
  set_up(box);
  ASSERT_EQ(box.run("session --script -", kNeckSessionNoSoreness).code, 0);
  const std::string before = exported(box);
  for (const auto& [field, value] : {std::pair<const char*, std::string>{"stop_sign", std::string(100000, 's')},
                                     {"target_region", "<b>nowhere</b>"}}) {
    json doc = json::parse(before);
    doc["journal"]["sessions"][0][field] = value;
    cli_test::write_file(box.path("bad.json"), doc.dump());
    const Outcome r = box.run("import '" + box.path("bad.json").string() + "'");
    EXPECT_EQ(r.code, 2) << field << "\n" << r.err.substr(0, 300);
    EXPECT_NE(r.err.find("journal.sessions[0]: session: unknown"), std::string::npos) << r.err.substr(0, 300);
  }
  // The other signs of a stop: known, each once, and only beside a first.
  for (const auto& [first, others, said] :
       {std::tuple<const char*, json, const char*>{"dizziness", json{"gremlins"}, "unknown stop sign 'gremlins'"},
        {"dizziness", json{"dizziness"}, "stop sign 'dizziness' is named twice"},
        {"", json{"dizziness"}, "other stop signs without a stop sign"}}) {
    json doc = json::parse(before);
    doc["journal"]["sessions"][0]["stop_sign"] = first;
    doc["journal"]["sessions"][0]["other_stop_signs"] = others;
    cli_test::write_file(box.path("bad.json"), doc.dump());
    const Outcome r = box.run("import '" + box.path("bad.json").string() + "'");
    EXPECT_EQ(r.code, 2) << said;
    EXPECT_NE(r.err.find(std::string("journal.sessions[0]: session: ") + said), std::string::npos) << r.err;
  }
  EXPECT_EQ(exported(box), before);
}

// ---- a journal this process may not write ----

namespace {

// Runs fascia against `db` as a user who may not write it: as root (CI)
// through runuser as 'nobody', since root ignores file permissions;
// otherwise as the caller, after the test removed its write permission.
// The build tree may sit in a folder 'nobody' cannot enter (a clone under a
// 0700 mktemp folder), so the binary and the knowledge base are copied into
// the sandbox first.
Outcome run_without_write_access(const Sandbox& box, const std::filesystem::path& db, const std::string& args) {
  namespace fs = std::filesystem;
  const auto out = box.path("ro-out.txt"), err = box.path("ro-err.txt");
  const auto binary = box.path("ro-fascia"), data = box.path("ro-data");
  if (!fs::exists(binary)) {
    fs::copy_file(Sandbox::binary(), binary);
    fs::copy(fascia::adapters::default_data_dir(), data, fs::copy_options::recursive);
  }
  const std::string who = geteuid() == 0 ? "runuser -u nobody -- " : "";
  const std::string cmd = who + "'" + binary.string() + "' --data '" + data.string() + "' --today 2026-11-23 --db '" +
                          db.string() + "' " + args + " </dev/null >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, cli_test::slurp(out), cli_test::slurp(err)};
}

bool can_drop_privileges() { return geteuid() != 0 || std::system("runuser -u nobody -- true >/dev/null 2>&1") == 0; }

std::string file_bytes(const std::filesystem::path& p) { return cli_test::slurp(p); }

// Without write access to `db`: every read command works and shows the
// journal `before`; a write exits 4 saying `why_read_only`; the file's bytes
// are unchanged.
void expect_readable_but_not_writable(const Sandbox& box, const std::filesystem::path& db, const std::string& before,
                                      const std::string& why_read_only) {
  const std::string bytes = file_bytes(db);
  for (const char* read : {"today", "export", "plan", "progress"}) {
    const Outcome r = run_without_write_access(box, db, read);
    EXPECT_EQ(r.code, 0) << read << "\n" << r.err;
  }
  EXPECT_EQ(run_without_write_access(box, db, "export").out, before);
  const Outcome write = run_without_write_access(box, db, "log pain upper-trapezius 3");
  EXPECT_EQ(write.code, 4) << write.err;
  EXPECT_NE(write.err.find(why_read_only), std::string::npos) << write.err;
  // A guided session is refused before its first step, not after its last.
  const Outcome session = run_without_write_access(box, db, "session");
  EXPECT_EQ(session.code, 4) << session.out << session.err;
  EXPECT_NE(session.err.find("could not be saved: " + why_read_only), std::string::npos) << session.err;
  EXPECT_EQ(session.out.find("Step 1"), std::string::npos) << session.out;
  // So are the safety questions: refused before the first, not after the last.
  const Outcome screen = run_without_write_access(box, db, "screen");
  EXPECT_EQ(screen.code, 4) << screen.out << screen.err;
  EXPECT_NE(screen.err.find("could not be saved: " + why_read_only), std::string::npos) << screen.err;
  EXPECT_EQ(screen.out.find("?"), std::string::npos) << "no question asked: " << screen.out;
  EXPECT_EQ(file_bytes(db), bytes);
}

}  // namespace

TEST(CliIntegrity, AJournalInAReadOnlyFolderCanBeReadButNotWritten) {
  if (!can_drop_privileges()) GTEST_SKIP() << "runs as root without runuser: cannot test file permissions";
  Sandbox box;
  set_up(box);
  ASSERT_EQ(box.run("log pain upper-trapezius 5").code, 0);
  const std::string before = exported(box);
  const auto folder = box.path("readonly");
  std::filesystem::create_directories(folder);
  const auto db = folder / "journal.db";
  std::filesystem::copy_file(box.db(), db);
  ::chmod(db.c_str(), 0666);  // the file itself may be written: only the folder may not
  ::chmod(folder.c_str(), 0555);
  expect_readable_but_not_writable(box, db, before, "folder " + folder.string() + " is read-only");
  EXPECT_FALSE(std::filesystem::exists(db.string() + "-wal"));
  ::chmod(folder.c_str(), 0755);
}

TEST(CliIntegrity, AReadOnlyJournalInAWritableFolderCanBeReadButNotWritten) {
  if (!can_drop_privileges()) GTEST_SKIP() << "runs as root without runuser: cannot test file permissions";
  Sandbox box;
  set_up(box);
  const std::string before = exported(box);
  const auto folder = box.path("shared");
  std::filesystem::create_directories(folder);
  ::chmod(folder.c_str(), 0777);
  const auto db = folder / "journal.db";
  std::filesystem::copy_file(box.db(), db);
  ::chmod(db.c_str(), 0444);
  expect_readable_but_not_writable(box, db, before, "database " + db.string() + " is read-only");
  EXPECT_FALSE(std::filesystem::exists(db.string() + "-shm")) << "reading left files in someone else's folder";
}

// A copy of a journal and its -wal (changes not yet checkpointed), without its
// -shm, in a folder that cannot be written: SQLite could read it only by
// creating the -shm. It is refused with what to do, not "unable to open
// database file", and never shown without the changes in the -wal.
TEST(CliIntegrity, ACopiedJournalWithAWriteAheadLogInAReadOnlyFolderSaysWhatToDo) {
  if (!can_drop_privileges()) GTEST_SKIP() << "runs as root without runuser: cannot test file permissions";
  Sandbox box;
  set_up(box);
  sqlite3* holder = nullptr;  // keeps the -wal from being checkpointed away while it is copied
  ASSERT_EQ(sqlite3_open(box.db().c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(box.run("log pain upper-trapezius 5").code, 0);
  const auto folder = box.path("backup");
  std::filesystem::create_directories(folder);
  const auto db = folder / "journal.db";
  ASSERT_TRUE(std::filesystem::exists(box.db().string() + "-wal"));
  std::filesystem::copy_file(box.db(), db);
  std::filesystem::copy_file(box.db().string() + "-wal", db.string() + "-wal");
  sqlite3_close(holder);
  ::chmod(db.c_str(), 0444);
  ::chmod((db.string() + "-wal").c_str(), 0444);
  ::chmod(folder.c_str(), 0555);
  const Outcome r = run_without_write_access(box, db, "today");
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_NE(r.err.find(db.string() + "-wal"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("folder " + folder.string() + " is read-only"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("copy the files to a folder you can write"), std::string::npos) << r.err;
  ::chmod(folder.c_str(), 0755);
}
