import { expect, it } from 'vitest';
import { documentOf } from '../../test/fixtures/pages/load';
import { matchingAny } from './query';

it('matchingAny gives what any selector matches, an element matched by several once', () => {
  const doc = documentOf('<h1 id="a" hidden>A</h1><p id="b" hidden>B</p><p id="c">C</p>');
  const ids = (found: Set<Element>) => [...found].map((element) => element.id).sort();
  expect(ids(matchingAny(doc, ['h1', '[hidden]']))).toEqual(['a', 'b']);
  expect(matchingAny(doc, ['h1', '[hidden]']).size).toBe(2);
  expect(matchingAny(doc, [])).toEqual(new Set());
});
