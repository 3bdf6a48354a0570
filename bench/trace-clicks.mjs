#!/usr/bin/env node
// `node bench/trace-clicks.mjs <trace.json>`: reads a Chromium trace written with
// LECTERN_BENCH_TRACE (highlight.bench.ts) and prints, for each click, on the page's main
// thread and in ms from its pointerdown: the click's task, the frames (BeginMainFrame tasks) and
// the WebSocket's tasks (a bridge answer is handled in a kNetworking task: the network service's
// message; kWebSocket tasks are the socket's own bookkeeping).
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/trace-clicks.mjs <trace.json>');
  process.exit(2);
}
const parsed = JSON.parse(readFileSync(file, 'utf8'));
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
const mainThread = events.find(
  (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
);
if (!mainThread) {
  console.error(`${file}: no renderer main thread in this trace`);
  process.exit(1);
}
const onMain = events
  .filter((e) => e.ph === 'X' && e.pid === mainThread.pid && e.tid === mainThread.tid)
  .toSorted((a, b) => a.ts - b.ts);
const ANSWER_TASKS = new Set(['TASK_TYPE_WEB_SOCKET', 'TASK_TYPE_NETWORKING']);
const WINDOW_US = 60_000;

/** What a main-thread event is, for this summary, or null. */
function label(event) {
  if (event.name === 'EventDispatch' && event.args?.data?.type === 'click') return 'click';
  if (event.name === 'ProxyMain::BeginMainFrame') return 'frame';
  const type = event.args?.renderer_main_thread_task_execution?.task_type;
  if (event.name === 'ThreadControllerImpl::RunTask' && ANSWER_TASKS.has(type)) {
    return type.replace('TASK_TYPE_', '').toLowerCase();
  }
  return null;
}

const pointerdowns = onMain.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointerdown');
for (const down of pointerdowns) {
  const spans = [];
  for (const event of onMain) {
    if (event.ts < down.ts || event.ts > down.ts + WINDOW_US) continue;
    const name = label(event);
    const ms = (us) => ((us - down.ts) / 1000).toFixed(2);
    if (name !== null) spans.push(`${name} ${ms(event.ts)}..${ms(event.ts + (event.dur ?? 0))}`);
  }
  console.log(spans.join(' | '));
}
