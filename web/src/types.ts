// The JSON objects the fascia API answers with. Field names follow
// src/fascia/adapters/json_views.cpp (FASCIA_TO_JSON) and docs/API.md.

export type Side = 'left' | 'right' | 'both' | 'midline';
export type Laterality = 'paired' | 'midline';
export type RegionClass = 'normal' | 'sensitive' | 'practitioner-only' | 'needs-medical-clearance';
export type Modality = 'instrument' | 'compression' | 'pressure' | 'movement' | 'preparation' | 'percussion';
export type DoseUnit = 'strokes' | 'seconds';
export type ClearanceLevel = 'cleared' | 'self-care-with-cautions' | 'see-practitioner-first' | 'urgent' | 'emergency';
export type StopAction = 'stop-step' | 'stop-session' | 'emergency';
export type QuestionKind = 'yes-no' | 'regions';
export type StepStatus = 'done' | 'skipped' | 'stopped';
export type ReviewState = 'not-yet' | 'improving' | 'not-improving' | 'no-data';
/** [min, max] */
export type IntRange = [number, number];

export interface Reason {
  rule: string;
  text: string;
  source: string;
}
export interface Source {
  id: string;
  title: string;
  citation: string;
}
export interface Region {
  id: string;
  name: string;
  chain: string;
  laterality: Laterality;
  region_class: RegionClass;
  pressure_cap: number | null;
  allowed_techniques: string[];
  dose_seconds: IntRange | null;
  note: string;
  source: string;
}
export interface Tool {
  id: string;
  name: string;
  edges: string[];
  source: string;
}
export interface Kit {
  id: string;
  name: string;
  tools: string[];
  note: string;
  source: string;
}
export interface Technique {
  id: string;
  name: string;
  modality: Modality;
  unit: DoseUnit;
  pressure: IntRange | null;
  seconds_per_stroke: number;
  description: string;
  source: string;
}
export interface Step {
  technique: string;
  edges: string[];
  region: string;
  direction: string;
  pressure: IntRange | null;
  dose: IntRange;
  per_side: boolean;
  optional: boolean;
  instruction: string;
  cues: string[];
  cautions: string[];
  stop_signs: string[];
  source: string;
}
export interface Protocol {
  id: string;
  name: string;
  summary: string;
  condition: string;
  eligible_regions: string[];
  requires_tools: string[];
  sessions_per_week: number;
  weeks: IntRange;
  steps: Step[];
  source: string;
}
export interface Question {
  id: string;
  text: string;
  kind: QuestionKind;
  group: string;
  help: string;
  source: string;
}
export interface StopSign {
  id: string;
  name: string;
  action: StopAction;
  advice: string;
  rescreen_question: string;
  /** Points (/10) the next pressure cap on the stopped area drops by; 0 = unchanged. */
  lower_pressure_next_time: number;
  source: string;
}
export interface Habit {
  id: string;
  name: string;
  description: string;
  source: string;
}
export interface TreatmentModality {
  id: string;
  name: string;
  description: string;
  offered_by_practitioners: boolean;
  source: string;
}
export interface PainLocation {
  id: string;
  name: string;
}

export interface RegionTarget {
  region: string;
  side: Side;
  pain: number;
}
export interface Profile {
  name: string;
  regions: RegionTarget[];
  tools: string[];
  weekdays: number[];
  minutes_per_session: number;
  start?: string;
  weeks?: number;
}

// A region and the side it concerns (issue 8: findings and answers carry sides).
export interface RegionSide {
  region: string;
  side: Side;
}
export interface Finding {
  rule: string;
  level: ClearanceLevel;
  because: string[];
  regions: RegionSide[];
  modalities: Modality[];
  pressure_cap: number | null;
  gentle: boolean;
  advice: string;
  source: string;
  until_cleared: boolean; // a warning sign: stays until a practitioner clearance is recorded
  raised: string | null;
  carried: boolean; // in force from an earlier screening
}
// A practitioner clearance the person recorded.
export interface ClearanceEntry {
  date: string;
  by: string;
  regions: RegionSide[];
  note: string;
  after_screenings: number; // screenings on record when it was recorded (set by the server)
}
// One warning-sign finding over time.
export interface FindingHistory {
  rule: string;
  level: ClearanceLevel;
  raised: string;
  because: string[];
  regions: RegionSide[];
  cleared: string | null;
  cleared_by: string;
  source: string;
  /** The stop sign that raised it during a session that day; empty when answered in the screening. */
  stop_sign: string;
  stop_sign_name: string;
}
export interface Clearance {
  level: ClearanceLevel;
  plan_allowed: boolean;
  findings: Finding[];
}
/** One area a region question is answered for: paired regions take left, right or both; midline ones take midline. */
export interface RegionAnswer {
  region: string;
  side: Side;
}
export interface Answer {
  yes: boolean;
  regions?: RegionAnswer[];
}
export interface ScreeningRecord {
  date: string;
  answers: Record<string, Answer>;
  clearance: Clearance;
}

