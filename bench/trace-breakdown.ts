/**
 * What the browser's main thread did in the longest tasks of a Chromium trace: self time
 * per trace event (script, style, layout, paint, parse...) and, from the V8 samples in the
 * same trace, per JavaScript function. For `npm run bench -- runtime --trace`: the figures
 * say where a long task goes, so the fix goes to the right place.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread time of the event. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

export interface TaskBreakdown {
  start: number;
  duration: number;
  cpu: number;
  events: [string, number][];
  functions: [string, number][];
}

const MAIN_THREAD = 'CrRendererMain';
const ROWS = 12;

const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;

/**
 * The renderer main threads (`pid:tid`) that ran the page's own scripts: a trace also holds
 * the browser's own pages (a new-tab page, the omnibox's popup) in renderers of their own.
 */
function mainThreads(events: TraceEvent[], origin: string): Set<string> {
  const main = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === MAIN_THREAD).map(thread),
  );
  const url = (e: TraceEvent) =>
    String(e.args?.data?.url ?? (e.args?.beginData as { url?: string })?.url ?? '');
  return new Set(
    events.filter((e) => main.has(thread(e)) && url(e).startsWith(origin)).map(thread),
  );
}

function label(event: TraceEvent): string {
  const data = event.args?.data;
  const layout = (event.args?.beginData ?? {}) as { dirtyObjects?: number; totalObjects?: number };
  if (event.name === 'Layout' && layout.totalObjects)
    return `Layout (${layout.dirtyObjects} of ${layout.totalObjects} objects)`;
  const fn = data?.functionName || (data?.url ? String(data.url).split('/').pop() : '');
  return fn ? `${event.name} ${fn}` : event.name;
}

const sorted = (self: Map<string, number>) => [...self].sort((a, b) => b[1] - a[1]).slice(0, ROWS);

/**
 * Self time (ms) per event name inside one task, from the complete events nested in it
 * (a child that outlasts its parent in the trace is cut at the parent's end).
 */
function selfTimes(inside: TraceEvent[]): [string, number][] {
  const self = new Map<string, number>();
  const stack: { end: number; key: string }[] = [];
  let cursor = inside[0]?.ts ?? 0;
  const add = (key: string | undefined, until: number) => {
    if (until <= cursor) return;
    if (key) self.set(key, (self.get(key) ?? 0) + (until - cursor) / 1000);
    cursor = until;
  };
  const pop = () => {
    const top = stack.pop()!;
    add(top.key, top.end);
  };
  for (const event of inside) {
    while (stack.length && stack.at(-1)!.end <= event.ts) pop();
    add(stack.at(-1)?.key, event.ts);
    const end = Math.min(event.ts + (event.dur ?? 0), stack.at(-1)?.end ?? Infinity);
    stack.push({ end, key: label(event) });
  }
  while (stack.length) pop();
  return sorted(self);
}

interface Sample {
  time: number;
  frame: string;
}

/**
 * V8's samples of one thread, from the trace's `ProfileChunk` events (category
 * `disabled-by-default-v8.cpu_profiler`), each with the function it was in.
 */
function samples(events: TraceEvent[], onThread: string): Sample[] {
  const frames = new Map<number, string>();
  const out: Sample[] = [];
  const starts = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && thread(e) === onThread)
      starts.set(
        `${e.pid}:${e.id}`,
        Number((e.args?.data as { startTime?: number })?.startTime ?? e.ts),
      );
  }
  const clocks = new Map(starts);
  for (const e of events) {
    const key = `${e.pid}:${e.id}`; // profile ids restart in each process
    if (e.name !== 'ProfileChunk' || !clocks.has(key)) continue;
    const data = e.args?.data as {
      cpuProfile?: {
        nodes?: {
          id: number;
          callFrame: { functionName: string; url: string; lineNumber: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
    for (const node of data.cpuProfile?.nodes ?? []) {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url?.split('/').pop() || '';
      frames.set(node.id, `${functionName || '(anonymous)'} ${file}:${(lineNumber ?? -1) + 1}`);
    }
    let time = clocks.get(key)!;
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      time += data.timeDeltas?.[i] ?? 0;
      out.push({ time, frame: frames.get(id) ?? `node ${id}` });
    });
    clocks.set(key, time);
  }
  // A node's frame may come in a later chunk than its first sample.
  return out.map((s) => ({
    ...s,
    frame: s.frame.startsWith('node ')
      ? (frames.get(Number(s.frame.slice(5))) ?? s.frame)
      : s.frame,
  }));
}

/** Self time (ms) per JavaScript function among `all` samples in [from, to). */
function hotFunctions(all: Sample[], from: number, to: number): [string, number][] {
  const self = new Map<string, number>();
  const inside = all.filter((s) => s.time >= from && s.time < to);
  inside.forEach((sample, i) => {
    const next = inside[i + 1]?.time ?? to;
    self.set(sample.frame, (self.get(sample.frame) ?? 0) + (next - sample.time) / 1000);
  });
  return sorted(self);
}

/**
 * The `count` longest top-level tasks of the main thread that ran `origin`'s scripts,
 * each with where its time went.
 */
export function longestTasks(
  trace: { traceEvents: TraceEvent[] },
  origin: string,
  count = 3,
): TaskBreakdown[] {
  const threads = mainThreads(trace.traceEvents, origin);
  const onMain = trace.traceEvents
    .filter((e) => e.ph === 'X' && threads.has(thread(e)))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Top level only: a task run inside another (a nested run loop) is part of it.
  const tasks: TraceEvent[] = [];
  for (const e of onMain.filter((e) => e.name === 'RunTask')) {
    const outer = tasks.at(-1);
    if (!outer || thread(outer) !== thread(e) || e.ts >= outer.ts + (outer.dur ?? 0)) tasks.push(e);
  }
  tasks.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const traceStart = onMain[0]?.ts ?? 0;
  const sampled = new Map<string, Sample[]>();
  return tasks.slice(0, count).map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter(
      (e) => e !== task && thread(e) === thread(task) && e.ts >= task.ts && e.ts < end,
    );
    if (!sampled.has(thread(task)))
      sampled.set(thread(task), samples(trace.traceEvents, thread(task)));
    return {
      start: (task.ts - traceStart) / 1000,
      duration: (task.dur ?? 0) / 1000,
      cpu: (task.tdur ?? 0) / 1000,
      events: selfTimes(inside),
      functions: hotFunctions(sampled.get(thread(task))!, task.ts, end),
    };
  });
}
