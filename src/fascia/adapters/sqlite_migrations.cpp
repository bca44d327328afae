#include "fascia/adapters/sqlite_migrations.hpp"

#include <array>

namespace fascia::adapters {

namespace {

// Version 1: one person's profile, screenings and journal, keyed by person_id
// so one file can later serve many people. Dates are ISO text (YYYY-MM-DD),
// enums are their to_string words, lists keep their order in `position`.
constexpr std::string_view kVersion1 = R"sql(
PRAGMA application_id = 1179861825;  -- kSqliteApplicationId, "FSCA"

CREATE TABLE profile (
  person_id           INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  minutes_per_session INTEGER NOT NULL CHECK (minutes_per_session > 0),
  start_date          TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  weeks               INTEGER NOT NULL CHECK (weeks > 0)
) STRICT;

CREATE TABLE profile_region (
  person_id INTEGER NOT NULL REFERENCES profile (person_id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  region    TEXT NOT NULL,
  side      TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'midline')),
  pain      INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  PRIMARY KEY (person_id, position)
) STRICT;

CREATE TABLE profile_tool (
  person_id INTEGER NOT NULL REFERENCES profile (person_id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  tool      TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) STRICT;

CREATE TABLE profile_weekday (
  person_id INTEGER NOT NULL REFERENCES profile (person_id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  weekday   INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  PRIMARY KEY (person_id, position)
) STRICT;

CREATE TABLE screening (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  UNIQUE (person_id, id)
) STRICT;
CREATE INDEX screening_by_person_date ON screening (person_id, date);

CREATE TABLE screening_answer (
  person_id    INTEGER NOT NULL,
  screening_id INTEGER NOT NULL,
  question     TEXT NOT NULL,
  yes          INTEGER NOT NULL CHECK (yes IN (0, 1)),
  PRIMARY KEY (person_id, screening_id, question),
  FOREIGN KEY (person_id, screening_id) REFERENCES screening (person_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE screening_answer_region (
  person_id    INTEGER NOT NULL,
  screening_id INTEGER NOT NULL,
  question     TEXT NOT NULL,
  position     INTEGER NOT NULL,
  region       TEXT NOT NULL,
  PRIMARY KEY (person_id, screening_id, question, position),
  FOREIGN KEY (person_id, screening_id, question)
    REFERENCES screening_answer (person_id, screening_id, question) ON DELETE CASCADE
) STRICT;

CREATE TABLE pain_entry (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  region    TEXT NOT NULL,
  side      TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'midline')),
  score     INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10)
) STRICT;
CREATE INDEX pain_entry_by_person_date ON pain_entry (person_id, date);

CREATE TABLE reaction_entry (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  region    TEXT NOT NULL,
  side      TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'midline')),
  redness   INTEGER NOT NULL CHECK (redness IN (0, 1)),
  red_dots  INTEGER NOT NULL CHECK (red_dots IN (0, 1)),
  bruising  INTEGER NOT NULL CHECK (bruising IN (0, 1)),
  soreness  INTEGER NOT NULL CHECK (soreness BETWEEN 0 AND 10)
) STRICT;
CREATE INDEX reaction_entry_by_person_date ON reaction_entry (person_id, date);

CREATE TABLE habit_entry (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  habit     TEXT NOT NULL
) STRICT;
CREATE INDEX habit_entry_by_person_date ON habit_entry (person_id, date);

CREATE TABLE treatment_entry (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  treatment TEXT NOT NULL,
  region    TEXT NOT NULL,
  note      TEXT NOT NULL
) STRICT;
CREATE INDEX treatment_entry_by_person_date ON treatment_entry (person_id, date);

CREATE TABLE note_entry (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  text      TEXT NOT NULL
) STRICT;
CREATE INDEX note_entry_by_person_date ON note_entry (person_id, date);

-- Session ids are numbered per person (1, 2, ...) so an export re-imports
-- with the same ids into any database.
CREATE TABLE session (
  person_id     INTEGER NOT NULL,
  id            INTEGER NOT NULL CHECK (id > 0),
  date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  protocol      TEXT NOT NULL,
  target_region TEXT NOT NULL,
  side          TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'midline')),
  stopped       INTEGER NOT NULL CHECK (stopped IN (0, 1)),
  stop_sign     TEXT NOT NULL,
  PRIMARY KEY (person_id, id)
) STRICT;
CREATE INDEX session_by_person_date ON session (person_id, date);

