// What the timeline lays over its grid from the seating rules: blocked tables shaded for the block's
// time with its reason (a hatched pattern and a text label, never colour alone), and the pacing row,
// each interval's starts against its cap. Which blocks and counts come from logic/blocks.js and
// logic/seating.js; the server enforces both, this only shows them.
import {h} from '../../dom.js';
import {blocksOf, clip} from '../../logic/blocks.js';
import {pacingCount, pacingIntervals, pacingSentence} from '../../logic/seating.js';
import {formatClock, timeOf} from '../../logic/time.js';

/**
 * The shades of table's blocks over the axis. view: {axis, place(el, from, length), minutesOf(seconds),
 * fromSeconds, toSeconds} (the axis' minutes and its instants).
 */
export function blockShades(view, blocks, table) {
  return blocksOf(blocks, table.id, view.fromSeconds, view.toSeconds).map(b => {
    const start = view.minutesOf(b.starts_at);
    const end = view.minutesOf(b.ends_at);
    const part = clip(start, end, view.axis.start, view.axis.end);
    if (!part) return null;
    const when = `${formatClock(timeOf(start))} to ${formatClock(timeOf(end))}`;
    const el = h('div', {class: 'tl-blocked', role: 'note', dataset: {testid: 'timeline-blocked', id: b.id, table: table.id},
      'aria-label': `${table.name} blocked from ${when}: ${b.reason}`, title: `Blocked ${when}: ${b.reason}`},
    h('span', {class: 'tl-blocked-label', text: `Blocked · ${b.reason}`}));
    view.place(el, part.from, part.length);
    return el;
  }).filter(Boolean);
}

/** The pacing row: one cell per interval of the day's paced periods, "4/6" with the whole sentence; null without pacing. */
export function pacingCapsRow(view, rules, date, bookings, zone) {
  const rows = pacingIntervals(rules, date, bookings, zone, Date.now() / 1000);
  if (rows.length === 0) return null;
  const track = h('div', {class: 'tl-track tl-pacing-track'});
  for (const r of rows) {
    const part = clip(r.from, r.to, view.axis.start, view.axis.end);
    if (!part) continue;
    const sentence = pacingSentence(r);
    const cell = h('span', {class: ['tl-cap', r.full ? 'full' : ''], dataset: {testid: 'pacing-cell', from: timeOf(r.from)},
      title: sentence, 'aria-label': sentence},
    h('span', {text: shortCount(r)}), r.full ? h('span', {class: 'tl-cap-full', text: 'full'}) : null);
    view.place(cell, part.from, part.length);
    track.append(cell);
  }
  return h('div', {class: 'tl-row tl-pacing tl-caps', id: 'timeline-pacing-caps'},
    h('div', {class: 'tl-side', text: 'Starts / cap'}), track);
}

/** The cell's short text: the parties against their cap, else the covers ("4/6", "10/24 cov."). */
function shortCount(r) {
  if (r.maxParties !== null) return `${r.parties}/${r.maxParties}`;
  return pacingCount(r).replace(' covers', ' cov.');
}
