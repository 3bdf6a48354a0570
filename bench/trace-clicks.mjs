#!/usr/bin/env node
// `node bench/trace-clicks.mjs <trace.json>`: reads a Chromium trace written with
// LECTERN_BENCH_TRACE (highlight.bench.ts) and prints, for each click, on the page's main
// thread and in ms from its pointerdown: the click's task, the frames (BeginMainFrame tasks) and
// the WebSocket's tasks (a bridge answer is handled in a kNetworking task: the network service's
// message; kWebSocket tasks are the socket's own bookkeeping). Under each click, its parts: the
// pointerdown's and the click's dispatch, split into the app's listeners (script with a URL: the
// bundle) and the harness's (Playwright's hit-target check, the frame probe: script without one),
// the click's microtasks (Lit's updates) and forced style/layout, the wait for the frame, and the
// frame's own steps (requestAnimationFrame callbacks, style, layout, IntersectionObserver: the
// content-visibility chunks, paint, commit).
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
    const ms = (us) => inMs(us - down.ts);
    if (name !== null) spans.push(`${name} ${ms(event.ts)}..${ms(event.ts + (event.dur ?? 0))}`);
  }
  console.log(spans.join(' | '));
  console.log(`  ${parts(down)}`);
}

/** Total ms of the events named `name` in [from, to] that `keep` accepts (nested repeats counted once). */
function total(name, from, to, keep = () => true) {
  let sum = 0;
  let end = -1;
  for (const event of onMain) {
    if (event.name !== name || event.ts < from || event.ts > to || event.ts < end || !keep(event)) continue;
    sum += event.dur ?? 0;
    end = event.ts + (event.dur ?? 0);
  }
  return inMs(sum);
}

/** A duration in µs, shown in ms. */
function inMs(us) {
  return (us / 1000).toFixed(2);
}

/** Script of the app (the bundle has a URL) or of the harness (evaluated, without one). */
function fromApp(event) {
  return Boolean(event.args?.data?.url);
}
function fromHarness(event) {
  return !fromApp(event);
}

/** One click's parts, in ms (see the header). */
function parts(down) {
  const click = onMain.find(
    (e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && e.ts >= down.ts,
  );
  if (!click) return 'no click';
  const frame = onMain.find((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ts > click.ts);
  const downEnd = down.ts + down.dur;
  const clickEnd = click.ts + click.dur;
  const listeners = (from, to) =>
    `app ${total('FunctionCall', from, to, fromApp)}, harness ${total('FunctionCall', from, to, fromHarness)}`;
  const shown = [
    `pointerdown ${inMs(down.dur)} (${listeners(down.ts, downEnd)})`,
    `click ${inMs(click.dur)} (${listeners(click.ts, clickEnd)}, microtasks ${total('RunMicrotasks', click.ts, clickEnd)}, forced style+layout ${total('Blink.ForcedStyleAndLayout.UpdateTime', click.ts, clickEnd)})`,
  ];
  if (!frame) return shown.join('; ');
  const [from, to] = [frame.ts, frame.ts + frame.dur];
  shown.push(
    `wait ${inMs(frame.ts - clickEnd)}`,
    `frame ${inMs(frame.dur)} (rAF ${listeners(from, to)}, style ${total('UpdateLayoutTree', from, to)}, layout ${total('Layout', from, to)}, intersections ${total('IntersectionObserverController::computeIntersections', from, to)}, paint ${total('LocalFrameView::RunPaintLifecyclePhase', from, to)}, commit ${total('Commit', from, to)})`,
  );
  return shown.join('; ');
}
