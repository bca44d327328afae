#include "fascia/server/route_helpers.hpp"

namespace fascia::server {

ApiResult<StorePool::Lease> person_store(Call& call) { return lift(call.state.stores.lease(call.person_id)); }

ApiResult<app::PersonState> load_person_state(Call& call, app::JournalStore& store) {
  auto person = app::load_person(call.state.kb, store);
  if (!person) {
    ApiError error = from_core(person.error());
    // The terminal wording names a command; the browser has its own pages.
    if (person.error().code == core::ErrorCode::precondition)
      error.message = person.error().message.rfind("no profile", 0) == 0 ? "no profile yet: set up your profile first"
                      : person.error().message.rfind("no screening", 0) == 0
                          ? "no screening yet: answer the screening questions first"
                          : "the screening questions have changed: answer them again";
    return tl::make_unexpected(error);
  }
  return std::move(*person);
}

}  // namespace fascia::server
