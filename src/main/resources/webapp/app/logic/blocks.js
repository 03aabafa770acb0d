// Blocked tables as the timeline, the floor and setup show them (the REST shape of docs/seating.md:
// table_ids, starts_at, ends_at in Unix seconds, reason). Pure: no DOM (unit-tested with node --test,
// src/test/js/blocks.test.mjs).

/** Whether block overlaps [from, to) (Unix seconds); touching ends do not overlap. */
export function overlaps(block, from, to) {
  return block.starts_at < to && from < block.ends_at;
}

/** The blocks of tableId overlapping [from, to), by start. */
export function blocksOf(blocks, tableId, from, to) {
  return blocks.filter(b => b.table_ids.includes(tableId) && overlaps(b, from, to))
    .sort((a, b) => a.starts_at - b.starts_at);
}

/** The block of tableId in force at nowSeconds, or null (the one ending last when several are). */
export function blockAt(blocks, tableId, nowSeconds) {
  const now = blocksOf(blocks, tableId, nowSeconds, nowSeconds + 1);
  return now.length ? now.reduce((a, b) => (b.ends_at > a.ends_at ? b : a)) : null;
}

/** The next block of tableId starting after nowSeconds and before untilSeconds, or null. */
export function nextBlock(blocks, tableId, nowSeconds, untilSeconds) {
  return blocksOf(blocks, tableId, nowSeconds, untilSeconds).find(b => b.starts_at > nowSeconds) ?? null;
}

/** The blocks not over at nowSeconds, by start (setup's list). */
export function upcoming(blocks, nowSeconds) {
  return blocks.filter(b => b.ends_at > nowSeconds).sort((a, b) => a.starts_at - b.starts_at || a.id.localeCompare(b.id));
}

/**
 * Clips a block to an axis of minutes: given its start and end as minutes from the axis' day
 * (minutesOf) and the axis [start, end), the shaded part {from, length}, or null when outside.
 */
export function clip(startMinute, endMinute, axisStart, axisEnd) {
  const from = Math.max(startMinute, axisStart);
  const to = Math.min(endMinute, axisEnd);
  return to > from ? {from, length: to - from} : null;
}

/**
 * Keeps the known blocks (a Map by id) current with a live event: created adds, deleted removes for
 * good. A block is never changed, only made and deleted, so deleted ids are remembered: an event
 * delivered again after a resume cannot bring a deleted block back. True when something changed.
 */
export function applyBlockEvent(map, deleted, event) {
  const block = event.block;
  if (!block?.id) return false;
  if (event.type === 'block.created') {
    if (deleted.has(block.id) || map.has(block.id)) return false;
    map.set(block.id, block);
    return true;
  }
  if (event.type === 'block.deleted') {
    deleted.add(block.id);
    return map.delete(block.id);
  }
  return false;
}
