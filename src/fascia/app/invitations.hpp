// A practitioner's own invitations (issue 10, point 2), written once for the
// terminal and the server: the list, each with where it stands
// (core::invitation_state), and cancelling an open one so that its code can
// no longer be accepted. Making one is app/care_links' invite_client. Times
// are Unix seconds, passed in.
#pragma once

#include <cstdint>
#include <vector>

#include "fascia/app/account_store.hpp"
#include "fascia/app/clinic_store.hpp"

namespace fascia::app {

// Every invitation the practitioner made, newest first. forbidden unless the
// account is an active practitioner.
core::Result<std::vector<InvitationDetails>> list_invitations(ClinicStore& clinics, const Account& practitioner);

// Cancels the practitioner's open invitation `id` at `now` and returns it.
// forbidden unless the account is an active practitioner; not_found unless
// the invitation is theirs; precondition, naming its state, when it is
// already used, expired or cancelled.
core::Result<InvitationDetails> cancel_invitation(ClinicStore& clinics, const Account& practitioner, std::int64_t id,
                                                  std::int64_t now);

}  // namespace fascia::app
