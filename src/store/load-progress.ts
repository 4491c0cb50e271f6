/**
 * Progress of a long load, for a person watching a terminal: which phase it is in (reading and
 * validating the seeds, writing nodes, writing relationships, deriving, committing or switching),
 * how far it has got and how fast it goes. Loads report to this; the CLI and the server decide
 * where the lines go.
 */
export interface LoadProgress {
  /** Starts a phase, ending the one before. `total` is the number of `unit`s it will do, when known. */
  phase(name: string, options?: { total?: number; unit?: string }): void;
  /** Counts `count` more units done in the current phase. */
  advance(count: number): void;
  /** Ends the current phase (the last one of a load, or one that failed). */
  end(): void;
}

/** Reports nothing. */
export const NO_PROGRESS: LoadProgress = {
  phase: () => undefined,
  advance: () => undefined,
  end: () => undefined,
};

export interface ProgressLine {
  readonly phase: string;
  readonly done: number;
  readonly total?: number;
  readonly unit: string;
  readonly seconds: number;
  /** Units per second over the phase so far. */
  readonly rate: number;
  /** True for the line that ends a phase. */
  readonly finished: boolean;
  /** The same facts as one line of text. */
  readonly text: string;
}

export interface TerminalProgressOptions {
  /** A phase shorter than this gets no line at all (the small real graph stays quiet). Default 1000. */
  readonly quietMs?: number;
  /** While a phase runs, one line every this often. Default 5000. */
  readonly everyMs?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
  /** Timers, for tests; a line every `everyMs` also while nothing advances (one long statement). */
  readonly timers?: boolean;
}

const count = (n: number) => Math.round(n).toLocaleString('en-GB');

function describe(phase: string, done: number, total: number | undefined, unit: string, ms: number) {
  const seconds = ms / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const elapsed = `${seconds.toFixed(1)} s`;
  // A phase that counts nothing (a commit, a switch) only says how long it has taken.
  if (done === 0 && total === undefined) return { seconds, rate, text: `${phase}, ${elapsed}` };
  const share = total === undefined ? '' : ` of ${count(total)}`;
  const percent = total ? ` (${Math.floor((done / total) * 100)} %)` : '';
  // Slow phases (a few statements a minute) keep a decimal rather than showing 0/s.
  const speed = done > 0 && seconds > 0 ? `, ${rate < 10 ? rate.toFixed(1) : count(rate)} ${unit}/s` : '';
  return { seconds, rate, text: `${phase}: ${count(done)}${share} ${unit}${percent}${speed}, ${elapsed}` };
}

/**
 * Progress as lines for a terminal: a line when a phase that took at least `quietMs` ends, and one
 * every `everyMs` while a phase runs (driven by advance() while the event loop is busy, and by a
 * timer while the engine works on one long statement). `write` gets each line.
 */
export function lineProgress(
  write: (line: ProgressLine) => void,
  options: TerminalProgressOptions = {},
): LoadProgress {
  const quietMs = options.quietMs ?? 1000;
  const everyMs = options.everyMs ?? 5000;
  const now = options.now ?? (() => performance.now());
  let current: {
    name: string;
    total?: number;
    unit: string;
    started: number;
    done: number;
    said: number;
  } | null = null;
  let timer: NodeJS.Timeout | undefined;

  const say = (finished: boolean) => {
    if (!current) return;
    const ms = now() - current.started;
    const { seconds, rate, text } = describe(current.name, current.done, current.total, current.unit, ms);
    current.said = now();
    write({
      phase: current.name,
      done: current.done,
      ...(current.total === undefined ? {} : { total: current.total }),
      unit: current.unit,
      seconds,
      rate,
      finished,
      text: finished ? `${text} (done)` : text,
    });
  };
  const tick = () => {
    if (current && now() - current.said >= everyMs) say(false);
  };
  const end = () => {
    if (current && now() - current.started >= quietMs) say(true);
    current = null;
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  return {
    phase(name, phaseOptions = {}) {
      end();
      const started = now();
      current = {
        name,
        ...(phaseOptions.total === undefined ? {} : { total: phaseOptions.total }),
        unit: phaseOptions.unit ?? 'records',
        started,
        done: 0,
        said: started,
      };
      if (options.timers !== false) {
        timer = setInterval(tick, everyMs);
        // A progress timer must never keep the process alive.
        timer.unref();
      }
    },
    advance(n) {
      if (!current) return;
      current.done += n;
      tick();
    },
    end,
  };
}

/**
 * The progress a load reports under a configured mode (HLP_LOAD_PROGRESS): `auto` for phases over
 * a second and every five seconds of a long one, `all` for every phase, `off` for none.
 */
export function progressFor(mode: 'auto' | 'all' | 'off', write: (line: ProgressLine) => void): LoadProgress {
  if (mode === 'off') return NO_PROGRESS;
  return lineProgress(write, mode === 'all' ? { quietMs: 0 } : {});
}
