// The API's routes, one registration function per area (docs/API.md).
#pragma once

#include "fascia/server/api_router.hpp"

namespace fascia::server {

void add_auth_routes(HttpRouter& http, ApiRouter& api, ServerState& state);
void add_kb_routes(ApiRouter& api);
void add_profile_routes(ApiRouter& api);  // profile, screening, referral
void add_plan_routes(ApiRouter& api);     // plan, today, progress
void add_session_routes(ApiRouter& api);  // stop advice, sessions
void add_journal_routes(ApiRouter& api);
void add_clearance_routes(ApiRouter& api);
void add_program_routes(ApiRouter& api);  // home programs: assign, change, end, view, step cards
void add_care_routes(ApiRouter& api);     // practitioners: links, clients, access log, practitioner clearances
void add_invitation_routes(ApiRouter& api);  // a practitioner's invitations: make, list, cancel
void add_clinic_routes(ApiRouter& api);      // a clinic administrator: members, add, deactivate, reactivate
void add_signup_routes(ApiRouter& api);      // a person's account from an invitation code, for anyone
void add_note_routes(ApiRouter& api);
void add_finder_routes(ApiRouter& api);  // the practitioner finder: a search; a practitioner's own listing  // visit
                                         // notes: a client's, written and amended by practitioners; one's own

}  // namespace fascia::server
