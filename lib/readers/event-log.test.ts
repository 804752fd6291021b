import { describe, expect, it } from 'vitest';
import { EXPECTED_PAGES } from '../../test/fixtures/pages/expected';
import { documentOf, loadFixture } from '../../test/fixtures/pages/load';
import { readEventCodes } from './event-log';

const codes = (html: string) => readEventCodes(documentOf(html).body).map((sighting) => sighting.code);

describe('readEventCodes on the fixture pages', () => {
  it.each(Object.entries(EXPECTED_PAGES).filter(([, page]) => page.kinds.includes('event-log')))('%s: every code, with its SKU', (name, page) => {
    const sightings = readEventCodes(loadFixture(name));
    expect(sightings.map(({ code, sku }) => ({ code, sku }))).toEqual(page.events.map(({ code, sku }) => ({ code, sku })));
  });

  it('the element is the smallest one whose own text holds the code', () => {
    const sightings = readEventCodes(loadFixture('event-log-zh'));
    expect(sightings.map((sighting) => sighting.element.localName)).toEqual(['p', 'span', 'span', 'span', 'p']);
    expect(sightings[4]!.element.textContent).toContain('海关反馈 MX-711：');
  });
});

describe('what is a code', () => {
  it('CC-NNN on its own, in a sentence, next to Chinese punctuation', () => {
    expect(codes('<p>ES-402</p><p>海关反馈MX-711：请补充</p><p>(SA-118).</p><p>codes FR-230, PL-305</p>')).toEqual(['ES-402', 'MX-711', 'SA-118', 'FR-230', 'PL-305']);
  });

  it('no longer tokens, lower case or other shapes', () => {
    expect(codes('<p>PO-ES-4021-X ES-4021 8123456789 LP00123456789ES es-402 ES402 E-402 ESP-402 ES-40 ES-402-A XES-402 ES-402B 2026-03-01 UTC-800</p>')).toEqual([]);
  });

  it('skips scripts, styles, text areas, editors and our own badges', () => {
    expect(
      codes(`<script>var c = "ES-402"</script><style>.a::after{content:"ES-403"}</style><textarea>ES-404</textarea>
        <div contenteditable="true">ES-405</div><span data-lsm-kind="event-code" data-lsm-code="ES-406">ES-406</span><p>ES-407</p>`),
    ).toEqual(['ES-407']);
  });

  it('one sighting per code per element, each element its own', () => {
    const sightings = readEventCodes(documentOf('<p>ES-402 again ES-402 and <b>ES-402</b></p>').body);
    expect(sightings.map((sighting) => [sighting.code, sighting.element.localName])).toEqual([
      ['ES-402', 'p'],
      ['ES-402', 'b'],
    ]);
  });

  it('the SKU from the row of a table with a SKU column, none outside tables or without one', () => {
    const sightings = readEventCodes(
      documentOf(`<table><thead><tr><th>SKU</th><th>Code</th></tr></thead><tbody>
        <tr><td>A-1</td><td><div><span>ES-402</span></div></td></tr>
        <tr><td>--</td><td>MX-711</td></tr>
      </tbody></table>
      <table><tr><th>Code</th></tr><tr><td>SA-118</td></tr></table><p>FR-230</p>`).body,
    );
    expect(sightings.map(({ code, sku }) => [code, sku])).toEqual([
      ['ES-402', 'A-1'],
      ['MX-711', null],
      ['SA-118', null],
      ['FR-230', null],
    ]);
  });
});
