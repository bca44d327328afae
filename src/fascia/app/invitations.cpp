#include "fascia/app/invitations.hpp"

#include "fascia/app/care_links.hpp"

namespace fascia::app {

core::Result<std::vector<InvitationDetails>> list_invitations(ClinicStore& clinics, const Account& practitioner) {
  FASCIA_TRY(require_active_practitioner(practitioner, "has invitations"));
  return clinics.invitations_of(practitioner.person_id);
}

core::Result<InvitationDetails> cancel_invitation(ClinicStore& clinics, const Account& practitioner, std::int64_t id,
                                                  std::int64_t now) {
  FASCIA_TRY(require_active_practitioner(practitioner, "cancels their invitations"));
  return clinics.cancel_invitation(id, practitioner.person_id, now);
}

}  // namespace fascia::app
