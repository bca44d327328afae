# Sourced by bench/run.sh and bench/http/run.sh: writes the benchmark person's
# journal through the CLI. The four-region person of bench/fixtures.cpp: a
# six-week program from FIRST and a new one every 42 days, Monday to
# Saturday, 30 minutes; daily pain for each region; every due session done at
# its target dose with soreness 2; an all-clear check-in the next day for each
# region an instrument worked.
#
# write_journal FASCIA DB WORK FIRST DAYS  — sets `sessions` to the count.

write_journal() {
  local fascia=$1 db=$2 work=$3 first=$4 days=$5
  local regions=(upper-trapezius:both:6 plantar-fascia:both:4 calves:both:4 glutes:left:5)
  f() { "$fascia" --db "$db" "$@"; }
  profile_set() {  # $1 = today and start
    local args=()
    for r in "${regions[@]}"; do args+=(--region "$r"); done
    f --today "$1" profile set "${args[@]}" --tools starter-kit,rolling-kit,massage-ball \
      --days mon,tue,wed,thu,fri,sat --minutes 30 --start "$1" --weeks 6 >/dev/null
  }

  profile_set "$first"
  # The question ids come from the knowledge base the binary itself uses.
  "$fascia" --json kb list questions | jq -r '.[].id + ": no"' >"$work/answers.yaml"
  f --today "$first" screen --answers "$work/answers.yaml" >/dev/null
  sessions=0
  local sore=() n day region side pain score protocol session cards
  for n in $(seq 0 $((days - 1))); do
    day=$(date -u -d "$first + $n days" +%F)
    ((n > 0 && n % 42 == 0)) && profile_set "$day"
    for region in "${sore[@]}"; do f --today "$day" log reaction "$region" --soreness 0 >/dev/null; done
    sore=()
    for r in "${regions[@]}"; do
      IFS=: read -r region side pain <<<"$r"
      score=$((pain - n / 14)); ((score < 0)) && score=0
      f --today "$day" log pain "$region:$side" "$score" >/dev/null
    done
    f --today "$day" --json today >"$work/day.json"
    for protocol in $(jq -r '.due[]?.protocol' "$work/day.json"); do
      session=$(jq --arg p "$protocol" '.due[] | select(.protocol == $p)' "$work/day.json")
      cards=$(jq '[.steps[] | if .per_side and .side == "both" then 2 else 1 end] | add' <<<"$session")
      { for _ in $(seq "$cards"); do echo "done"; done; echo "soreness 2"; } >"$work/script.txt"
      f --today "$day" session --protocol "$protocol" --script "$work/script.txt" >/dev/null
      mapfile -t -O "${#sore[@]}" sore < <(jq -r '[.steps[] | select(.modality == "instrument") | .region] | unique[]' <<<"$session")
      sessions=$((sessions + 1))
    done
  done
}
