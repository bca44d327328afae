// Importing a shared directory of practitioners from a CSV file (issue 11):
// a network of clinics keeps one list and each machine loads it. Every line
// is checked as a listing (app/listings) and every problem is reported with
// its line and column; nothing is written when any line is bad, unless the
// caller asks to skip bad lines. An import replaces the directory of the
// same name, in one transaction.
//
// The first record names the columns, in any order:
//   name, modalities, contact, published             required
//   latitude, longitude                              both, or neither
//   town                                             required without coordinates (resolved with
//                                                    region and country when given)
//   clinic, areas, languages, postcode, region, country, taking_new_clients   optional
// Lists (modalities, areas, languages) are separated by ';'. published and
// taking_new_clients are yes or no (taking_new_clients: yes when empty).
#pragma once

#include <string>
#include <vector>

#include "fascia/app/directory_store.hpp"
#include "fascia/app/places.hpp"
#include "fascia/app/text_record.hpp"
#include "fascia/core/knowledge_base.hpp"

namespace fascia::app {

enum class BadLines { refuse, skip };

struct ImportProblem {
  int line = 0;       // the file's line
  std::string field;  // the column, "modalities[1]" for an item of a list; empty for the whole line
  std::string message;
};

struct DirectoryImport {
  std::size_t read = 0;       // listings the file holds
  std::size_t imported = 0;   // listings written (0 when refused)
  std::int64_t replaced = 0;  // listings the directory held before, replaced
  std::vector<ImportProblem> problems;
  bool written = false;  // false: the database is as it was
};

// Errors (nothing written): invalid_argument for a directory name that is
// empty or longer than 80 characters, a file without a header or rows, an
// unknown or missing column (naming it); the store's errors. Bad lines are
// not errors: they are the result's problems.
core::Result<DirectoryImport> import_directory(const core::KnowledgeBase& kb, const PlaceIndex* places,
                                               DirectoryStore& store, const std::string& directory,
                                               const std::vector<TextRecord>& records, BadLines bad_lines,
                                               std::int64_t now);

}  // namespace fascia::app
