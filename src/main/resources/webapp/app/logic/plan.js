// A room's floor plan: 1000 × 1000 units, tables as boxes on a 10-unit grid. Pure: no DOM (unit-tested
// with node --test, src/test/js/plan.test.mjs). A position is {x, y, width, height, rotation, shape}
// as the table API stores it.

export const PLAN = 1000;
export const GRID = 10;
export const SHAPES = [['round', 'Round'], ['square', 'Square'], ['rectangle', 'Rectangle']];

const snap = v => Math.round(v / GRID) * GRID;
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** A position kept on the plan: the whole table inside 0..1000, on the grid, sizes 10..1000, rotation 0..359. */
export function normalise(p) {
  const width = clamp(snap(p.width), GRID, PLAN);
  const height = clamp(snap(p.height), GRID, PLAN);
  return {
    x: clamp(snap(p.x), 0, PLAN - width),
    y: clamp(snap(p.y), 0, PLAN - height),
    width, height,
    rotation: ((Math.round(p.rotation ?? 0) % 360) + 360) % 360,
    shape: SHAPES.some(([s]) => s === p.shape) ? p.shape : 'square',
  };
}

/** A size that suits the capacity, for a table placed for the first time. */
export function defaultSize(capacity) {
  if (capacity <= 2) return {width: 80, height: 80, shape: 'round'};
  if (capacity <= 4) return {width: 100, height: 100, shape: 'square'};
  return {width: Math.min(300, 60 + capacity * 20), height: 90, shape: 'rectangle'};
}

/** Whether two boxes share any area (touching edges do not overlap). */
export function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The first spot, scanning the plan row by row, where a table of that size touches no placed table. */
export function freeSpot(size, placed) {
  const margin = 20;
  for (let y = margin; y + size.height <= PLAN; y += 40) {
    for (let x = margin; x + size.width <= PLAN; x += 40) {
      const box = {x: x - margin, y: y - margin, width: size.width + 2 * margin, height: size.height + 2 * margin};
      if (!placed.some(p => overlaps(box, p))) return {x, y};
    }
  }
  return {x: margin, y: margin};
}

/** A change of shape: square and round tables are as deep as they are wide. */
export function reshape(p, shape) {
  const next = {...p, shape};
  if (shape !== 'rectangle' && next.width !== next.height) next.height = next.width;
  return normalise(next);
}

/** Where an arrow key (Shift: bigger steps) or R (Shift+R back) takes a table, or null for another key. */
export function keyMove(p, key, shift) {
  const step = shift ? 50 : GRID;
  const moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
  if (moves[key]) return normalise({...p, x: p.x + moves[key][0], y: p.y + moves[key][1]});
  if (key === 'r' || key === 'R') return normalise({...p, rotation: p.rotation + (shift ? -15 : 15)});
  return null;
}

/** The table API's PUT body (PUT replaces the table: every field goes) with position. */
export function tableBody(t, position) {
  return {name: t.name, capacity: t.capacity, can_merge: !!t.can_merge, zone: t.zone ?? '', position};
}
