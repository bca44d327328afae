// The end-of-step cue: a short beep (WebAudio) and a vibration where the
// device has one. Both fail silently; the screen always shows the cue too.
let ctx: AudioContext | null = null;

/** Call from a user gesture (a tap) so the browser lets the beep play later. */
export function unlockAudio(): void {
  try {
    if (!ctx) {
      const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
      if (!Ctor) return;
      ctx = new Ctor();
    }
    if (ctx.state === 'suspended') void ctx.resume();
  } catch {
    ctx = null;
  }
}

let count = 0;
/** How many end-of-step cues have been given on this page (shown to tests as data-cues). */
export function cueCount(): number {
  return count;
}

export function endOfStepCue(): void {
  count++;
  document.body.dataset.cues = String(count);
  try {
    navigator.vibrate?.([200, 100, 200]);
  } catch {
    /* no vibration on this device */
  }
  try {
    unlockAudio();
    if (!ctx) return;
    const t = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.4);
  } catch {
    /* no audio */
  }
}