CREATE TABLE session_step (
  person_id     INTEGER NOT NULL,
  session_id    INTEGER NOT NULL,
  position      INTEGER NOT NULL,
  step_index    INTEGER NOT NULL CHECK (step_index >= 0),
  technique     TEXT NOT NULL,
  region        TEXT NOT NULL,
  side          TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'midline')),
  modality      TEXT NOT NULL CHECK (modality IN ('instrument', 'compression', 'pressure', 'movement',
                                                  'preparation', 'percussion')),
  status        TEXT NOT NULL CHECK (status IN ('done', 'skipped', 'stopped')),
  strokes       INTEGER NOT NULL CHECK (strokes >= 0),
  seconds       INTEGER NOT NULL CHECK (seconds >= 0),
  pressure_used INTEGER CHECK (pressure_used IS NULL OR pressure_used BETWEEN 0 AND 10),
  stop_sign     TEXT NOT NULL,
  note          TEXT NOT NULL,
  PRIMARY KEY (person_id, session_id, position),
  FOREIGN KEY (person_id, session_id) REFERENCES session (person_id, id) ON DELETE CASCADE
) STRICT;
)sql";

// Version 2: accounts for the HTTP server. An account owns one person's rows;
// the password is kept only as a libsodium Argon2id hash string.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE account (
  person_id     INTEGER PRIMARY KEY CHECK (person_id > 0),
  name          TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created       TEXT NOT NULL CHECK (created GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
)sql";

// Version 3 (issue 8, safety): region answers carry a side (older answers
// meant the whole region: both), and practitioner clearances that lift
// warning-sign findings, with the regions each covers (none = everything).
constexpr std::string_view kVersion3 = R"sql(
ALTER TABLE screening_answer_region ADD COLUMN side TEXT NOT NULL DEFAULT 'both'
  CHECK (side IN ('left', 'right', 'both', 'midline'));
CREATE TABLE clearance (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  cleared_by TEXT NOT NULL,
  note      TEXT NOT NULL,
  UNIQUE (person_id, id)
) STRICT;
CREATE INDEX clearance_by_person_date ON clearance (person_id, date);
CREATE TABLE clearance_region (
  person_id    INTEGER NOT NULL,
  clearance_id INTEGER NOT NULL,
  position     INTEGER NOT NULL,
  region       TEXT NOT NULL,
  side         TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'midline')),
  PRIMARY KEY (person_id, clearance_id, position),
  FOREIGN KEY (person_id, clearance_id) REFERENCES clearance (person_id, id) ON DELETE CASCADE
) STRICT;
)sql";

// Version 4 (issue 8, same-day order): how many of the person's screenings
// were on record when each clearance was recorded, so that a clearance lifts
// only warnings raised before it. Older clearances are taken to follow every
// screening of their day or earlier (the most the date alone can say).
constexpr std::string_view kVersion4 = R"sql(
ALTER TABLE clearance ADD COLUMN after_screenings INTEGER NOT NULL DEFAULT 0 CHECK (after_screenings >= 0);
UPDATE clearance SET after_screenings =
  (SELECT count(*) FROM screening s WHERE s.person_id = clearance.person_id AND s.date <= clearance.date);
)sql";

// Version 5 (issue 9): signed-in sessions, devices that signed in, and the
// login limiter's attempts, in the database so that a restart signs no one
// out and several server processes share them. Tokens are kept only as
// hashes (a copy of the file gives no one a way in); times are Unix seconds.
// Sessions name a person, not an account: the start-up link signs in as
// person 1, who may have no account.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE login_session (
  token_hash TEXT PRIMARY KEY,
  person_id  INTEGER NOT NULL CHECK (person_id > 0),
  created    INTEGER NOT NULL,
  expires    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX login_session_by_person ON login_session (person_id);
CREATE TABLE login_device (
  token_hash TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  expires    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE login_attempt (
  id  INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at  INTEGER NOT NULL
) STRICT;
CREATE INDEX login_attempt_by_key ON login_attempt (key, at);
)sql";