export interface PlannedStep {
  index: number;
  technique: string;
  technique_name: string;
  modality: Modality;
  unit: DoseUnit;
  edge: string;
  edge_name: string;
  region: string;
  region_name: string;
  side: Side;
  per_side: boolean;
  optional: boolean;
  direction: string;
  pressure: IntRange | null;
  dose: IntRange;
  target: number;
  instruction: string;
  cues: string[];
  cautions: string[];
  stop_signs: string[];
  adaptations: Reason[];
  source: string;
}
export interface PlannedSession {
  protocol: string;
  protocol_name: string;
  target_region: string;
  side: Side;
  steps: PlannedStep[];
}
export interface PlanDay {
  date: string;
  sessions: PlannedSession[];
}
export interface Exclusion {
  region: string;
  side: Side;
  reasons: Reason[];
}
export interface Plan {
  blocked: boolean;
  blocked_by: Reason[];
  start: string;
  end: string;
  review: string;
  days: PlanDay[];
  excluded: Exclusion[];
  notes: Reason[];
  habits: string[];
}
export interface ReasonArea {
  region: string;
  side: Side;
  name: string;
}
export interface ReasonGroup {
  rule: string;
  text: string;
  areas: ReasonArea[];
  date: string | null;
  source: string;
}
export interface TodayView {
  date: string;
  blocked: boolean;
  blocked_by: Reason[];
  due: PlannedSession[];
  next: string | null;
  next_condition: string | null; // no next date: what must happen first
  not_today: Reason[];
  /** not_today grouped for display: one per rule and wording, areas named once, dates in text as "Tuesday, 8 December 2026". */
  why_not_today: ReasonGroup[];
  review_due: boolean;
  finished: boolean;
}

export interface StepLog {
  index: number;
  technique: string;
  region: string;
  side: Side;
  modality: Modality;
  status: StepStatus;
  strokes: number;
  seconds: number;
  pressure_used: number | null;
  stop_sign: string;
  note: string;
}
export interface StopOutcome {
  action: StopAction;
  advice: Reason[];
  rescreen: string[];
  session_over: boolean;
}
export interface Session {
  id: number;
  date: string;
  protocol: string;
  target_region: string;
  side: Side;
  steps: StepLog[];
  stopped: boolean;
  stop_sign: string;
  stops?: StopOutcome[];
}
export type SessionEvent =
  | { kind: 'done'; amount: number; pressure?: number }
  | { kind: 'skip'; reason: string }
  | { kind: 'stop'; signs: string[]; amount: number };
export interface SessionRun {
  protocol: string;
  events: SessionEvent[];
  soreness?: number;
}
export interface SessionResult {
  session: Session;
  stops: StopOutcome[];
  warnings: Reason[];
  clearance: Clearance | null;
}

export interface PainEntry {
  date: string;
  region: string;
  side: Side;
  score: number;
}
export interface ReactionEntry {
  date: string;
  region: string;
  side: Side;
  redness: boolean;
  red_dots: boolean;
  bruising: boolean;
  soreness: number;
}
export interface HabitEntry {
  date: string;
  habit: string;
}
export interface TreatmentEntry {
  date: string;
  treatment: string;
  region: string;
  note: string;
}
export interface NoteEntry {
  date: string;
  text: string;
}
export interface Journal {
  pain: PainEntry[];
  reactions: ReactionEntry[];
  habits: HabitEntry[];
  treatments: TreatmentEntry[];
  notes: NoteEntry[];
  sessions: Session[];
  clearances: ClearanceEntry[];
}

export interface TrendPoint {
  date: string;
  score: number;
}
export interface RegionTrend {
  region: string;
  region_name: string;
  side: Side;
  baseline: number;
  points: TrendPoint[];
  latest: number | null;
  change: number;
  change_percent: number;
  meaningful: boolean;
}
export interface WeekAdherence {
  week_start: string;
  planned: number;
  done: number;
  stopped: number;
  steps_skipped: number;
  habits: number;
}
export interface ReviewVerdict {
  state: ReviewState;
  date: string;
  see_practitioner: boolean;
  /** Sessions the original plan placed before the review, and those logged before it. */
  sessions_planned: number;
  sessions_done: number;
  reasons: Reason[];
}
export interface Adjustment {
  date: string;
  region: string;
  reason: Reason;
}
export interface Progress {
  trends: RegionTrend[];
  weeks: WeekAdherence[];
  review: ReviewVerdict;
  adjustments: Adjustment[];
  warnings: Reason[];
  treatments_elsewhere: number;
  safety_findings: FindingHistory[];
  clearances: ClearanceEntry[];
  meaningful_change: { points: number; percent: number };
}

export interface ReferralSuggestion {
  region: string;
  region_name: string;
  score: number;
  locations: string[];
  practitioner_only: boolean;
  sources: string[];
}
export interface Referral {
  note: string;
  /** To read before any suggestion, e.g. chest pain may come from the heart. */
  warnings: Reason[];
  suggestions: ReferralSuggestion[];
}

export interface Me {
  person_id: number;
  name: string;
  has_profile: boolean;
  has_screening: boolean;
  today: string;
}

export interface ApiErrorBody {
  error: { status: number; code: string; message: string; field?: string };
}

/** One area of a whole-session check-in (GET/POST /sessions/{id}/check-in). */
export interface CheckinArea {
  region: string;
  region_name: string;
  side: Side;
  redness: boolean;
  red_dots: boolean;
  bruising: boolean;
  soreness: number;
  settled: boolean;
  date?: string;
}
export interface CheckinForm {
  session_id: number;
  session_date: string;
  counts_from: string;
  areas: CheckinArea[];
}
export interface CheckinSaved {
  session_id: number;
  session_date: string;
  counts_from: string;
  saved: CheckinArea[];
  early: boolean;
  not_settled: string[];
}
export interface CheckinRun {
  date?: string;
  soreness?: number;
  areas?: { region: string; side: Side; redness?: boolean; red_dots?: boolean; bruising?: boolean; soreness?: number }[];
}
