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
  /** Thread (CPU) time of the event: what the machine's load does not stretch. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface TaskBreakdown {
  start: number;
  duration: number;
  cpu: number;
  events: [string, number][];
}

const MAIN_THREAD = 'CrRendererMain';

/** The renderer main threads (`pid:tid`) of the trace. */
function mainThreads(events: TraceEvent[]): Set<string> {
  return new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === MAIN_THREAD)
      .map((e) => `${e.pid}:${e.tid}`),
  );
}

function label(event: TraceEvent): string {
  const data = event.args?.data;
  const layout = (event.args as { beginData?: { dirtyObjects?: number; totalObjects?: number } })
    ?.beginData;
  if (event.name === 'Layout' && layout)
    return `Layout (${layout.dirtyObjects} of ${layout.totalObjects} objects)`;
  const fn = data?.functionName || (data?.url ? String(data.url).split('/').pop() : '');
  return fn ? `${event.name} ${fn}` : event.name;
}

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
  return [...self].sort((a, b) => b[1] - a[1]);
}

/** The `count` longest main-thread tasks of `trace`, each with its self-time breakdown. */
export function longestTasks(trace: { traceEvents: TraceEvent[] }, count = 3): TaskBreakdown[] {
  const threads = mainThreads(trace.traceEvents);
  const onMain = trace.traceEvents
    .filter((e) => e.ph === 'X' && threads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = onMain
    .filter((e) => e.name === 'RunTask')
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const origin = onMain[0]?.ts ?? 0;
  return tasks.slice(0, count).map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts < end);
    return {
      start: (task.ts - origin) / 1000,
      duration: (task.dur ?? 0) / 1000,
      cpu: (task.tdur ?? 0) / 1000,
      events: selfTimes(inside).slice(0, 12),
    };
  });
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time (ms) per JavaScript function in V8's samples between `from` and `to` (trace µs). */
export function hotFunctions(
  profile: CpuProfile,
  from: number,
  to: number,
  count = 12,
): [string, number][] {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  let time = profile.startTime;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const delta = deltas[i] ?? 0;
    time += delta;
    if (time < from || time >= to) return;
    const frame = frames.get(id)!;
    const file = frame.url.split('/').pop() || '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? delta) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}