// Version 6 (issue 9): a revision per person, raised by every write of
// their data in the same transaction, so that a server's cached views can
// tell a write made by another process (a second server, the terminal).
constexpr std::string_view kVersion6 = R"sql(
CREATE TABLE person_revision (
  person_id INTEGER PRIMARY KEY,
  revision  INTEGER NOT NULL CHECK (revision > 0)
) STRICT;
)sql";

// Version 7 (issue 10): clinics and care links. An account has a role
// (existing accounts are persons) and, for a practitioner or a clinic
// administrator, its clinic. A practitioner gives a client a single-use
// invitation (kept only as the hash of its code); accepting it makes a link
// that says what the person shares, until the person revokes it (kept, with
// revoked_at, so the history stays readable). At most one live link per
// clinic, practitioner and person. Every read or write of a person's data by
// someone else goes into access_log, with the actor's name and role as they
// were then. Times are Unix seconds; ids are assigned by the store (the
// highest plus one), so that a copied database keeps its ids and later ones
// follow them.
constexpr std::string_view kVersion7 = R"sql(
CREATE TABLE clinic (
  id      INTEGER PRIMARY KEY CHECK (id > 0),
  name    TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL CHECK (created GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
ALTER TABLE account ADD COLUMN role TEXT NOT NULL DEFAULT 'person'
  CHECK (role IN ('person', 'practitioner', 'clinic_admin'));
ALTER TABLE account ADD COLUMN clinic_id INTEGER REFERENCES clinic (id);
CREATE TABLE invitation (
  id              INTEGER PRIMARY KEY CHECK (id > 0),
  code_hash       TEXT NOT NULL UNIQUE,
  clinic_id       INTEGER NOT NULL REFERENCES clinic (id),
  practitioner_id INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  used_at         INTEGER,
  used_by         INTEGER
) STRICT;
CREATE TABLE care_link (
  id              INTEGER PRIMARY KEY CHECK (id > 0),
  clinic_id       INTEGER NOT NULL REFERENCES clinic (id),
  practitioner_id INTEGER NOT NULL,
  person_id       INTEGER NOT NULL,
  share_journal   INTEGER NOT NULL CHECK (share_journal IN (0, 1)),
  share_sessions  INTEGER NOT NULL CHECK (share_sessions IN (0, 1)),
  share_screening INTEGER NOT NULL CHECK (share_screening IN (0, 1)),
  created_at      INTEGER NOT NULL,
  revoked_at      INTEGER
) STRICT;
CREATE INDEX care_link_by_person ON care_link (person_id);
CREATE INDEX care_link_by_practitioner ON care_link (practitioner_id);
CREATE UNIQUE INDEX care_link_live ON care_link (clinic_id, practitioner_id, person_id) WHERE revoked_at IS NULL;
CREATE TABLE access_log (
  id         INTEGER PRIMARY KEY CHECK (id > 0),
  person_id  INTEGER NOT NULL,
  at         INTEGER NOT NULL,
  actor_id   INTEGER NOT NULL,
  actor_name TEXT NOT NULL,
  actor_role TEXT NOT NULL CHECK (actor_role IN ('person', 'practitioner', 'clinic_admin')),
  clinic_id  INTEGER REFERENCES clinic (id),
  kind       TEXT NOT NULL CHECK (kind IN ('read', 'write')),
  area       TEXT NOT NULL CHECK (area IN ('link', 'journal', 'sessions', 'screening', 'care')),
  what       TEXT NOT NULL
) STRICT;
CREATE INDEX access_log_by_person_at ON access_log (person_id, at);
)sql";

// Version 8 (issue 10, point 4): what a linked practitioner did in clinic,
// in the person's journal: the kind of work (a treatments.yaml id), the
// regions and sides worked, pressure (0-10, optional), minutes (1-240),
// what was seen, a note, and who recorded it (their person id and account
// name as it was, their clinic). Ids are numbered across the database, as
// session ids are, and kept on import. No foreign key to clinic or account:
// an export imported into another database keeps them as they were.
constexpr std::string_view kVersion8 = R"sql(
CREATE TABLE clinic_treatment (
  person_id       INTEGER NOT NULL,
  id              INTEGER NOT NULL CHECK (id > 0),
  date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  treatment       TEXT NOT NULL,
  pressure        INTEGER CHECK (pressure IS NULL OR pressure BETWEEN 0 AND 10),
  minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 240),
  reaction        TEXT NOT NULL,
  note            TEXT NOT NULL,
  practitioner_id INTEGER NOT NULL CHECK (practitioner_id > 0),
  practitioner    TEXT NOT NULL,
  clinic_id       INTEGER NOT NULL CHECK (clinic_id > 0),
  PRIMARY KEY (person_id, id),
  UNIQUE (id)
) STRICT;
CREATE INDEX clinic_treatment_by_person_date ON clinic_treatment (person_id, date);
CREATE TABLE clinic_treatment_region (
  person_id           INTEGER NOT NULL,
  clinic_treatment_id INTEGER NOT NULL,
  position            INTEGER NOT NULL,
  region              TEXT NOT NULL,
  side                TEXT NOT NULL CHECK (side IN ('left', 'right', 'both', 'midline')),
  PRIMARY KEY (person_id, clinic_treatment_id, position),
  FOREIGN KEY (person_id, clinic_treatment_id) REFERENCES clinic_treatment (person_id, id) ON DELETE CASCADE
) STRICT;
)sql";

