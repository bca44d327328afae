// The JSON objects the fascia API answers with, by the names the app uses:
// each is the OpenAPI document's own schema (src/fascia/server/openapi.json),
// as openapi-typescript generates it into api-schema.ts. Nothing here is
// written by hand, so the app cannot drift from the document: `npm run
// typecheck` regenerates api-schema.ts and fails when the committed one differs.
import type { components } from './api-schema';

type S = components['schemas'];

export type Side = S['Side'];
export type Laterality = S['Laterality'];
export type RegionClass = S['RegionClass'];
export type Modality = S['Modality'];
export type DoseUnit = S['DoseUnit'];
export type ClearanceLevel = S['ClearanceLevel'];
export type StopAction = S['StopAction'];
export type QuestionKind = S['QuestionKind'];
export type StepStatus = S['StepStatus'];
export type ReviewState = S['ReviewState'];
export type IntRange = S['IntRange'];
export type Reason = S['Reason'];
export type Source = S['Source'];
export type Region = S['Region'];
export type Tool = S['Tool'];
export type Kit = S['Kit'];
export type Technique = S['Technique'];
export type Step = S['Step'];
export type Protocol = S['Protocol'];
export type Question = S['Question'];
export type StopSign = S['StopSign'];
export type Habit = S['Habit'];
export type TreatmentModality = S['Treatment'];
/** The safety caps by name, each with its value and source (GET /kb/caps). */
export type Caps = S['Caps'];
export type PainLocation = S['PainLocation'];
export type RegionTarget = S['RegionTarget'];
export type Profile = S['Profile'];
export type RegionSide = S['RegionSide'];
export type Finding = S['Finding'];
export type ClearanceEntry = S['ClearanceEntry'];
export type ClientClearanceInput = S['ClientClearanceInput'];
export type FindingHistory = S['FindingHistory'];
export type Clearance = S['Clearance'];
export type RegionAnswer = S['RegionSide'];
export type Answer = S['Answer'];
export type ScreeningRecord = S['Screening'];
export type PlannedStep = S['PlannedStep'];
export type PlannedSession = S['PlannedSession'];
export type PlanDay = S['PlanDay'];
export type Exclusion = S['Exclusion'];
export type Plan = S['Plan'];
export type ReasonArea = S['ReasonGroup']['areas'][number];
export type ReasonGroup = S['ReasonGroup'];
export type TodayView = S['Today'];
export type StepLog = S['StepLog'];
export type StopOutcome = S['StopOutcome'];
export type Session = S['Session'];
export type SessionEvent = S['SessionEvent'];
export type SessionRun = S['SessionRun'];
export type SessionResult = S['SessionResult'];
export type PainEntry = S['PainEntry'];
export type ReactionEntry = S['ReactionEntry'];
export type HabitEntry = S['HabitEntry'];
export type TreatmentEntry = S['TreatmentEntry'];
export type NoteEntry = S['NoteEntry'];
export type Journal = S['Journal'];
export type TrendPoint = S['TrendPoint'];
export type RegionTrend = S['RegionTrend'];
export type WeekAdherence = S['WeekAdherence'];
export type ReviewVerdict = S['ReviewVerdict'];
export type Adjustment = S['Adjustment'];
export type Progress = S['Progress'];
export type ReferralSuggestion = S['ReferralSuggestion'];
export type Referral = S['Referral'];
export type Me = S['Me'];
export type ApiErrorBody = S['Error'];
export type CheckinArea = S['CheckinArea'];
export type CheckinForm = S['CheckinForm'];
export type CheckinSaved = S['CheckinSaved'];
export type CheckinRun = S['CheckinInput'];
export type ProfileInput = S['ProfileInput'];
// Practitioners and clinics (issue 10).
export type Role = S['Role'];
export type Account = S['Account'];
export type Clinic = S['Clinic'];
export type Sharing = S['Sharing'];
export type SharingOut = S['SharingOut'];
export type CareLink = S['CareLink'];
export type InvitationPreview = S['InvitationPreview'];
export type SignupInput = S['SignupInput'];
export type SignupAnswer = S['SignupAnswer'];
export type Invitation = S['Invitation'];
export type InvitationStatus = S['InvitationStatus'];
export type InvitationInput = S['InvitationInput'];
export type LinkAcceptInput = S['LinkAcceptInput'];
export type AccessEntry = S['AccessEntry'];
export type ClientView = S['ClientView'];
export type AttentionFlag = S['AttentionFlag'];
export type ClientAttention = S['ClientAttention'];
export type AttentionList = S['AttentionList'];
export type ClientProgress = S['ClientProgress'];
export type ClinicView = S['ClinicView'];
/** What a linked practitioner did in clinic, as stored in the client's journal (issue 10, point 4). */
export type ClinicTreatment = S['ClinicTreatment'];
export type RecordedClinicTreatment = S['RecordedClinicTreatment'];
export type ClinicTreatmentInput = S['ClinicTreatmentInput'];
export type PractitionerInput = S['PractitionerInput'];
export type VisitNote = S['VisitNote'];
export type VisitNoteRevision = S['VisitNoteRevision'];
export type VisitNoteInput = S['VisitNoteInput'];
export type VisitNoteAmendmentInput = S['VisitNoteAmendmentInput'];
export type VisitNoteList = S['VisitNoteList'];
// Home programs (issue 10, point 3; docs/adr/0018-home-programs-as-versions.md).
export type ProgramItem = S['ProgramItem'];
export type ProgramItemInput = S['ProgramItemInput'];
export type HomeProgramInput = S['HomeProgramInput'];
export type HomeProgram = S['HomeProgram'];
export type HomeProgramReply = S['HomeProgramReply'];
export type HomeProgramVersion = S['HomeProgramVersion'];
export type HomeProgramList = S['HomeProgramList'];
export type ProgramHold = S['ProgramHold'];
/** One program of a list: whether the plan follows it, its current version and every version with what changed. */
export type ProgramEntry = HomeProgramList['programs'][number];
export type ProgramCards = S['ProgramCards'];
// The practitioner finder (issue 11; docs/FINDER.md).
export type Place = S['Place'];
export type PublicListing = S['PublicListing'];
export type OwnListing = S['OwnListing'];
export type OwnListingAnswer = S['OwnListingAnswer'];
export type ListingInput = S['ListingInput'];
export type FinderNeedView = S['FinderNeedView'];
export type FinderMatch = S['FinderMatch'];
export type FinderResult = S['FinderResult'];
export type PlaceLookup = S['PlaceLookup'];
/** A search's answer: the results, or the place's choices or suggestions. */
export type FinderAnswer = S['FinderAnswer'];
