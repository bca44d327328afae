#include "fascia/app/visit_notes.hpp"

#include "fascia/app/care_links.hpp"
#include "fascia/app/text_limits.hpp"

namespace fascia::app {

using core::ErrorCode;

namespace {

FieldResult<void> check_part(const std::string& text, const char* name, const TextLimit& limit) {
  if (auto ok = check_text(text, limit, name); !ok) return tl::make_unexpected(FieldError{ok.error(), name});
  return {};
}

FieldResult<void> not_blank(const core::Soap& text) {
  if (!core::is_blank(text)) return {};
  return field_fail(ErrorCode::invalid_argument,
                    "a visit note needs at least one of subjective, objective, assessment or plan", "subjective");
}

template <class T>
FieldResult<T> no_field(core::Result<T> result) {
  if (!result) return tl::make_unexpected(FieldError{std::move(result).error(), {}});
  if constexpr (std::is_void_v<T>)
    return {};
  else
    return std::move(*result);
}

}  // namespace

FieldResult<void> check_soap(const core::Soap& text) {
  const std::string* parts[] = {&text.subjective, &text.objective, &text.assessment, &text.plan};
  for (std::size_t i = 0; i < 4; ++i)
    if (auto ok = check_part(*parts[i], kSoapParts[i], kSoapPartLimit); !ok) return ok;
  return not_blank(text);
}

FieldResult<void> check_visit_date(core::Date date, core::Date today) {
  if (date > today)
    return field_fail(
        ErrorCode::bad_date,
        "date: the visit on " + core::format_date(date) + " is after today (" + core::format_date(today) + ")", "date");
  const core::Date earliest = core::add_days(today, -kVisitNoteDaysBack);
  if (date < earliest)
    return field_fail(ErrorCode::bad_date,
                      "date: the visit on " + core::format_date(date) + " is more than " +
                          std::to_string(kVisitNoteDaysBack) + " days ago (the earliest is " +
                          core::format_date(earliest) + ")",
                      "date");
  return {};
}

FieldResult<core::VisitNote> write_visit_note(ClinicStore& clinics, const Account& practitioner, std::int64_t client,
                                              core::Date visit_date, core::Soap text, std::int64_t now,
                                              core::Date today) {
  if (auto ok = check_visit_date(visit_date, today); !ok) return tl::make_unexpected(ok.error());
  if (auto ok = check_soap(text); !ok) return tl::make_unexpected(ok.error());
  auto link = reach_client(clinics, practitioner, client, core::CareArea::care, core::AccessKind::write,
                           "wrote a visit note", now);
  if (!link) return tl::make_unexpected(FieldError{link.error(), {}});
  core::VisitNote note;
  note.person_id = client;
  note.clinic_id = link->link.clinic_id;
  note.visit_date = visit_date;
  note.revisions.push_back(core::NoteRevision{.number = 1,
                                              .author_id = practitioner.person_id,
                                              .author = practitioner.name,
                                              .at = now,
                                              .text = std::move(text),
                                              .reason = {}});
  return no_field(clinics.add_visit_note(note));
}

core::Result<std::vector<core::VisitNote>> client_visit_notes(ClinicStore& clinics, const Account& practitioner,
                                                              std::int64_t client, std::int64_t now) {
  auto link = reach_client(clinics, practitioner, client, core::CareArea::care, core::AccessKind::read,
                           "read the visit notes", now);
  if (!link) return tl::make_unexpected(link.error());
  return clinics.visit_notes(client, link->link.clinic_id);
}

core::Result<std::vector<core::VisitNote>> own_visit_notes(ClinicStore& clinics, std::int64_t person_id) {
  return clinics.visit_notes(person_id, std::nullopt);
}

FieldResult<core::VisitNote> amend_visit_note(ClinicStore& clinics, const Account& practitioner, std::int64_t client,
                                              std::int64_t note_id, const core::SoapChanges& changes,
                                              const std::string& reason, std::int64_t now) {
  if (auto ok = check_part(reason, "reason", kAmendmentReasonLimit); !ok) return tl::make_unexpected(ok.error());
  if (core::is_blank(reason))
    return field_fail(ErrorCode::invalid_argument, "reason: say why the note is amended", "reason");
  const std::optional<std::string>* parts[] = {&changes.subjective, &changes.objective, &changes.assessment,
                                               &changes.plan};
  for (std::size_t i = 0; i < 4; ++i)
    if (*parts[i])
      if (auto ok = check_part(**parts[i], kSoapParts[i], kSoapPartLimit); !ok) return tl::make_unexpected(ok.error());

  auto link = check_reach(clinics, practitioner, client, core::CareArea::care);
  if (!link) return tl::make_unexpected(FieldError{link.error(), {}});
  auto found = clinics.find_visit_note(note_id);
  if (!found) return tl::make_unexpected(FieldError{found.error(), {}});
  if (!*found || (*found)->person_id != client || (*found)->clinic_id != link->link.clinic_id)
    return field_fail(
        ErrorCode::not_found,
        "no visit note " + std::to_string(note_id) + " of client " + std::to_string(client) + " in your clinic",
        "note");
  const core::VisitNote& note = **found;
  // A refusal of the text as a whole names the first part given: the one
  // the practitioner is changing (none when no part was given).
  std::string given;
  for (std::size_t i = 0; i < 4 && given.empty(); ++i)
    if (*parts[i]) given = kSoapParts[i];
  const core::Soap text = core::apply_changes(note.current().text, changes);
  if (core::is_blank(text))
    return field_fail(ErrorCode::invalid_argument,
                      "a visit note needs at least one of subjective, objective, assessment or plan", given);
  if (text == note.current().text)
    return field_fail(ErrorCode::invalid_argument,
                      "the amendment changes nothing: give the parts that change (subjective, objective, "
                      "assessment, plan)",
                      given);

  auto reached = reach_client(clinics, practitioner, client, core::CareArea::care, core::AccessKind::write,
                              "amended visit note " + std::to_string(note_id), now);
  if (!reached) return tl::make_unexpected(FieldError{reached.error(), {}});
  core::NoteRevision revision{.number = 0,
                              .author_id = practitioner.person_id,
                              .author = practitioner.name,
                              .at = now,
                              .text = text,
                              .reason = reason};
  auto stored = clinics.add_note_revision(note_id, revision);
  if (!stored) return tl::make_unexpected(FieldError{stored.error(), {}});
  core::VisitNote amended = note;
  amended.revisions.push_back(*stored);
  return amended;
}

}  // namespace fascia::app
