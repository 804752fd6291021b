import { describe, expect, it, vi } from 'vitest';

import { click, mount, submit, type, type Mounted } from '@/components/ui/test-utils';
import { DEFAULT_POLICY } from '@/lib/policy/table';
import { EventCodeCheck } from './event-code';

let ui: Mounted;

async function look(code: string, glossary: Record<string, string> = {}, saveMeaning = vi.fn(async () => undefined)) {
  ui = await mount(<EventCodeCheck lang="en" policy={DEFAULT_POLICY} glossary={glossary} saveMeaning={saveMeaning} />);
  await type(ui.field('Event code'), code);
  await submit(ui.field('Event code'));
  return saveMeaning;
}

describe('event code quick check', () => {
  it('gives the documented meaning of a known code, typed loosely', async () => {
    await look(' es-402 ');
    expect(ui.get('.headline .status').dataset.status).toBe('known');
    expect(ui.get('.verdict h2').textContent).toBe('ES-402');
    expect(ui.text()).toContain('Label information incomplete');
    // A documented meaning is not the seller's to replace.
    expect(ui.root.querySelector('.verdict form')).toBeNull();
  });

  it('for an unknown code, says only what is known: the country and the three families with their checks', async () => {
    await look('FR-123');
    expect(ui.get('.headline .status').dataset.status).toBe('unknown');
    expect(ui.text()).toContain('France');
    expect(ui.text()).toContain('First-leg customs clearance failure (61.4% of failures)');
    expect(ui.text()).toContain('Shelving interception at the warehouse');
    expect(ui.text()).toContain('Inventory sync delay');
  });

  it('says when the prefix is not a warehouse country', async () => {
    await look('ZZ-100');
    expect(ui.text()).toContain('The prefix is not a Local Stock warehouse country');
  });

  it("shows the seller's own meaning from the glossary", async () => {
    await look('FR-123', { 'FR-123': 'Carton over weight' });
    expect(ui.get('.headline .status').dataset.status).toBe('known');
    expect(ui.text()).toContain('Carton over weight');
  });

  it('records a meaning for an unknown code', async () => {
    const save = await look('FR-123');
    const note = ui.get<HTMLInputElement>('.verdict form input');
    expect(note.getAttribute('aria-label')).toBe('What FR-123 means (your note)');
    await type(note, 'Carton over weight');
    await click(ui.button('Save'));
    expect(save).toHaveBeenCalledWith('FR-123', 'Carton over weight');
  });

  it.each(['ES402', 'E-402', 'ES-40'])('refuses %j with the expected shape', async (code) => {
    await look(code);
    expect(ui.field('Event code').getAttribute('aria-invalid')).toBe('true');
    expect(ui.text()).toContain('A code is two letters, a dash and three digits, such as ES-402');
  });
});
