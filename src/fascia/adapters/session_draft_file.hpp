// The terminal's session draft as a small JSON file next to the journal
// (`<db>.session-in-progress.json`): rewritten after every step so a killed
// or interrupted `fascia session` keeps the steps done, and kept when saving
// fails so `fascia session --save-pending FILE` can save it later.
#pragma once

#include <filesystem>

#include "fascia/app/session_events.hpp"

namespace fascia::adapters {

class SessionDraftFile final : public app::SessionDraftStore {
 public:
  explicit SessionDraftFile(std::filesystem::path file) : file_(std::move(file)) {}
  // The draft file that goes with a journal database.
  static std::filesystem::path next_to(const std::filesystem::path& db);

  // malformed_file (naming the file) when it exists but is not a draft.
  core::Result<std::optional<app::SessionDraft>> load() override;
  // Writes FILE.tmp, fsyncs it, renames it over FILE and fsyncs the folder;
  // io_error naming the file when any of that fails.
  core::Result<void> save(const app::SessionDraft& draft) override;
  core::Result<void> clear() override;
  std::string where() const override { return file_.string(); }

 private:
  std::filesystem::path file_;
};

}  // namespace fascia::adapters
