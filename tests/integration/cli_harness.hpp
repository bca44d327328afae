// Runs the real fascia binary as a separate process against a throwaway
// database, capturing exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "fascia/adapters/kb_paths.hpp"

namespace cli_test {

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << text;
}

class Sandbox {
 public:
  Sandbox() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("fascia-cli-" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~Sandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  std::filesystem::path path(const std::string& name) const { return dir_ / name; }
  std::filesystem::path db() const { return dir_ / "journal.db"; }
  const std::filesystem::path& dir() const { return dir_; }

  // The fascia under test: this build's, or FASCIA_TEST_BINARY when set (to
  // watch a new test fail on an older build before the fix).
  static std::string binary() {
    const char* other = std::getenv("FASCIA_TEST_BINARY");
    return other && *other ? other : FASCIA_BINARY;
  }

  // `args` is passed to bash as is, after the binary and --db.
  Outcome run(const std::string& args, const std::string& input = "", const std::string& today = "2026-11-23") const {
    const auto in = path("stdin.txt"), out = path("stdout.txt"), err = path("stderr.txt");
    write_file(in, input);
    const std::string cmd = "FASCIA_TODAY=" + today + " '" + binary() + "' --db '" + db().string() +
                            "' " + args + " <'" + in.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

 private:
  std::filesystem::path dir_;
};

// The person's whole journal as `fascia export` prints it.
inline std::string exported(const Sandbox& box) { return box.run("export").out; }

// Every screening question of the real knowledge base answered "no", as an
// answers file's text (one "id: no" line per question).
inline std::string all_no_answers() {
  std::istringstream in(slurp(fascia::adapters::default_data_dir() / "screening" / "questions.yaml"));
  std::string line, out;
  while (std::getline(in, line)) {
    const auto pos = line.find("- id: ");
    if (pos != std::string::npos) out += line.substr(pos + 6) + ": no\n";
  }
  return out;
}

}  // namespace cli_test