// Version 9 (issue 10, point 3): the home programs a practitioner assigned
// to the person, one row per version (a change is a new version; earlier
// ones are kept, so the person can see what changed). The content is the
// version as JSON (json_codec.hpp): it is read and written whole, never
// queried by part. Program ids count per person.
constexpr std::string_view kVersion9 = R"sql(
CREATE TABLE home_program (
  person_id  INTEGER NOT NULL,
  program_id INTEGER NOT NULL CHECK (program_id > 0),
  version    INTEGER NOT NULL CHECK (version > 0),
  assigned   TEXT NOT NULL CHECK (assigned GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  body       TEXT NOT NULL CHECK (json_valid(body)),
  PRIMARY KEY (person_id, program_id, version)
) STRICT;
)sql";

// Version 10 (issue 10, point 7): visit notes. A note belongs to one person
// and one clinic and has a visit date; its text is in revisions numbered from
// 1 (as written), each with its author (person id and account name as it
// was), time (Unix seconds), the four SOAP parts and, from revision 2, the
// reason for the amendment. Revisions are only ever added: triggers refuse
// changing or deleting one, or a note, so no edit can be silent.
constexpr std::string_view kVersion10 = R"sql(
CREATE TABLE visit_note (
  id         INTEGER PRIMARY KEY CHECK (id > 0),
  person_id  INTEGER NOT NULL,
  clinic_id  INTEGER NOT NULL REFERENCES clinic (id),
  visit_date TEXT NOT NULL CHECK (visit_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;
CREATE INDEX visit_note_by_person ON visit_note (person_id, clinic_id);
CREATE TABLE visit_note_revision (
  note_id    INTEGER NOT NULL REFERENCES visit_note (id),
  number     INTEGER NOT NULL CHECK (number > 0),
  author_id  INTEGER NOT NULL CHECK (author_id > 0),
  author     TEXT NOT NULL,
  at         INTEGER NOT NULL,
  subjective TEXT NOT NULL,
  objective  TEXT NOT NULL,
  assessment TEXT NOT NULL,
  plan       TEXT NOT NULL,
  reason     TEXT NOT NULL,
  PRIMARY KEY (note_id, number)
) STRICT;
CREATE TRIGGER visit_note_kept BEFORE UPDATE ON visit_note
BEGIN SELECT RAISE(ABORT, 'visit notes are never changed: amend them'); END;
CREATE TRIGGER visit_note_not_deleted BEFORE DELETE ON visit_note
BEGIN SELECT RAISE(ABORT, 'visit notes are never deleted'); END;
CREATE TRIGGER visit_note_revision_kept BEFORE UPDATE ON visit_note_revision
BEGIN SELECT RAISE(ABORT, 'visit note revisions are never changed: amend the note'); END;
CREATE TRIGGER visit_note_revision_not_deleted BEFORE DELETE ON visit_note_revision
BEGIN SELECT RAISE(ABORT, 'visit note revisions are never deleted'); END;
)sql";

// Version 11 (issue 10, point 1): a clinic administrator deactivates a
// practitioner instead of deleting them (health records are never deleted,
// ADR 0021): the time it happened, null while active. A practitioner cancels
// an invitation, or deactivation cancels their open ones: the time, null
// until then.
constexpr std::string_view kVersion11 = R"sql(
ALTER TABLE account ADD COLUMN deactivated_at INTEGER;
ALTER TABLE invitation ADD COLUMN cancelled_at INTEGER;
CREATE INDEX invitation_by_practitioner ON invitation (practitioner_id);
)sql";

