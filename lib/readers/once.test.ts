import { describe, expect, it } from 'vitest';

import { kept as keptReading, KeptReadings, once, readingOnce } from './once';

describe('readingOnce', () => {
  it('reads each root once per reader inside, afresh outside', () => {
    let reads = 0;
    const read = (root: object) => once('count', root, () => ++reads);
    const a = {};
    const b = {};
    readingOnce(() => {
      expect([read(a), read(a), read(b), read(a)]).toEqual([1, 1, 2, 1]);
      // Nested: still the same pass.
      readingOnce(() => expect(read(b)).toBe(2));
    });
    expect(read(a)).toBe(3);
    expect(read(a)).toBe(4);
    readingOnce(() => expect(read(a)).toBe(5));
  });
});

describe('KeptReadings', () => {
  it('keeps a reading of a subtree across passes until the page changes something inside it, or removes it', () => {
    document.body.innerHTML = '<div id="clock">08:00</div><table><tbody><tr><td>ES-1</td></tr></tbody></table>';
    const table = document.querySelector('table')!;
    const cell = document.querySelector('td')!;
    const kept = new KeptReadings();
    let reads = 0;
    const pass = () => readingOnce(() => keptReading('rows', table, () => ++reads), kept);

    expect([pass(), pass()]).toEqual([1, 1]);
    // A change beside the table: still the first reading.
    document.getElementById('clock')!.firstChild!.textContent = '08:01';
    kept.change(document.getElementById('clock')!.firstChild!);
    expect(pass()).toBe(1);
    // Text changed inside, then children changed inside: read again, each time.
    kept.change(cell.firstChild!);
    expect(pass()).toBe(2);
    kept.change(table.tBodies[0]!);
    expect(pass()).toBe(3);
    expect(pass()).toBe(3);
    // Off the page it is read each time; put back, it is read again (it may have changed unseen).
    table.remove();
    expect([pass(), pass()]).toEqual([4, 5]);
    document.body.append(table);
    kept.change(document.body, [table]);
    expect([pass(), pass()]).toEqual([6, 6]);
    const wrapper = document.createElement('div');
    document.body.append(wrapper);
    wrapper.append(table);
    kept.change(document.body, [wrapper]);
    expect(pass()).toBe(7);
  });

  it('outside a pass, or in a pass without kept readings, reads as once does', () => {
    const root = document.createElement('div');
    let reads = 0;
    const read = () => keptReading('count', root, () => ++reads);
    expect([read(), read()]).toEqual([1, 2]);
    readingOnce(() => expect([read(), read()]).toEqual([3, 3]));
  });
});