// Version 12 (issue 10, point 5): whether a clearance was recorded by a
// linked practitioner's own account, so that one a person typed in is never
// taken for a practitioner's, and their clinic, so that another clinic sees
// only that a practitioner signed it. Earlier ones cannot be told apart: the
// person's.
constexpr std::string_view kVersion12 = R"sql(
ALTER TABLE clearance ADD COLUMN by_practitioner INTEGER NOT NULL DEFAULT 0 CHECK (by_practitioner IN (0, 1));
ALTER TABLE clearance ADD COLUMN clinic_id INTEGER REFERENCES clinic (id);
)sql";

// Version 13: every stop sign a stop was reported with, not only the most
// severe (stop_sign): the others, most severe first, separated by one space
// (stop-sign ids hold none). Earlier stops were stored with one sign only.
constexpr std::string_view kVersion13 = R"sql(
ALTER TABLE session ADD COLUMN other_stop_signs TEXT NOT NULL DEFAULT '';
ALTER TABLE session_step ADD COLUMN other_stop_signs TEXT NOT NULL DEFAULT '';
)sql";

// Version 14 (issue 11): the practitioner finder's directory. A listing is
// a practitioner's own (account_id) or a line of an imported list
// (directory); its lists of ids and languages are one value per line. The
// R*Tree listing_geo (32-bit integers: millionths of a degree) indexes every
// listing's point, kept equal to the listing by triggers, so that a search
// reads only the listings in its box.
constexpr std::string_view kVersion14 = R"sql(
CREATE TABLE listing (
  id                 INTEGER PRIMARY KEY CHECK (id > 0),
  account_id         INTEGER UNIQUE REFERENCES account (person_id),
  directory          TEXT NOT NULL DEFAULT '',
  display_name       TEXT NOT NULL,
  clinic_name        TEXT NOT NULL DEFAULT '',
  modalities         TEXT NOT NULL,
  areas              TEXT NOT NULL DEFAULT '',
  languages          TEXT NOT NULL DEFAULT '',
  town               TEXT NOT NULL,
  postcode           TEXT NOT NULL DEFAULT '',
  lat_e6             INTEGER NOT NULL CHECK (lat_e6 BETWEEN -90000000 AND 90000000),
  lon_e6             INTEGER NOT NULL CHECK (lon_e6 BETWEEN -180000000 AND 180000000),
  contact            TEXT NOT NULL,
  taking_new_clients INTEGER NOT NULL CHECK (taking_new_clients IN (0, 1)),
  published          INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  updated_at         INTEGER NOT NULL,
  CHECK ((account_id IS NULL) = (directory <> ''))
) STRICT;
CREATE INDEX listing_by_directory ON listing (directory);
CREATE VIRTUAL TABLE listing_geo USING rtree_i32 (id, min_lat, max_lat, min_lon, max_lon);
CREATE TRIGGER listing_geo_insert AFTER INSERT ON listing
BEGIN INSERT INTO listing_geo VALUES (new.id, new.lat_e6, new.lat_e6, new.lon_e6, new.lon_e6); END;
CREATE TRIGGER listing_geo_update AFTER UPDATE OF lat_e6, lon_e6 ON listing
BEGIN UPDATE listing_geo SET min_lat = new.lat_e6, max_lat = new.lat_e6, min_lon = new.lon_e6, max_lon = new.lon_e6
      WHERE id = new.id; END;
CREATE TRIGGER listing_geo_delete AFTER DELETE ON listing
BEGIN DELETE FROM listing_geo WHERE id = old.id; END;
)sql";

constexpr std::array<std::string_view, 14> kMigrations{kVersion1,  kVersion2,  kVersion3,  kVersion4, kVersion5,
                                                       kVersion6,  kVersion7,  kVersion8,  kVersion9, kVersion10,
                                                       kVersion11, kVersion12, kVersion13, kVersion14};

}  // namespace

std::span<const std::string_view> sqlite_migrations() { return kMigrations; }

}  // namespace fascia::adapters
